package org.brookml.preprocess;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.OnlineRegressor;

/**
 * Writes and reads {@link ScaledRegressor} snapshots. Found by the service loader (declared in
 * {@code module-info.java} and {@code META-INF/services}); use {@link org.brookml.io.Snapshots}
 * rather than this class.
 */
public final class ScaledRegressorCodec extends BaseModelCodec<ScaledRegressor> {

  /** The constructor the service loader calls. */
  public ScaledRegressorCodec() {
    super("brook.preprocess.ScaledRegressor", ScaledRegressor.class, 1);
  }

  @Override
  public void write(ScaledRegressor m, SnapshotWriter out) {
    m.scaler.write(out);
    out.writeModel(m.model);
  }

  @Override
  public ScaledRegressor read(SnapshotReader in, int stateVersion) {
    StandardScaler scaler = StandardScaler.read(in);
    return new ScaledRegressor(scaler, in.readModel("inner model", OnlineRegressor.class));
  }
}
