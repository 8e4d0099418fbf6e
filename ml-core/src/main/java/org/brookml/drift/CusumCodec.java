package org.brookml.drift;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/** Writes and reads {@link Cusum} snapshots. Found by the service loader; use Snapshots. */
public final class CusumCodec extends BaseModelCodec<Cusum> {

  /** The constructor the service loader calls. */
  public CusumCodec() {
    super("brook.drift.Cusum", Cusum.class, 1);
  }

  @Override
  public void write(Cusum d, SnapshotWriter out) {
    out.writeInt(d.minInstances).writeDouble(d.delta).writeDouble(d.lambda).writeLong(d.n)
        .writeDouble(d.mean).writeDouble(d.sum);
    DetectorCodecs.writeWatch(d, out);
  }

  @Override
  public Cusum read(SnapshotReader in, int stateVersion) {
    Cusum d = Cusum.builder().minInstances(in.readInt("minInstances", 0, Integer.MAX_VALUE))
        .delta(in.readDouble("delta")).lambda(in.readDouble("lambda")).build();
    d.n = in.readLong("n", 1);
    d.mean = in.readFiniteDouble("mean");
    d.sum = in.readFiniteDouble("sum");
    if (d.sum < 0) {
      throw in.error("sum", "is negative: " + d.sum);
    }
    DetectorCodecs.readWatch(d, in);
    return d;
  }
}
