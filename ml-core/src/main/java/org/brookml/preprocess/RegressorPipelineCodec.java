package org.brookml.preprocess;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.OnlineRegressor;

/**
 * Writes and reads {@link RegressorPipeline} snapshots: the stage count, each stage's own snapshot,
 * then the regressor's. Found by the service loader; use {@link org.brookml.io.Snapshots}.
 */
public final class RegressorPipelineCodec extends BaseModelCodec<RegressorPipeline> {

  /** The constructor the service loader calls. */
  public RegressorPipelineCodec() {
    super("brook.preprocess.RegressorPipeline", RegressorPipeline.class, 1);
  }

  @Override
  public void write(RegressorPipeline pipeline, SnapshotWriter out) {
    PipelineCodecs.write(pipeline, out);
  }

  @Override
  public RegressorPipeline read(SnapshotReader in, int stateVersion) {
    return Pipeline.of(PipelineCodecs.readStages(in),
        in.readModel("model", OnlineRegressor.class));
  }
}
