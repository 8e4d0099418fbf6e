package org.brookml.preprocess;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.OnlineClassifier;

/**
 * Reads the snapshots of {@code ScaledClassifier}, the standard-scaler pipeline that
 * {@link Pipeline} replaced: the scaler's state, then the classifier's snapshot. They restore as a
 * {@link ClassifierPipeline} of one {@link StandardScaler} that predicts and learns exactly as the
 * old model did. Writes nothing: {@link ClassifierPipelineCodec} writes pipelines.
 */
public final class ScaledClassifierCodec extends BaseModelCodec<ClassifierPipeline> {

  /** The constructor the service loader calls. */
  public ScaledClassifierCodec() {
    super("brook.preprocess.ScaledClassifier", ClassifierPipeline.class, 1);
  }

  @Override
  public boolean writes() {
    return false;
  }

  @Override
  public void write(ClassifierPipeline pipeline, SnapshotWriter out) {
    throw new UnsupportedOperationException("ScaledClassifier snapshots are read, not written");
  }

  @Override
  public ClassifierPipeline read(SnapshotReader in, int stateVersion) {
    StandardScaler scaler = StandardScalerCodec.readState(in);
    return Pipeline.of(scaler, in.readModel("inner model", OnlineClassifier.class));
  }
}
