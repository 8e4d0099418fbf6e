package org.brookml.linear;

import org.brookml.io.ModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/**
 * Snapshot layout of {@link SgdClassifier}, state version 1: dimension, loss name, optimizer kind
 * and settings (with the learning-rate schedule for plain SGD), samples seen, then the optimizer
 * state (updates, weights, intercept and per-coordinate statistics).
 */
final class SgdClassifierCodec implements ModelCodec<SgdClassifier> {

  static final SgdClassifierCodec INSTANCE = new SgdClassifierCodec();

  private SgdClassifierCodec() {}

  @Override
  public String modelType() {
    return "brook.linear.SgdClassifier";
  }

  @Override
  public Class<SgdClassifier> modelClass() {
    return SgdClassifier.class;
  }

  @Override
  public int stateVersion() {
    return 1;
  }

  @Override
  public void write(SgdClassifier m, SnapshotWriter out) {
    out.writeInt(m.dimension()).writeString(m.loss().name());
    OptimizerCodec.write(m.optimizer(), out);
    out.writeLong(m.samplesSeen());
    m.stepper().write(out);
  }

  @Override
  public SgdClassifier read(SnapshotReader in, int stateVersion) {
    int dimension = in.readInt("dimension", 1, Integer.MAX_VALUE / 8);
    if (8L * dimension > in.remaining()) {
      throw in.error("dimension", dimension + " weights do not fit the snapshot");
    }
    SgdClassifier model = SgdClassifier.builder(dimension)
        .loss(Losses.byName(in.readString("loss")))
        .optimizer(OptimizerCodec.read(in))
        .build();
    long samplesSeen = in.readLong("samples seen", 0);
    Stepper state = model.stepper().copy();
    state.read(in);
    model.restoreState(state, samplesSeen);
    return model;
  }
}
