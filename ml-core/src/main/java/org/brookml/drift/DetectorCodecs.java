package org.brookml.drift;

import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/** The part of every detector snapshot that {@link WatchingDetector} holds: state and count. */
final class DetectorCodecs {

  private DetectorCodecs() {}

  static void writeWatch(WatchingDetector detector, SnapshotWriter out) {
    out.writeByte(detector.state().ordinal()).writeLong(detector.samplesSeen());
  }

  static void readWatch(WatchingDetector detector, SnapshotReader in) {
    DriftDetector.State[] states = DriftDetector.State.values();
    DriftDetector.State state = states[in.readByte("state", states.length)];
    detector.restoreWatch(state, in.readLong("values seen", 0));
  }
}
