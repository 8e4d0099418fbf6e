package org.brookml.preprocess;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.OnlineClassifier;

/**
 * Writes and reads {@link ScaledClassifier} snapshots. Found by the service loader (declared in
 * {@code module-info.java} and {@code META-INF/services}); use {@link org.brookml.io.Snapshots}
 * rather than this class.
 */
public final class ScaledClassifierCodec extends BaseModelCodec<ScaledClassifier> {

  /** The constructor the service loader calls. */
  public ScaledClassifierCodec() {
    super("brook.preprocess.ScaledClassifier", ScaledClassifier.class, 1);
  }

  @Override
  public void write(ScaledClassifier m, SnapshotWriter out) {
    m.scaler.write(out);
    out.writeModel(m.model);
  }

  @Override
  public ScaledClassifier read(SnapshotReader in, int stateVersion) {
    StandardScaler scaler = StandardScaler.read(in);
    return new ScaledClassifier(scaler, in.readModel("inner model", OnlineClassifier.class));
  }
}
