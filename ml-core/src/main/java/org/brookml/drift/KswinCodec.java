package org.brookml.drift;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.vector.Vectors;

/** Writes and reads {@link Kswin} snapshots. Found by the service loader; use Snapshots. */
public final class KswinCodec extends BaseModelCodec<Kswin> {

  /** The constructor the service loader calls. */
  public KswinCodec() {
    super("brook.drift.Kswin", Kswin.class, 1);
  }

  @Override
  public void write(Kswin d, SnapshotWriter out) {
    out.writeDouble(d.alpha).writeInt(d.windowSize).writeInt(d.statSize).writeLong(d.seed)
        .writeLong(d.random.state())
        .writeInt(d.size).writeDoubles(d.values, 0, d.size)
        .writeByte(d.state.ordinal()).writeLong(d.seen).writeDouble(d.pValue);
  }

  @Override
  public Kswin read(SnapshotReader in, int stateVersion) {
    Kswin d;
    try {
      d = Kswin.builder().alpha(in.readDouble("alpha"))
          .windowSize(in.readInt("windowSize", 2, 1 << 16))
          .statSize(in.readInt("statSize", 1, 1 << 15)).seed(in.readLong("seed")).build();
    } catch (IllegalArgumentException e) {
      throw in.error("settings", e.getMessage());
    }
    d.random.setState(in.readLong("random state"));
    int size = in.readInt("values in the window", 0, d.windowSize);
    double[] window = in.readDoublesWithin("window values", size, Vectors.MAX_MAGNITUDE);
    System.arraycopy(window, 0, d.values, 0, size);
    d.size = size;
    DriftDetector.State[] states = DriftDetector.State.values();
    d.state = states[in.readByte("state", states.length)];
    d.seen = in.readLong("values seen", size);
    d.pValue = in.readFiniteDouble("p-value");
    if (!(d.pValue >= 0 && d.pValue <= 1)) {
      throw in.error("p-value", "must be in [0, 1], got " + d.pValue);
    }
    return d;
  }
}
