package org.brookml.preprocess;

import java.util.Arrays;
import java.util.Objects;

/**
 * Online standardization, {@code (x - mean) / sd} per feature, with Welford's running mean and
 * variance (population variance, as scikit-learn's {@code StandardScaler} and River's
 * {@code preprocessing.StandardScaler}). A feature with zero variance is only centred. Learning
 * allocates nothing; see {@link Transformer} for the two phases a pipeline uses.
 */
public final class StandardScaler extends FeatureScaler {

  private double[] mean;
  private double[] m2;
  private double[] pendingMean;
  private double[] pendingM2;

  /** An empty scaler for {@code dimension} features. */
  public StandardScaler(int dimension) {
    super(dimension);
    this.mean = new double[dimension];
    this.m2 = new double[dimension];
    this.pendingMean = new double[dimension];
    this.pendingM2 = new double[dimension];
  }

  @Override
  void prepareChecked(double[] x, double[] out) {
    long next = samplesSeen() + 1;
    double inverse = 1.0 / next;
    for (int j = 0; j < dimension; j++) {
      double delta = x[j] - mean[j];
      double updated = mean[j] + delta * inverse;
      pendingMean[j] = updated;
      pendingM2[j] = m2[j] + delta * (x[j] - updated);
    }
    standardize(pendingMean, pendingM2, next, x, out);
  }

  @Override
  void adoptPrepared() {
    double[] swap = mean;
    mean = pendingMean;
    pendingMean = swap;
    swap = m2;
    m2 = pendingM2;
    pendingM2 = swap;
  }

  @Override
  void transformChecked(double[] x, double[] out) {
    standardize(mean, m2, samplesSeen(), x, out);
  }

  private void standardize(double[] mu, double[] sq, long n, double[] x, double[] out) {
    for (int j = 0; j < dimension; j++) {
      double variance = n > 0 ? sq[j] / n : 0;
      double centred = x[j] - mu[j];
      out[j] = variance > 0 ? centred / Math.sqrt(variance) : centred;
    }
  }

  /** The running mean of feature {@code j}. */
  public double mean(int j) {
    return mean[Objects.checkIndex(j, dimension)];
  }

  /** The running population variance of feature {@code j} (0 before any row). */
  public double variance(int j) {
    Objects.checkIndex(j, dimension);
    return samplesSeen() > 0 ? m2[j] / samplesSeen() : 0;
  }

  @Override
  void clearStatistics() {
    Arrays.fill(mean, 0);
    Arrays.fill(m2, 0);
  }

  @Override
  public StandardScaler copy() {
    StandardScaler copy = new StandardScaler(dimension);
    copy.restore(mean, m2, samplesSeen());
    return copy;
  }

  /** The codec's view: the live mean and m2 arrays (not to be modified). */
  double[][] state() {
    return new double[][] {mean, m2};
  }

  /** Sets the state from copies of {@code mu} and {@code sq}, which the caller has checked. */
  void restore(double[] mu, double[] sq, long rows) {
    System.arraycopy(mu, 0, mean, 0, dimension);
    System.arraycopy(sq, 0, m2, 0, dimension);
    restoreCount(rows);
  }

  @Override
  public String toString() {
    return "StandardScaler{dimension=" + dimension + ", count=" + samplesSeen() + "}";
  }
}
