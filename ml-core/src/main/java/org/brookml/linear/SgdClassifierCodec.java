package org.brookml.linear;

import org.brookml.optim.Losses;

/**
 * Writes and reads {@link SgdClassifier} snapshots in the linear models' shared layout. Found by
 * the service loader (declared in {@code module-info.java} and {@code META-INF/services}); use
 * {@link org.brookml.io.Snapshots} rather than this class.
 */
public final class SgdClassifierCodec extends LinearModelCodec<SgdClassifier> {

  /** The constructor the service loader calls. */
  public SgdClassifierCodec() {
    super("brook.linear.SgdClassifier", SgdClassifier.class,
        (dimension, loss, optimizer) -> SgdClassifier.builder(dimension)
            .loss(Losses.classificationByName(loss))
            .optimizer(optimizer).build());
  }
}
