package org.brookml.preprocess;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.OnlineClassifier;

/**
 * Writes and reads {@link ClassifierPipeline} snapshots: the stage count, each stage's own snapshot,
 * then the classifier's. Found by the service loader; use {@link org.brookml.io.Snapshots}.
 */
public final class ClassifierPipelineCodec extends BaseModelCodec<ClassifierPipeline> {

  /** The constructor the service loader calls. */
  public ClassifierPipelineCodec() {
    super("brook.preprocess.ClassifierPipeline", ClassifierPipeline.class, 1);
  }

  @Override
  public void write(ClassifierPipeline pipeline, SnapshotWriter out) {
    PipelineCodecs.write(pipeline, out);
  }

  @Override
  public ClassifierPipeline read(SnapshotReader in, int stateVersion) {
    return Pipeline.of(PipelineCodecs.readStages(in),
        in.readModel("model", OnlineClassifier.class));
  }
}
