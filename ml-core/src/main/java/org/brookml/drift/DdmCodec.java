package org.brookml.drift;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/** Writes and reads {@link Ddm} snapshots. Found by the service loader; use Snapshots. */
public final class DdmCodec extends BaseModelCodec<Ddm> {

  /** The constructor the service loader calls. */
  public DdmCodec() {
    super("brook.drift.Ddm", Ddm.class, 1);
  }

  @Override
  public void write(Ddm d, SnapshotWriter out) {
    out.writeInt(d.minInstances).writeDouble(d.warningLevel).writeDouble(d.driftLevel)
        .writeInt(d.n).writeDouble(d.p).writeDouble(d.s).writeDouble(d.psMin)
        .writeDouble(d.pMin).writeDouble(d.sMin);
    DetectorCodecs.writeWatch(d, out);
  }

  @Override
  public Ddm read(SnapshotReader in, int stateVersion) {
    Ddm d = Ddm.builder().minInstances(in.readInt("minInstances", 0, Integer.MAX_VALUE))
        .warningLevel(in.readDouble("warningLevel")).driftLevel(in.readDouble("driftLevel"))
        .build();
    d.n = in.readInt("n", 1, Integer.MAX_VALUE);
    d.p = in.readFiniteDouble("error rate");
    d.s = in.readFiniteDouble("error deviation");
    d.psMin = in.readFiniteDouble("smallest p + s");
    d.pMin = in.readFiniteDouble("p at the smallest p + s");
    d.sMin = in.readFiniteDouble("s at the smallest p + s");
    if (!(d.p >= 0 && d.p <= 1 && d.s >= 0)) {
      throw in.error("error rate",
          "p " + d.p + " and s " + d.s + " are not a rate and a deviation");
    }
    DetectorCodecs.readWatch(d, in);
    return d;
  }
}
