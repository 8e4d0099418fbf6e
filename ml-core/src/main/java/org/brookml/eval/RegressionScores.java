package org.brookml.eval;

/**
 * The scores of a regressor over one view of its examples (since the start, a sliding window, or
 * faded; see {@link RegressionMetrics}): MAE, RMSE, R^2 ({@code 1 - SSE / SST} with SST about the
 * view's own mean target, as scikit-learn's {@code r2_score}) and MAPE (the mean of
 * {@code |error| / |target|} over the examples whose target is not 0). A score with nothing to
 * report (an empty view; R^2 of targets that do not vary; MAPE of targets that are all 0) throws
 * {@link IllegalStateException} instead of returning NaN.
 */
public final class RegressionScores {

  static final int WEIGHT = 0;
  static final int ABSOLUTE = 1;
  static final int SQUARED = 2;
  static final int TARGET = 3;
  static final int TARGET_SQUARED = 4;
  static final int RELATIVE = 5;
  static final int RELATIVE_WEIGHT = 6;
  static final int COMPONENTS = 7;

  private final String view;
  private final Accumulator sums;

  RegressionScores(String view, Accumulator sums) {
    this.view = view;
    this.sums = sums;
  }

  /** The weight of the examples in this view (their number, unless faded). */
  public double weight() {
    return sums.get(WEIGHT);
  }

  private double requireWeight() {
    double weight = weight();
    if (!(weight > 0)) {
      throw new IllegalStateException("nothing to report: no example recorded " + view);
    }
    return weight;
  }

  /** Mean absolute error. */
  public double mae() {
    return sums.get(ABSOLUTE) / requireWeight();
  }

  /** Root mean squared error. */
  public double rmse() {
    return Math.sqrt(Math.max(0, sums.get(SQUARED)) / requireWeight());
  }

  /** The coefficient of determination, 1 - SSE / SST. */
  public double r2() {
    double weight = requireWeight();
    double mean = sums.get(TARGET) / weight;
    double total = sums.get(TARGET_SQUARED) - weight * mean * mean;
    if (!(total > 1e-12 * Math.max(1, sums.get(TARGET_SQUARED)))) {
      throw new IllegalStateException("nothing to report: R^2 needs targets that vary, and "
          + "those " + view + " do not");
    }
    return 1 - sums.get(SQUARED) / total;
  }

  /** Mean absolute percentage error, as a fraction (0.05 is 5%), over targets that are not 0. */
  public double mape() {
    requireWeight();
    double relativeWeight = sums.get(RELATIVE_WEIGHT);
    if (!(relativeWeight > 0)) {
      throw new IllegalStateException("nothing to report: every target " + view + " is 0");
    }
    return sums.get(RELATIVE) / relativeWeight;
  }

  @Override
  public String toString() {
    if (!(weight() > 0)) {
      return view + ": nothing to report yet";
    }
    return String.format(java.util.Locale.ROOT, "%s: MAE=%.4f RMSE=%.4f", view, mae(), rmse());
  }
}
