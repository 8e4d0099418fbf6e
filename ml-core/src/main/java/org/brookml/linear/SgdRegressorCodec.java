package org.brookml.linear;

import org.brookml.optim.Losses;

/**
 * Writes and reads {@link SgdRegressor} snapshots in the linear models' shared layout. Found by
 * the service loader (declared in {@code module-info.java} and {@code META-INF/services}); use
 * {@link org.brookml.io.Snapshots} rather than this class.
 */
public final class SgdRegressorCodec extends LinearModelCodec<SgdRegressor> {

  /** The constructor the service loader calls. */
  public SgdRegressorCodec() {
    super("brook.linear.SgdRegressor", SgdRegressor.class,
        (dimension, loss, optimizer) -> SgdRegressor.builder(dimension)
            .loss(Losses.regressionByName(loss))
            .optimizer(optimizer).build());
  }
}
