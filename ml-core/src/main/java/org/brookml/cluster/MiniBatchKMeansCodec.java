package org.brookml.cluster;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.vector.Vectors;

/**
 * Snapshot layout of {@link MiniBatchKMeans}, state version 1: configuration (k, dimension, rate
 * kind, rate value, decay unit, init buffer size, reassign-after, seed, optional initial centres),
 * then state (samples seen, ready flag, random state, centres, counts, last wins, buffered rows).
 */
public final class MiniBatchKMeansCodec extends BaseModelCodec<MiniBatchKMeans> {

  /**
   * Centres and buffered rows average or copy input values, which lie within
   * {@link Vectors#MAX_MAGNITUDE}; rounding may carry an average a little past it.
   */
  private static final double AVERAGE_BOUND = 2 * Vectors.MAX_MAGNITUDE;

  private static final int MAX_SIZE = Integer.MAX_VALUE / 4;

  /** The constructor the service loader calls. */
  public MiniBatchKMeansCodec() {
    super("brook.cluster.MiniBatchKMeans", MiniBatchKMeans.class, 1);
  }

  @Override
  public void write(MiniBatchKMeans m, SnapshotWriter out) {
    int k = m.k();
    int d = m.dimension();
    out.writeInt(k).writeInt(d);
    out.writeByte(m.rate().kind().ordinal()).writeDouble(m.rate().value())
        .writeByte(m.rate().unit().ordinal());
    out.writeInt(m.initBufferSize()).writeLong(m.reassignAfter()).writeLong(m.seed());
    out.writeBoolean(m.hasInitialCenters());
    if (m.hasInitialCenters()) {
      out.writeDoubles(m.initialCentersArray());
    }
    out.writeLong(m.samplesSeen()).writeBoolean(m.isReady()).writeLong(m.randomState());
    out.writeDoubles(m.centersArray()).writeDoubles(m.countsArray()).writeLongs(m.lastWinArray());
    out.writeInt(m.buffered());
    if (!m.isReady()) {
      out.writeDoubles(m.bufferArray(), 0, m.buffered() * d);
    }
  }

  @Override
  public MiniBatchKMeans read(SnapshotReader in, int stateVersion) {
    int k = in.readInt("k", 1, MAX_SIZE);
    int d = in.readInt("dimension", 1, MAX_SIZE);
    if ((long) k * d > MAX_SIZE || 8L * k * d > in.remaining()) {
      throw in.error("k x dimension", k + " x " + d + " does not fit the snapshot");
    }
    CentroidRate.Kind[] kinds = CentroidRate.Kind.values();
    CentroidRate.Kind kind = kinds[in.readByte("rate kind", kinds.length)];
    double value = in.readDouble("rate value");
    CentroidRate.DecayUnit[] units = CentroidRate.DecayUnit.values();
    CentroidRate.DecayUnit unit = units[in.readByte("decay unit", units.length)];
    int initBufferSize = in.readInt("init buffer size", k, MAX_SIZE);
    long reassignAfter = in.readLong("reassign after", 0);
    long seed = in.readLong("seed");
    MiniBatchKMeans.Builder builder = MiniBatchKMeans.builder(k, d)
        .rate(CentroidRate.of(kind, value, unit))
        .initBufferSize(initBufferSize)
        .reassignAfter(reassignAfter)
        .seed(seed);
    if (in.readBoolean("has initial centres")) {
      double[] flat = in.readDoublesWithin("initial centres", k * d, AVERAGE_BOUND);
      double[][] rows = new double[k][d];
      for (int c = 0; c < k; c++) {
        System.arraycopy(flat, c * d, rows[c], 0, d);
      }
      builder.initialCenters(rows);
    }
    long samplesSeen = in.readLong("samples seen", 0);
    boolean ready = in.readBoolean("ready");
    long randomState = in.readLong("random state");
    double[] centers = in.readDoublesWithin("centres", k * d, AVERAGE_BOUND);
    double[] counts = in.readDoubles("counts", k, true);
    for (int c = 0; c < k; c++) {
      if (counts[c] < 0) {
        throw in.error("counts[" + c + "]", "is negative: " + counts[c]);
      }
    }
    long[] lastWin = in.readLongs("last wins", k);
    for (int c = 0; c < k; c++) {
      if (lastWin[c] < 0 || lastWin[c] > samplesSeen) {
        throw in.error("last wins[" + c + "]", "is " + lastWin[c] + ", outside [0, "
            + samplesSeen + "]");
      }
    }
    int buffered = in.readInt("buffered", 0, ready ? 0 : initBufferSize - 1);
    double[] bufferRows = null;
    if (!ready) {
      if (buffered != samplesSeen) {
        throw in.error("buffered", "is " + buffered + " but " + samplesSeen + " samples were seen");
      }
      if (8L * buffered * d > in.remaining()) {
        throw in.error("buffered rows", buffered + " rows do not fit the snapshot");
      }
      bufferRows = in.readDoublesWithin("buffered rows", buffered * d, AVERAGE_BOUND);
    }
    MiniBatchKMeans model = builder.build();
    if (!ready && model.hasInitialCenters()) {
      throw in.error("ready", "is false although initial centres were given");
    }
    model.restoreState(centers, counts, lastWin, randomState, samplesSeen, ready, bufferRows,
        buffered);
    return model;
  }
}
