package org.brookml.drift;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/** Writes and reads {@link HddmA} snapshots. Found by the service loader; use Snapshots. */
public final class HddmACodec extends BaseModelCodec<HddmA> {

  /** The constructor the service loader calls. */
  public HddmACodec() {
    super("brook.drift.HddmA", HddmA.class, 1);
  }

  @Override
  public void write(HddmA d, SnapshotWriter out) {
    out.writeDouble(d.driftConfidence).writeDouble(d.warningConfidence).writeBoolean(d.twoSided)
        .writeLong(d.n).writeDouble(d.c).writeLong(d.nLow).writeDouble(d.cLow)
        .writeLong(d.nHigh).writeDouble(d.cHigh);
    DetectorCodecs.writeWatch(d, out);
  }

  @Override
  public HddmA read(SnapshotReader in, int stateVersion) {
    HddmA d = HddmA.builder().driftConfidence(in.readDouble("driftConfidence"))
        .warningConfidence(in.readDouble("warningConfidence"))
        .twoSided(in.readBoolean("twoSided")).build();
    d.n = in.readLong("n", 0);
    d.c = in.readFiniteDouble("error sum");
    d.nLow = in.readLong("low cut count", 0);
    d.cLow = in.readFiniteDouble("low cut sum");
    d.nHigh = in.readLong("high cut count", 0);
    d.cHigh = in.readFiniteDouble("high cut sum");
    if (d.nLow > d.n || d.nHigh > d.n || !(d.c >= 0 && d.c <= d.n) || !(d.cLow >= 0
        && d.cLow <= d.nLow) || !(d.cHigh >= 0 && d.cHigh <= d.nHigh)) {
      throw in.error("counts", "cut points and sums do not fit " + d.n + " error indicators");
    }
    DetectorCodecs.readWatch(d, in);
    return d;
  }
}
