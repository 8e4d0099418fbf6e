package org.brookml.eval;

/**
 * Scores of a regressor (MAE, RMSE, R^2, MAPE: {@link RegressionScores}), each seen three ways:
 * since the start ({@link #cumulative()}), over a sliding window of the last {@code window}
 * examples ({@link #window()}), and faded by a factor per example ({@link #faded()}; 0.999 unless
 * given). A score with nothing to report throws {@link IllegalStateException} instead of returning
 * NaN. Allocation-free per update. Not thread-safe.
 */
public final class RegressionMetrics {

  private final Accumulator[] accumulators;
  private final RegressionScores cumulative;
  private final RegressionScores windowed;
  private final RegressionScores faded;
  private final int[] indices = new int[RegressionScores.COMPONENTS];
  private final double[] values = new double[RegressionScores.COMPONENTS];
  private long count;

  /** @param window length of the sliding window, at least 1 */
  public RegressionMetrics(int window) {
    this(window, ClassificationMetrics.DEFAULT_FADING_FACTOR);
  }

  /**
   * @param window length of the sliding window, 1 to 2^24
   * @param fadingFactor weight kept per new example by the faded view, in (0, 1]
   */
  public RegressionMetrics(int window, double fadingFactor) {
    if (window < 1 || window > 1 << 24) {
      throw new IllegalArgumentException("window must be in [1, 2^24], got " + window);
    }
    if (!(fadingFactor > 0 && fadingFactor <= 1)) {
      throw new IllegalArgumentException("fadingFactor must be in (0, 1], got " + fadingFactor);
    }
    int n = RegressionScores.COMPONENTS;
    accumulators = new Accumulator[] {Accumulator.cumulative(n), Accumulator.window(n, window, n),
        Accumulator.faded(n, fadingFactor)};
    cumulative = new RegressionScores("since the start", accumulators[0]);
    windowed = new RegressionScores("in the window", accumulators[1]);
    faded = new RegressionScores("faded", accumulators[2]);
    for (int i = 0; i < n; i++) {
      indices[i] = i;
    }
  }

  /** Records one prediction; both values must be finite, and so must their error's square. */
  public void update(double truth, double predicted) {
    double error = truth - predicted;
    if (!Double.isFinite(error * error) || !Double.isFinite(truth * truth)) {
      throw new IllegalArgumentException("truth and prediction must be finite, and so must the "
          + "squares of the truth and the error; got " + truth + ", " + predicted);
    }
    count++;
    values[RegressionScores.WEIGHT] = 1;
    values[RegressionScores.ABSOLUTE] = Math.abs(error);
    values[RegressionScores.SQUARED] = error * error;
    values[RegressionScores.TARGET] = truth;
    values[RegressionScores.TARGET_SQUARED] = truth * truth;
    values[RegressionScores.RELATIVE] = truth == 0 ? 0 : Math.abs(error) / Math.abs(truth);
    values[RegressionScores.RELATIVE_WEIGHT] = truth == 0 ? 0 : 1;
    for (Accumulator accumulator : accumulators) {
      accumulator.add(indices, values, RegressionScores.COMPONENTS);
    }
  }

  /** The scores since the start. */
  public RegressionScores cumulative() {
    return cumulative;
  }

  /** The scores over the last {@code window} examples. */
  public RegressionScores window() {
    return windowed;
  }

  /** The scores with each example's weight faded by the factor per newer example. */
  public RegressionScores faded() {
    return faded;
  }

  /** Examples recorded. */
  public long count() {
    return count;
  }

  /** Mean absolute error since the start. */
  public double mae() {
    return cumulative.mae();
  }

  /** Root mean squared error since the start. */
  public double rmse() {
    return cumulative.rmse();
  }

  /** Mean absolute error over the window. */
  public double windowMae() {
    return windowed.mae();
  }

  /** Root mean squared error over the window. */
  public double windowRmse() {
    return windowed.rmse();
  }

  @Override
  public String toString() {
    return "n=" + count + " | " + cumulative + " | " + windowed + " | " + faded;
  }
}
