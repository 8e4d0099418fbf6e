package org.brookml.preprocess;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.OnlineRegressor;

/**
 * Reads the snapshots of {@code ScaledRegressor}, the standard-scaler pipeline that
 * {@link Pipeline} replaced: the scaler's state, then the regressor's snapshot. They restore as a
 * {@link RegressorPipeline} of one {@link StandardScaler} that predicts and learns exactly as the
 * old model did. Writes nothing: {@link RegressorPipelineCodec} writes pipelines.
 */
public final class ScaledRegressorCodec extends BaseModelCodec<RegressorPipeline> {

  /** The constructor the service loader calls. */
  public ScaledRegressorCodec() {
    super("brook.preprocess.ScaledRegressor", RegressorPipeline.class, 1);
  }

  @Override
  public boolean writes() {
    return false;
  }

  @Override
  public void write(RegressorPipeline pipeline, SnapshotWriter out) {
    throw new UnsupportedOperationException("ScaledRegressor snapshots are read, not written");
  }

  @Override
  public RegressorPipeline read(SnapshotReader in, int stateVersion) {
    StandardScaler scaler = StandardScalerCodec.readState(in);
    return Pipeline.of(scaler, in.readModel("inner model", OnlineRegressor.class));
  }
}
