package org.brookml.preprocess;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/**
 * Writes and reads {@link StandardScaler} snapshots: dimension, count, means, squared deviations
 * (the layout the version-1 {@code ScaledClassifier} and {@code ScaledRegressor} snapshots embed).
 * Found by the service loader; use {@link org.brookml.io.Snapshots} rather than this class.
 */
public final class StandardScalerCodec extends BaseModelCodec<StandardScaler> {

  /** The constructor the service loader calls. */
  public StandardScalerCodec() {
    super("brook.preprocess.StandardScaler", StandardScaler.class, 1);
  }

  @Override
  public void write(StandardScaler scaler, SnapshotWriter out) {
    writeState(scaler, out);
  }

  @Override
  public StandardScaler read(SnapshotReader in, int stateVersion) {
    return readState(in);
  }

  static void writeState(StandardScaler scaler, SnapshotWriter out) {
    double[][] state = scaler.state();
    out.writeInt(scaler.dimension()).writeLong(scaler.samplesSeen()).writeDoubles(state[0])
        .writeDoubles(state[1]);
  }

  static StandardScaler readState(SnapshotReader in) {
    int dimension = in.readInt("scaler dimension", 1, Integer.MAX_VALUE / 16);
    if (16L * dimension > in.remaining()) {
      throw in.error("scaler dimension", dimension + " features do not fit the snapshot");
    }
    long count = in.readLong("scaler count", 0);
    double[] mean = in.readDoubles("scaler means", dimension, true);
    double[] m2 = in.readDoubles("scaler squared deviations", dimension, true);
    for (int j = 0; j < dimension; j++) {
      if (m2[j] < 0) {
        throw in.error("scaler squared deviations[" + j + "]", "is negative: " + m2[j]);
      }
    }
    StandardScaler scaler = new StandardScaler(dimension);
    scaler.restore(mean, m2, count);
    return scaler;
  }
}
