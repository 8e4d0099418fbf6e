package org.brookml.ensemble;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/**
 * Writes and reads {@link OnlineBagging} snapshots. Found by the service loader (declared in
 * {@code module-info.java} and {@code META-INF/services}); use {@link org.brookml.io.Snapshots}
 * rather than this class.
 */
public final class OnlineBaggingCodec extends BaseModelCodec<OnlineBagging> {

  /** The constructor the service loader calls. */
  public OnlineBaggingCodec() {
    super("brook.ensemble.OnlineBagging", OnlineBagging.class, 2);
  }

  @Override
  public void write(OnlineBagging m, SnapshotWriter out) {
    m.writeSettings(out);
    out.writeInt(m.threads);
    m.writeState(out);
  }

  @Override
  public OnlineBagging read(SnapshotReader in, int stateVersion) {
    OnlineBagging.Builder settings = new OnlineBagging.Builder(in);
    // Version 2 added the thread count.
    OnlineBagging m = settings.threads(stateVersion >= 2 ? in.readInt("threads", 1, 256) : 1)
        .build();
    m.readState(in);
    return m;
  }
}
