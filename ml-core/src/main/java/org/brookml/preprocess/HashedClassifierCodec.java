package org.brookml.preprocess;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.OnlineClassifier;

/**
 * Writes and reads {@link HashedClassifier} snapshots. Found by the service loader (declared in
 * {@code module-info.java} and {@code META-INF/services}); use {@link org.brookml.io.Snapshots}
 * rather than this class.
 */
public final class HashedClassifierCodec extends BaseModelCodec<HashedClassifier> {

  /** The constructor the service loader calls. */
  public HashedClassifierCodec() {
    super("brook.preprocess.HashedClassifier", HashedClassifier.class, 1);
  }

  @Override
  public void write(HashedClassifier m, SnapshotWriter out) {
    m.hasher.write(out);
    out.writeModel(m.model);
  }

  @Override
  public HashedClassifier read(SnapshotReader in, int stateVersion) {
    FeatureHasher hasher = FeatureHasher.read(in);
    return new HashedClassifier(hasher, in.readModel("inner model", OnlineClassifier.class));
  }
}
