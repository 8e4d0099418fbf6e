package org.brookml.preprocess;

import java.util.Arrays;
import java.util.Objects;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.Batches;

/**
 * Online standardization: running mean and variance per feature by Welford's algorithm (numerically
 * stable, one pass), and {@code (x - mean) / std} with the population standard deviation. A feature
 * whose variance is still 0 is only centred. Allocation-free; not thread-safe.
 */
public final class StandardScaler {

  private final int dimension;
  private final double[] mean;
  private final double[] m2;
  private long count;

  /** A scaler for {@code dimension} features that has seen nothing. */
  public StandardScaler(int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
    }
    this.dimension = dimension;
    this.mean = new double[dimension];
    this.m2 = new double[dimension];
  }

  /** Updates the statistics with a validated example. */
  public void learn(double[] x) {
    Batches.requireExample(x, dimension);
    count++;
    double inverse = 1.0 / count;
    for (int j = 0; j < dimension; j++) {
      double delta = x[j] - mean[j];
      mean[j] += delta * inverse;
      m2[j] += delta * (x[j] - mean[j]);
    }
  }

  /** Writes the standardized {@code x} into {@code out} (same length) and returns it. */
  public double[] transform(double[] x, double[] out) {
    Batches.requireExample(x, dimension);
    Objects.requireNonNull(out, "out");
    if (out.length != dimension) {
      throw new IllegalArgumentException(
          "out has length " + out.length + " but the scaler has dimension " + dimension);
    }
    for (int j = 0; j < dimension; j++) {
      double variance = count > 0 ? m2[j] / count : 0;
      double centred = x[j] - mean[j];
      out[j] = variance > 0 ? centred / Math.sqrt(variance) : centred;
    }
    return out;
  }

  /** The running mean of feature {@code j}. */
  public double mean(int j) {
    return mean[Objects.checkIndex(j, dimension)];
  }

  /** The running population variance of feature {@code j}. */
  public double variance(int j) {
    Objects.checkIndex(j, dimension);
    return count > 0 ? m2[j] / count : 0;
  }

  /** Examples seen. */
  public long count() {
    return count;
  }

  /** Number of features. */
  public int dimension() {
    return dimension;
  }

  /** Forgets everything. */
  public void reset() {
    Arrays.fill(mean, 0);
    Arrays.fill(m2, 0);
    count = 0;
  }

  /** An independent copy. */
  public StandardScaler copy() {
    StandardScaler copy = new StandardScaler(dimension);
    System.arraycopy(mean, 0, copy.mean, 0, dimension);
    System.arraycopy(m2, 0, copy.m2, 0, dimension);
    copy.count = count;
    return copy;
  }

  /** Writes this scaler, then the snapshot of the model behind it: a pipeline's payload. */

  /** Reads the inner model a pipeline's payload holds, which must be of {@code type}. */

  void write(SnapshotWriter out) {
    out.writeInt(dimension).writeLong(count).writeDoubles(mean).writeDoubles(m2);
  }

  static StandardScaler read(SnapshotReader in) {
    int dimension = in.readInt("scaler dimension", 1, Integer.MAX_VALUE / 16);
    if (16L * dimension > in.remaining()) {
      throw in.error("scaler dimension", dimension + " features do not fit the snapshot");
    }
    StandardScaler scaler = new StandardScaler(dimension);
    scaler.count = in.readLong("scaler count", 0);
    System.arraycopy(in.readDoubles("scaler means", dimension, true), 0, scaler.mean, 0,
        dimension);
    double[] m2 = in.readDoubles("scaler squared deviations", dimension, true);
    for (int j = 0; j < dimension; j++) {
      if (m2[j] < 0) {
        throw in.error("scaler squared deviations[" + j + "]", "is negative: " + m2[j]);
      }
    }
    System.arraycopy(m2, 0, scaler.m2, 0, dimension);
    return scaler;
  }

  @Override
  public String toString() {
    return "StandardScaler{dimension=" + dimension + ", count=" + count + "}";
  }
}
