package org.brookml.drift;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/** Writes and reads {@link Eddm} snapshots. Found by the service loader; use Snapshots. */
public final class EddmCodec extends BaseModelCodec<Eddm> {

  /** The constructor the service loader calls. */
  public EddmCodec() {
    super("brook.drift.Eddm", Eddm.class, 1);
  }

  @Override
  public void write(Eddm d, SnapshotWriter out) {
    out.writeInt(d.minInstances).writeInt(d.minErrors).writeDouble(d.warningRatio)
        .writeDouble(d.driftRatio).writeLong(d.n).writeLong(d.numErrors).writeLong(d.lastErrorAt)
        .writeDouble(d.mean).writeDouble(d.m2).writeDouble(d.m2sMax);
    DetectorCodecs.writeWatch(d, out);
  }

  @Override
  public Eddm read(SnapshotReader in, int stateVersion) {
    Eddm d = Eddm.builder().minInstances(in.readInt("minInstances", 0, Integer.MAX_VALUE))
        .minErrors(in.readInt("minErrors", 0, Integer.MAX_VALUE))
        .warningRatio(in.readDouble("warningRatio")).driftRatio(in.readDouble("driftRatio"))
        .build();
    d.n = in.readLong("n", 1);
    d.numErrors = in.readLong("errors", 0);
    d.lastErrorAt = in.readLong("last error at", 0);
    d.mean = in.readFiniteDouble("mean distance");
    d.m2 = in.readFiniteDouble("distance m2");
    d.m2sMax = in.readFiniteDouble("largest m + 2s");
    if (d.numErrors > d.n || d.lastErrorAt >= d.n || d.m2 < 0) {
      throw in.error("errors", "counts or m2 are impossible");
    }
    DetectorCodecs.readWatch(d, in);
    return d;
  }
}
