package org.brookml.preprocess;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/**
 * Writes and reads {@link MinMaxScaler} snapshots: dimension, count, minima, maxima. Found by the
 * service loader; use {@link org.brookml.io.Snapshots} rather than this class.
 */
public final class MinMaxScalerCodec extends BaseModelCodec<MinMaxScaler> {

  /** The constructor the service loader calls. */
  public MinMaxScalerCodec() {
    super("brook.preprocess.MinMaxScaler", MinMaxScaler.class, 1);
  }

  @Override
  public void write(MinMaxScaler scaler, SnapshotWriter out) {
    double[][] state = scaler.state();
    out.writeInt(scaler.dimension()).writeLong(scaler.samplesSeen()).writeDoubles(state[0])
        .writeDoubles(state[1]);
  }

  @Override
  public MinMaxScaler read(SnapshotReader in, int stateVersion) {
    int dimension = in.readInt("scaler dimension", 1, Integer.MAX_VALUE / 16);
    if (16L * dimension > in.remaining()) {
      throw in.error("scaler dimension", dimension + " features do not fit the snapshot");
    }
    long count = in.readLong("scaler count", 0);
    double[] min = in.readDoubles("scaler minima", dimension, false);
    double[] max = in.readDoubles("scaler maxima", dimension, false);
    for (int j = 0; j < dimension; j++) {
      boolean empty = min[j] == Double.POSITIVE_INFINITY && max[j] == Double.NEGATIVE_INFINITY;
      boolean seen = Double.isFinite(min[j]) && Double.isFinite(max[j]) && min[j] <= max[j];
      if (count == 0 ? !empty : !seen) {
        throw in.error("scaler range[" + j + "]", "[" + min[j] + ", " + max[j]
            + "] is not a range of " + count + " finite values");
      }
    }
    MinMaxScaler scaler = new MinMaxScaler(dimension);
    scaler.restore(min, max, count);
    return scaler;
  }
}
