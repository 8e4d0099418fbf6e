package org.brookml.drift;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/**
 * Writes and reads {@link Adwin} snapshots: the window as ensembles embed it, then the state.
 * Found by the service loader; use Snapshots.
 */
public final class AdwinCodec extends BaseModelCodec<Adwin> {

  /** The constructor the service loader calls. */
  public AdwinCodec() {
    super("brook.drift.Adwin", Adwin.class, 1);
  }

  @Override
  public void write(Adwin adwin, SnapshotWriter out) {
    adwin.write(out);
    out.writeByte(adwin.state().ordinal());
  }

  @Override
  public Adwin read(SnapshotReader in, int stateVersion) {
    Adwin adwin = Adwin.read(in);
    DriftDetector.State[] states = DriftDetector.State.values();
    adwin.restoreState(states[in.readByte("state", states.length)]);
    return adwin;
  }
}
