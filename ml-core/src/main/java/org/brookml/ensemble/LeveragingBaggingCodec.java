package org.brookml.ensemble;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/**
 * Writes and reads {@link LeveragingBagging} snapshots: the shared ensemble settings, lambda and
 * the output-codes flag (the codes follow from the seed), then the shared state. Found by the
 * service loader; use {@link org.brookml.io.Snapshots}.
 */
public final class LeveragingBaggingCodec extends BaseModelCodec<LeveragingBagging> {

  /** The constructor the service loader calls. */
  public LeveragingBaggingCodec() {
    super("brook.ensemble.LeveragingBagging", LeveragingBagging.class, 2);
  }

  @Override
  public void write(LeveragingBagging m, SnapshotWriter out) {
    m.writeSettings(out);
    out.writeDouble(m.lambda()).writeBoolean(m.outputCodes()).writeInt(m.threads);
    m.writeState(out);
  }

  @Override
  public LeveragingBagging read(SnapshotReader in, int stateVersion) {
    LeveragingBagging.Builder settings = new LeveragingBagging.Builder(in);
    settings.lambda(in.readDouble("lambda")).outputCodes(in.readBoolean("outputCodes"));
    // Version 2 added the thread count.
    settings.threads(stateVersion >= 2 ? in.readInt("threads", 1, 256) : 1);
    LeveragingBagging m;
    try {
      m = settings.build();
    } catch (IllegalArgumentException e) {
      throw in.error("settings", e.getMessage());
    }
    m.readState(in);
    return m;
  }
}
