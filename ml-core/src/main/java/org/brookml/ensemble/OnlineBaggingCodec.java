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
    super("brook.ensemble.OnlineBagging", OnlineBagging.class, 1);
  }

  @Override
  public void write(OnlineBagging m, SnapshotWriter out) {
    m.writeSettings(out);
    m.writeState(out);
  }

  @Override
  public OnlineBagging read(SnapshotReader in, int stateVersion) {
    OnlineBagging m = new OnlineBagging.Builder(in).build();
    m.readState(in);
    return m;
  }
}
