package org.brookml.drift;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/** Writes and reads {@link HddmW} snapshots. Found by the service loader; use Snapshots. */
public final class HddmWCodec extends BaseModelCodec<HddmW> {

  private static final String[] AVERAGES = {"total", "increase reference", "increase fresh",
      "decrease reference", "decrease fresh"};

  /** The constructor the service loader calls. */
  public HddmWCodec() {
    super("brook.drift.HddmW", HddmW.class, 1);
  }

  private static double[][] averages(HddmW d) {
    return new double[][] {d.total, d.increaseReference, d.increaseFresh, d.decreaseReference,
        d.decreaseFresh};
  }

  @Override
  public void write(HddmW d, SnapshotWriter out) {
    out.writeDouble(d.driftConfidence).writeDouble(d.warningConfidence).writeDouble(d.lambda)
        .writeBoolean(d.twoSided);
    for (double[] average : averages(d)) {
      out.writeDouble(average[0]).writeDouble(average[1]);
    }
    out.writeDouble(d.increaseCut).writeDouble(d.decreaseCut).writeBoolean(d.restartedInStep());
    DetectorCodecs.writeWatch(d, out);
  }

  @Override
  public HddmW read(SnapshotReader in, int stateVersion) {
    HddmW d = HddmW.builder().driftConfidence(in.readDouble("driftConfidence"))
        .warningConfidence(in.readDouble("warningConfidence")).lambda(in.readDouble("lambda"))
        .twoSided(in.readBoolean("twoSided")).build();
    double[][] averages = averages(d);
    for (int a = 0; a < averages.length; a++) {
      double ewma = in.readFiniteDouble(AVERAGES[a] + " average");
      double weights = in.readFiniteDouble(AVERAGES[a] + " weight sum");
      if (!(ewma == -1 && weights == 0 || ewma >= 0 && ewma <= 1 && weights > 0
          && weights <= 1)) {
        throw in.error(AVERAGES[a] + " average", ewma + " with weight sum " + weights
            + " is neither empty nor an average of error indicators");
      }
      averages[a][0] = ewma;
      averages[a][1] = weights;
    }
    d.increaseCut = in.readFiniteDouble("increase cut point");
    d.decreaseCut = in.readFiniteDouble("decrease cut point");
    d.restartedInStep(in.readBoolean("restarted in step"));
    DetectorCodecs.readWatch(d, in);
    return d;
  }
}
