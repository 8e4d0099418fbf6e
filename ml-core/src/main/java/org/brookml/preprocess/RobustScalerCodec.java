package org.brookml.preprocess;

import org.brookml.internal.stats.P2Quantiles;
import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/**
 * Writes and reads {@link RobustScaler} snapshots: dimension, the two range quantiles, the row
 * count, then every P-square estimator's markers (heights, positions, desired positions). Found by
 * the service loader; use {@link org.brookml.io.Snapshots} rather than this class.
 */
public final class RobustScalerCodec extends BaseModelCodec<RobustScaler> {

  /** The constructor the service loader calls. */
  public RobustScalerCodec() {
    super("brook.preprocess.RobustScaler", RobustScaler.class, 1);
  }

  @Override
  public void write(RobustScaler scaler, SnapshotWriter out) {
    out.writeInt(scaler.dimension()).writeDouble(scaler.qInf()).writeDouble(scaler.qSup())
        .writeLong(scaler.samplesSeen());
    for (double[] markers : scaler.quantiles().markers()) {
      out.writeDoubles(markers);
    }
  }

  @Override
  public RobustScaler read(SnapshotReader in, int stateVersion) {
    int dimension = in.readInt("scaler dimension", 1, Integer.MAX_VALUE / 15);
    if (3L * 15 * 8 * dimension > in.remaining()) {
      throw in.error("scaler dimension", dimension + " features do not fit the snapshot");
    }
    double qInf = in.readFiniteDouble("qInf");
    double qSup = in.readFiniteDouble("qSup");
    long count = in.readLong("scaler count", 0);
    RobustScaler scaler;
    try {
      scaler = new RobustScaler(dimension, qInf, qSup);
    } catch (IllegalArgumentException e) {
      throw in.error("quantiles", e.getMessage());
    }
    P2Quantiles quantiles = scaler.quantiles();
    double[][] markers = quantiles.markers();
    String[] names = {"marker heights", "marker positions", "desired positions"};
    for (int k = 0; k < markers.length; k++) {
      double[] values = in.readDoubles(names[k], markers[k].length, true);
      System.arraycopy(values, 0, markers[k], 0, values.length);
    }
    if (count >= 5) { // P-square's invariants: markers ordered by height and strictly by position
      for (int e = 0; e < quantiles.size(); e++) {
        for (int k = 5 * e + 1; k < 5 * e + 5; k++) {
          if (markers[0][k] < markers[0][k - 1] || markers[1][k] <= markers[1][k - 1]) {
            throw in.error("estimator " + e, "has markers out of order");
          }
        }
      }
    }
    java.util.Arrays.fill(quantiles.counts(), count);
    scaler.restoreCount(count);
    return scaler;
  }
}
