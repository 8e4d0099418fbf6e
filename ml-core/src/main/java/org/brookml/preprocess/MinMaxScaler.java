package org.brookml.preprocess;

import java.util.Arrays;
import java.util.Objects;

/**
 * Online min-max scaling, {@code (x - min) / (max - min)} per feature with the smallest and largest
 * value seen so far (River's {@code preprocessing.MinMaxScaler}): seen values map into
 * {@code [0, 1]}, later ones may fall outside. A feature whose range is still empty maps to 0.
 * Learning allocates nothing; see {@link Transformer} for the two phases a pipeline uses.
 */
public final class MinMaxScaler extends FeatureScaler {

  private double[] min;
  private double[] max;
  private double[] pendingMin;
  private double[] pendingMax;

  /** An empty scaler for {@code dimension} features. */
  public MinMaxScaler(int dimension) {
    super(dimension);
    this.min = new double[dimension];
    this.max = new double[dimension];
    this.pendingMin = new double[dimension];
    this.pendingMax = new double[dimension];
    reset();
  }

  @Override
  void prepareChecked(double[] x, double[] out) {
    for (int j = 0; j < dimension; j++) {
      pendingMin[j] = Math.min(min[j], x[j]);
      pendingMax[j] = Math.max(max[j], x[j]);
    }
    scale(pendingMin, pendingMax, x, out);
  }

  @Override
  void adoptPrepared() {
    double[] swap = min;
    min = pendingMin;
    pendingMin = swap;
    swap = max;
    max = pendingMax;
    pendingMax = swap;
  }


  @Override
  void transformChecked(double[] x, double[] out) {
    scale(min, max, x, out);
  }

  private void scale(double[] lo, double[] hi, double[] x, double[] out) {
    for (int j = 0; j < dimension; j++) {
      double range = hi[j] - lo[j];
      // An empty range (no row yet, or one value) maps to 0; so does a range that overflows.
      out[j] = range > 0 && range < Double.POSITIVE_INFINITY ? (x[j] - lo[j]) / range : 0;
    }
  }

  /** The smallest value of feature {@code j} seen ({@code +Infinity} before any row). */
  public double min(int j) {
    return min[Objects.checkIndex(j, dimension)];
  }

  /** The largest value of feature {@code j} seen ({@code -Infinity} before any row). */
  public double max(int j) {
    return max[Objects.checkIndex(j, dimension)];
  }

  @Override
  void clearStatistics() {
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
  }

  @Override
  public MinMaxScaler copy() {
    MinMaxScaler copy = new MinMaxScaler(dimension);
    copy.restore(min, max, samplesSeen());
    return copy;
  }

  /** The codec's view: the live minima and maxima (not to be modified). */
  double[][] state() {
    return new double[][] {min, max};
  }

  /** Sets the state from copies of {@code lo} and {@code hi}, which the caller has checked. */
  void restore(double[] lo, double[] hi, long n) {
    System.arraycopy(lo, 0, min, 0, dimension);
    System.arraycopy(hi, 0, max, 0, dimension);
    restoreCount(n);
  }

  @Override
  public String toString() {
    return "MinMaxScaler{dimension=" + dimension + ", count=" + samplesSeen() + "}";
  }
}
