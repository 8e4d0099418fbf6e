package org.brookml.linear;

import org.brookml.internal.optim.Stepper;
import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.OnlineLearner;
import org.brookml.learner.SizeLimits;
import org.brookml.optim.Loss;
import org.brookml.optim.Losses;
import org.brookml.optim.Optimizer;
import org.brookml.optim.OptimizerCodec;

/**
 * Snapshot layout shared by the linear models, state version 1: dimension, loss name, optimizer
 * kind and settings (with the schedule for plain SGD), samples seen, then the optimizer state
 * (updates, weights, intercept, per-coordinate statistics).
 *
 * @param <M> the model type
 */
abstract class LinearModelCodec<M extends LinearModel<?> & OnlineLearner>
    extends BaseModelCodec<M> {

  /** Builds an untrained model from the configuration read back. */
  interface Factory<M> {
    M create(int dimension, String lossName, Optimizer optimizer);
  }

  private final Factory<M> factory;

  LinearModelCodec(String modelType, Class<M> modelClass, Factory<M> factory) {
    super(modelType, modelClass, 1);
    this.factory = factory;
  }

  @Override
  public void write(M m, SnapshotWriter out) {
    out.writeInt(m.dimension).writeString(m.loss.name());
    OptimizerCodec.write(m.optimizer, out);
    out.writeLong(m.samplesSeen);
    m.stepper.write(out);
  }

  @Override
  public M read(SnapshotReader in, int stateVersion) {
    int dimension = in.readInt("dimension", 1, SizeLimits.MAX_DIMENSION);
    if (8L * dimension > in.remaining()) {
      throw in.error("dimension", dimension + " weights do not fit the snapshot");
    }
    M model = factory.create(dimension, in.readString("loss"),
        OptimizerCodec.read(in));
    long samplesSeen = in.readLong("samples seen", 0);
    Stepper state = model.stepper.copy();
    state.read(in);
    model.restoreState(state, samplesSeen);
    return model;
  }
}
