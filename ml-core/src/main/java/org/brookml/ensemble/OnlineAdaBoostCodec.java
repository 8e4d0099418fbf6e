package org.brookml.ensemble;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/**
 * Writes and reads {@link OnlineAdaBoost} snapshots. Found by the service loader (declared in
 * {@code module-info.java} and {@code META-INF/services}); use {@link org.brookml.io.Snapshots}
 * rather than this class.
 */
public final class OnlineAdaBoostCodec extends BaseModelCodec<OnlineAdaBoost> {

  /** The constructor the service loader calls. */
  public OnlineAdaBoostCodec() {
    super("brook.ensemble.OnlineAdaBoost", OnlineAdaBoost.class, 1);
  }

  @Override
  public void write(OnlineAdaBoost m, SnapshotWriter out) {
    m.writeSettings(out);
    out.writeByte(m.voting.ordinal()).writeByte(m.normalization.ordinal());
    m.writeState(out);
    out.writeDoubles(m.lambdaCorrect).writeDoubles(m.lambdaWrong).writeDouble(m.weightSeen);
  }

  @Override
  public OnlineAdaBoost read(SnapshotReader in, int stateVersion) {
    OnlineAdaBoost.Builder settings = new OnlineAdaBoost.Builder(in);
    OnlineAdaBoost.Voting[] votings = OnlineAdaBoost.Voting.values();
    OnlineAdaBoost.Normalization[] normalizations = OnlineAdaBoost.Normalization.values();
    settings.voting(votings[in.readByte("voting", votings.length)]);
    settings.normalization(normalizations[in.readByte("normalization", normalizations.length)]);
    OnlineAdaBoost m = settings.build();
    m.readState(in);
    int size = m.size();
    double[] correct = in.readDoubles("lambdaCorrect", size, true);
    double[] wrong = in.readDoubles("lambdaWrong", size, true);
    for (int i = 0; i < size; i++) {
      if (correct[i] < 0 || wrong[i] < 0) {
        throw in.error("lambda sums", "hold a negative value at member " + i);
      }
    }
    System.arraycopy(correct, 0, m.lambdaCorrect, 0, size);
    System.arraycopy(wrong, 0, m.lambdaWrong, 0, size);
    m.weightSeen = in.readFiniteDouble("weightSeen");
    return m;
  }
}
