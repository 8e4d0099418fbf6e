package org.brookml.drift;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/** Writes and reads {@link PageHinkley} snapshots. Found by the service loader; use Snapshots. */
public final class PageHinkleyCodec extends BaseModelCodec<PageHinkley> {

  /** The constructor the service loader calls. */
  public PageHinkleyCodec() {
    super("brook.drift.PageHinkley", PageHinkley.class, 1);
  }

  @Override
  public void write(PageHinkley d, SnapshotWriter out) {
    out.writeInt(d.minInstances).writeDouble(d.delta).writeDouble(d.lambda).writeDouble(d.alpha)
        .writeLong(d.n).writeDouble(d.mean).writeDouble(d.sum).writeDouble(d.min);
    DetectorCodecs.writeWatch(d, out);
  }

  @Override
  public PageHinkley read(SnapshotReader in, int stateVersion) {
    PageHinkley d = PageHinkley.builder()
        .minInstances(in.readInt("minInstances", 0, Integer.MAX_VALUE))
        .delta(in.readDouble("delta")).lambda(in.readDouble("lambda"))
        .alpha(in.readDouble("alpha")).build();
    d.n = in.readLong("n", 1);
    d.mean = in.readFiniteDouble("mean");
    d.sum = in.readFiniteDouble("sum");
    d.min = in.readFiniteDouble("smallest sum");
    DetectorCodecs.readWatch(d, in);
    return d;
  }
}
