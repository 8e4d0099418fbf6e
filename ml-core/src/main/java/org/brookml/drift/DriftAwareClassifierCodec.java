package org.brookml.drift;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.OnlineClassifier;

/**
 * Writes and reads {@link DriftAwareClassifier} snapshots: the untrained base, the current and
 * background models and the detector, each as a nested snapshot, then the counters. Found by the
 * service loader; use Snapshots.
 */
public final class DriftAwareClassifierCodec extends BaseModelCodec<DriftAwareClassifier> {

  /** The constructor the service loader calls. */
  public DriftAwareClassifierCodec() {
    super("brook.drift.DriftAwareClassifier", DriftAwareClassifier.class, 1);
  }

  @Override
  public void write(DriftAwareClassifier m, SnapshotWriter out) {
    out.writeModel(m.prototype).writeModel(m.current).writeModel(m.background)
        .writeModel(m.detector).writeBoolean(m.backgroundFresh).writeLong(m.warnings)
        .writeLong(m.drifts).writeLong(m.samplesSeen);
  }

  @Override
  public DriftAwareClassifier read(SnapshotReader in, int stateVersion) {
    OnlineClassifier prototype = in.readModel("base", OnlineClassifier.class);
    OnlineClassifier current = in.readModel("current model", OnlineClassifier.class);
    OnlineClassifier background = in.readModel("background model", OnlineClassifier.class);
    DriftDetector detector = in.readModel("detector", DriftDetector.class);
    for (OnlineClassifier model : new OnlineClassifier[] {current, background}) {
      if (model.getClass() != prototype.getClass() || model.dimension() != prototype.dimension()
          || model.numClasses() != prototype.numClasses()) {
        throw in.error("models", "a " + model + " is unlike the base " + prototype);
      }
    }
    DriftAwareClassifier m = DriftAwareClassifier.of(prototype, detector);
    m.current = current;
    m.background = background;
    m.detector = detector;
    m.backgroundFresh = in.readBoolean("background fresh");
    m.warnings = in.readLong("warnings", 0);
    m.drifts = in.readLong("drifts", 0);
    m.samplesSeen = in.readLong("samples seen", 0);
    return m;
  }
}
