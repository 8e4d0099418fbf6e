package org.brookml.eval;

import java.util.Locale;

/**
 * Mean absolute error and root mean squared error of a regressor, since the start and over a
 * sliding window of the last {@code window} examples. Allocation-free per update. Not thread-safe.
 */
public final class RegressionMetrics {

  private final SlidingWindow windowAbs;
  private final SlidingWindow windowSquared;
  private long count;
  private double absSum;
  private double squaredSum;

  /** @param window length of the sliding window, at least 1 */
  public RegressionMetrics(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1, got " + window);
    }
    windowAbs = new SlidingWindow(window);
    windowSquared = new SlidingWindow(window);
  }

  /** Records one prediction; both values must be finite. */
  public void update(double truth, double predicted) {
    double error = truth - predicted;
    if (!Double.isFinite(error)) {
      throw new IllegalArgumentException(
          "truth and prediction must be finite, got " + truth + ", " + predicted);
    }
    count++;
    absSum += Math.abs(error);
    squaredSum += error * error;
    windowAbs.add(Math.abs(error));
    windowSquared.add(error * error);
  }

  /** Examples recorded. */
  public long count() {
    return count;
  }

  /** Mean absolute error since the start. */
  public double mae() {
    return count == 0 ? Double.NaN : absSum / count;
  }

  /** Root mean squared error since the start. */
  public double rmse() {
    return count == 0 ? Double.NaN : Math.sqrt(squaredSum / count);
  }

  /** Mean absolute error over the window. */
  public double windowMae() {
    return windowAbs.mean();
  }

  /** Root mean squared error over the window. */
  public double windowRmse() {
    return Math.sqrt(windowSquared.mean());
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "n=%d MAE=%.4f RMSE=%.4f | window: MAE=%.4f RMSE=%.4f",
        count, mae(), rmse(), windowMae(), windowRmse());
  }
}
