package org.brookml.preprocess;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.SizeLimits;
import org.brookml.vector.Vectors;

/**
 * Writes and reads {@link Imputer} snapshots: dimension, maxValues, the nominal flags, rows, then
 * per feature its observed count and mean, and each nominal feature's value counts. Found by the
 * service loader; use {@link org.brookml.io.Snapshots}.
 */
public final class ImputerCodec extends BaseModelCodec<Imputer> {

  /** The constructor the service loader calls. */
  public ImputerCodec() {
    super("brook.preprocess.Imputer", Imputer.class, 1);
  }

  @Override
  public void write(Imputer m, SnapshotWriter out) {
    out.writeInt(m.dimension()).writeInt(m.maxValues());
    for (int j = 0; j < m.dimension(); j++) {
      out.writeBoolean(m.isNominal(j));
    }
    out.writeLong(m.rows).writeLongs(m.observed).writeDoubles(m.means);
    for (long[] counts : m.valueCounts) {
      if (counts != null) {
        out.writeLongs(counts);
      }
    }
  }

  @Override
  public Imputer read(SnapshotReader in, int stateVersion) {
    int dimension = in.readInt("dimension", 1, SizeLimits.MAX_DIMENSION);
    if (17L * dimension > in.remaining()) {
      throw in.error("dimension", dimension + " features do not fit the snapshot");
    }
    int maxValues = in.readInt("maxValues", 2, 1 << 16);
    Imputer.Builder builder = Imputer.builder(dimension).maxValues(maxValues);
    int nominals = 0;
    for (int j = 0; j < dimension; j++) {
      if (in.readBoolean("nominal " + j)) {
        builder.mostFrequent(j);
        nominals++;
      }
    }
    if (8L * nominals * maxValues > in.remaining()) {
      throw in.error("maxValues", nominals + " nominal features of " + maxValues
          + " values do not fit the snapshot");
    }
    Imputer m;
    try {
      m = builder.build();
    } catch (IllegalArgumentException e) {
      throw in.error("settings", e.getMessage());
    }
    m.rows = in.readLong("rows", 0);
    long[] observed = in.readLongs("observed counts", dimension);
    // means of observed values, within their bound (twice: rounding)
    double[] means = in.readDoublesWithin("means", dimension, 2 * Vectors.MAX_MAGNITUDE);
    for (int j = 0; j < dimension; j++) {
      if (observed[j] < 0 || observed[j] > m.rows) {
        throw in.error("observed counts[" + j + "]", "is " + observed[j] + ", outside [0, "
            + m.rows + "]");
      }
    }
    System.arraycopy(observed, 0, m.observed, 0, dimension);
    System.arraycopy(means, 0, m.means, 0, dimension);
    for (int j = 0; j < dimension; j++) {
      if (m.valueCounts[j] != null) {
        long[] counts = in.readLongs("value counts " + j, maxValues);
        long total = 0;
        for (long c : counts) {
          if (c < 0) {
            throw in.error("value counts " + j, "holds a negative count");
          }
          total += c;
        }
        if (total != observed[j]) {
          throw in.error("value counts " + j, "sum to " + total + ", not " + observed[j]);
        }
        System.arraycopy(counts, 0, m.valueCounts[j], 0, maxValues);
      }
    }
    m.recomputeModes();
    return m;
  }
}
