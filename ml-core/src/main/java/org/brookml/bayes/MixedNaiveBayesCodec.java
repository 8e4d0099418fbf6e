package org.brookml.bayes;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.SizeLimits;
import org.brookml.vector.Vectors;

/**
 * Writes and reads {@link MixedNaiveBayes} snapshots: dimension, classes, each feature's number
 * of values (0: numeric), smoothing settings, then samples seen, class weights, the per-class and
 * overall normal estimates, and the nominal tables with each class's observed weight. Found by
 * the service loader; use {@link org.brookml.io.Snapshots}.
 */
public final class MixedNaiveBayesCodec extends BaseModelCodec<MixedNaiveBayes> {

  /** The constructor the service loader calls. */
  public MixedNaiveBayesCodec() {
    super("brook.bayes.MixedNaiveBayes", MixedNaiveBayes.class, 1);
  }

  @Override
  public void write(MixedNaiveBayes m, SnapshotWriter out) {
    out.writeInt(m.dimension).writeInt(m.numClasses);
    for (int v : m.values) {
      out.writeInt(v);
    }
    out.writeDouble(m.varianceSmoothing).writeDouble(m.alpha).writeLong(m.samplesSeen)
        .writeDoubles(m.classWeights).writeDoubles(m.weight).writeDoubles(m.mean)
        .writeDoubles(m.m2).writeDoubles(m.allWeight).writeDoubles(m.allMean)
        .writeDoubles(m.allM2);
    for (int j = 0; j < m.dimension; j++) {
      if (m.counts[j] != null) {
        out.writeDoubles(m.counts[j]).writeDoubles(m.observed[j]);
      }
    }
  }

  @Override
  public MixedNaiveBayes read(SnapshotReader in, int stateVersion) {
    int dimension = in.readInt("dimension", 1, SizeLimits.MAX_DIMENSION);
    int numClasses = in.readInt("numClasses", 2, SizeLimits.MAX_CLASSES);
    SizeLimits.cells("numClasses x dimension", numClasses, dimension);
    if (4L * dimension + 24L * numClasses * dimension > in.remaining()) {
      throw in.error("dimension", dimension + " features of " + numClasses
          + " classes do not fit the snapshot");
    }
    MixedNaiveBayes.Builder builder = MixedNaiveBayes.builder(dimension, numClasses);
    long tableCells = 0;
    for (int j = 0; j < dimension; j++) {
      int values = in.readInt("values of feature " + j, 0,
          SizeLimits.MAX_NOMINAL_VALUES);
      if (values == 1) {
        throw in.error("values of feature " + j, "is 1: a nominal feature has at least 2");
      }
      if (values > 0) {
        builder.nominal(j, values);
        tableCells += (long) numClasses * values;
      }
    }
    if (8L * tableCells > in.remaining()) {
      throw in.error("nominal tables", tableCells + " cells do not fit the snapshot");
    }
    MixedNaiveBayes m;
    try {
      m = builder.varianceSmoothing(in.readDouble("varianceSmoothing"))
          .alpha(in.readDouble("alpha")).build();
    } catch (IllegalArgumentException e) {
      throw in.error("settings", e.getMessage());
    }
    m.samplesSeen = in.readLong("samplesSeen", 0);
    int cells = numClasses * dimension;
    copyNonNegative(in, "class weights", m.classWeights);
    copyNonNegative(in, "weights", m.weight);
    System.arraycopy(in.readDoublesWithin("means", cells, 2 * Vectors.MAX_MAGNITUDE), 0, m.mean,
        0, cells);
    copyNonNegative(in, "squared deviations", m.m2);
    copyNonNegative(in, "overall weights", m.allWeight);
    System.arraycopy(in.readDoublesWithin("overall means", dimension,
        2 * Vectors.MAX_MAGNITUDE), 0, m.allMean, 0, dimension);
    copyNonNegative(in, "overall squared deviations", m.allM2);
    for (int j = 0; j < dimension; j++) {
      if (m.counts[j] != null) {
        copyNonNegative(in, "value weights of feature " + j, m.counts[j]);
        copyNonNegative(in, "observed weights of feature " + j, m.observed[j]);
        requireSums(in, m, j);
      }
    }
    return m;
  }

  /** Each class's observed weight of nominal feature {@code j} is its value weights' sum. */
  private static void requireSums(SnapshotReader in, MixedNaiveBayes m, int j) {
    int v = m.values[j];
    for (int c = 0; c < m.numClasses; c++) {
      double sum = 0;
      for (int k = 0; k < v; k++) {
        sum += m.counts[j][c * v + k];
      }
      if (!(Math.abs(sum - m.observed[j][c]) <= 1e-9 * Math.max(1, sum))) {
        throw in.error("observed weights of feature " + j, "give class " + c + " "
            + m.observed[j][c] + ", but its value weights sum to " + sum);
      }
    }
  }

  private static void copyNonNegative(SnapshotReader in, String field, double[] into) {
    double[] read = in.readDoubles(field, into.length, true);
    for (int i = 0; i < read.length; i++) {
      if (read[i] < 0) {
        throw in.error(field + "[" + i + "]", "is negative: " + read[i]);
      }
    }
    System.arraycopy(read, 0, into, 0, into.length);
  }
}
