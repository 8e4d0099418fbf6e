package org.brookml.linear;

import org.brookml.internal.optim.Stepper;
import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.SizeLimits;
import org.brookml.optim.OptimizerCodec;

/**
 * Writes and reads {@link SoftmaxRegression} snapshots. Found by the service loader (declared in
 * {@code module-info.java} and {@code META-INF/services}); use {@link org.brookml.io.Snapshots}
 * rather than this class.
 */
public final class SoftmaxRegressionCodec extends BaseModelCodec<SoftmaxRegression> {

  /** The constructor the service loader calls. */
  public SoftmaxRegressionCodec() {
    super("brook.linear.SoftmaxRegression", SoftmaxRegression.class, 1);
  }

  @Override
  public void write(SoftmaxRegression m, SnapshotWriter out) {
    out.writeInt(m.dimension).writeInt(m.numClasses);
    OptimizerCodec.write(m.optimizer, out);
    out.writeLong(m.samplesSeen);
    for (Stepper row : m.rows) {
      row.write(out);
    }
  }

  @Override
  public SoftmaxRegression read(SnapshotReader in, int stateVersion) {
    int dimension = in.readInt("dimension", 1, SizeLimits.MAX_DIMENSION);
    int numClasses = in.readInt("numClasses", 2, SizeLimits.MAX_CLASSES);
    if (8L * dimension * numClasses > in.remaining()) {
      throw in.error("dimension x numClasses", "does not fit the snapshot");
    }
    SoftmaxRegression model = SoftmaxRegression.builder(dimension, numClasses)
        .optimizer(OptimizerCodec.read(in)).build();
    model.samplesSeen = in.readLong("samples seen", 0);
    for (Stepper row : model.rows) {
      row.read(in);
    }
    return model;
  }
}
