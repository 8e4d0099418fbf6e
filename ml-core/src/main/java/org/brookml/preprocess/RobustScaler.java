package org.brookml.preprocess;

import java.util.Objects;
import org.brookml.internal.stats.P2Quantiles;

/**
 * Online robust scaling, {@code (x - median) / (q_sup - q_inf)} per feature, with the median and
 * the interquartile range (by default; {@code q_inf = 0.25}, {@code q_sup = 0.75}) estimated by the
 * P-square algorithm (Jain and Chlamtac 1985), as River's {@code preprocessing.RobustScaler} does:
 * outliers barely move the statistics, unlike a mean and a variance. A feature whose range is
 * still 0 is only centred. Learning allocates nothing; see {@link Transformer} for the two phases
 * a pipeline uses.
 */
public final class RobustScaler extends FeatureScaler {

  private final double qInf;
  private final double qSup;
  private P2Quantiles quantiles;
  private P2Quantiles pending;

  /** A scaler for {@code dimension} features by the median and the interquartile range. */
  public RobustScaler(int dimension) {
    this(dimension, 0.25, 0.75);
  }

  /**
   * A scaler for {@code dimension} features by the median and the range between the
   * {@code qInf} and {@code qSup} quantiles, {@code 0 < qInf < 0.5 < qSup < 1}.
   */
  public RobustScaler(int dimension, double qInf, double qSup) {
    super(dimension);
    if (!(qInf > 0 && qInf < 0.5 && qSup > 0.5 && qSup < 1)) {
      throw new IllegalArgumentException(
          "quantiles must satisfy 0 < qInf < 0.5 < qSup < 1, got " + qInf + " and " + qSup);
    }
    this.qInf = qInf;
    this.qSup = qSup;
    double[] ps = new double[3 * dimension];
    for (int j = 0; j < dimension; j++) {
      ps[3 * j] = qInf;
      ps[3 * j + 1] = 0.5;
      ps[3 * j + 2] = qSup;
    }
    this.quantiles = new P2Quantiles(ps);
    this.pending = new P2Quantiles(ps);
  }

  @Override
  void prepareChecked(double[] x, double[] out) {
    pending.copyFrom(quantiles);
    for (int j = 0; j < dimension; j++) {
      pending.add(3 * j, x[j]);
      pending.add(3 * j + 1, x[j]);
      pending.add(3 * j + 2, x[j]);
    }
    scale(pending, x, out);
  }

  @Override
  void adoptPrepared() {
    P2Quantiles swap = quantiles;
    quantiles = pending;
    pending = swap;
  }

  @Override
  void transformChecked(double[] x, double[] out) {
    scale(quantiles, x, out);
  }

  private void scale(P2Quantiles q, double[] x, double[] out) {
    for (int j = 0; j < dimension; j++) {
      double range = q.estimate(3 * j + 2) - q.estimate(3 * j);
      double centred = x[j] - q.estimate(3 * j + 1);
      out[j] = range > 0 && range < Double.POSITIVE_INFINITY ? centred / range : centred;
    }
  }

  /** The estimated median of feature {@code j}. */
  public double median(int j) {
    return quantiles.estimate(3 * Objects.checkIndex(j, dimension) + 1);
  }

  /** The estimated {@code qSup - qInf} range of feature {@code j}. */
  public double range(int j) {
    Objects.checkIndex(j, dimension);
    return quantiles.estimate(3 * j + 2) - quantiles.estimate(3 * j);
  }

  /** The lower quantile of the range. */
  public double qInf() {
    return qInf;
  }

  /** The upper quantile of the range. */
  public double qSup() {
    return qSup;
  }

  @Override
  void clearStatistics() {
    quantiles.clear();
  }

  @Override
  public RobustScaler copy() {
    RobustScaler copy = new RobustScaler(dimension, qInf, qSup);
    copy.quantiles.copyFrom(quantiles);
    copy.restoreCount(samplesSeen());
    return copy;
  }

  /** The codec's view of the quantile estimates. */
  P2Quantiles quantiles() {
    return quantiles;
  }

  @Override
  public String toString() {
    return "RobustScaler{dimension=" + dimension + ", qInf=" + qInf + ", qSup=" + qSup
        + ", count=" + samplesSeen() + "}";
  }
}
