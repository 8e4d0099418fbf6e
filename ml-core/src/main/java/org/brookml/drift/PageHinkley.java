package org.brookml.drift;

/**
 * The Page-Hinkley test (Page, "Continuous inspection schemes", Biometrika 1954) for an increase
 * in the mean of a stream of reals, with a forgetting factor as MOA and River parameterise it: with
 * {@code mean} the running mean, {@code sum <- alpha sum + (x - mean - delta)} and {@code min} the
 * smallest sum so far, {@code sum - min > lambda} is a drift once {@code minInstances} values have
 * come. Arithmetic and defaults ({@code delta} 0.005, {@code lambda} 50, {@code alpha} 1 - 1e-4,
 * 30 instances) are MOA's {@code PageHinkleyDM}. It signals no warning.
 */
public final class PageHinkley extends WatchingDetector {

  final int minInstances;
  final double delta;
  final double lambda;
  final double alpha;
  long n;
  double mean;
  double sum;
  double min;

  private PageHinkley(Builder b) {
    super(false);
    this.minInstances = b.minInstances;
    this.delta = b.delta;
    this.lambda = b.lambda;
    this.alpha = b.alpha;
    restart();
  }

  /** A builder with MOA's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with this detector's settings. */
  public Builder toBuilder() {
    return new Builder().minInstances(minInstances).delta(delta).lambda(lambda).alpha(alpha);
  }

  @Override
  State step(double x, State previous) {
    mean += (x - mean) / n;
    sum = alpha * sum + (x - mean - delta);
    n++;
    if (sum <= min) {
      min = sum;
    }
    if (n < minInstances) {
      return State.STABLE;
    }
    return sum - min > lambda ? State.DRIFT : State.STABLE;
  }

  @Override
  void restart() {
    n = 1;
    mean = 0;
    sum = 0;
    min = Double.MAX_VALUE;
  }

  /** The test statistic {@code sum - min} (0 before any value). */
  public double statistic() {
    return min == Double.MAX_VALUE ? 0 : sum - min;
  }

  @Override
  public PageHinkley copy() {
    PageHinkley copy = toBuilder().build();
    copy.n = n;
    copy.mean = mean;
    copy.sum = sum;
    copy.min = min;
    copy.restoreWatch(state(), samplesSeen());
    return copy;
  }

  @Override
  public String toString() {
    return "PageHinkley{minInstances=" + minInstances + ", delta=" + delta + ", lambda=" + lambda
        + ", alpha=" + alpha + ", state=" + state() + ", samplesSeen=" + samplesSeen() + "}";
  }

  /** Fail-fast settings; defaults as MOA's {@code PageHinkleyDM}. */
  public static final class Builder {
    private int minInstances = 30;
    private double delta = 0.005;
    private double lambda = 50;
    private double alpha = 1 - 0.0001;

    private Builder() {}

    /** Values before a drift may be signalled. */
    public Builder minInstances(int minInstances) {
      this.minInstances = requireMinInstances(minInstances);
      return this;
    }

    /** The magnitude of change tolerated, {@code >= 0}. */
    public Builder delta(double delta) {
      this.delta = requireNonNegative(delta, "delta");
      return this;
    }

    /** The threshold on {@code sum - min}, {@code > 0}. */
    public Builder lambda(double lambda) {
      this.lambda = requirePositive(lambda, "lambda");
      return this;
    }

    /** The forgetting factor of the sum, in (0, 1]. */
    public Builder alpha(double alpha) {
      if (!(alpha > 0 && alpha <= 1)) {
        throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
      }
      this.alpha = alpha;
      return this;
    }

    /** A new detector. */
    public PageHinkley build() {
      return new PageHinkley(this);
    }
  }
}
