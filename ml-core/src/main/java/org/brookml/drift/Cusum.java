package org.brookml.drift;

/**
 * The one-sided CUSUM test (Page 1954) for an increase in the mean of a stream of reals: with
 * {@code mean} the running mean, {@code sum <- max(0, sum + x - mean - delta)}, and
 * {@code sum > lambda} is a drift once {@code minInstances} values have come. Arithmetic and
 * defaults ({@code delta} 0.005, {@code lambda} 50, 30 instances) are MOA's {@code CusumDM}. It
 * signals no warning.
 */
public final class Cusum extends WatchingDetector {

  final int minInstances;
  final double delta;
  final double lambda;
  long n;
  double mean;
  double sum;

  private Cusum(Builder b) {
    super(false);
    this.minInstances = b.minInstances;
    this.delta = b.delta;
    this.lambda = b.lambda;
    restart();
  }

  /** A builder with MOA's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with this detector's settings. */
  public Builder toBuilder() {
    return new Builder().minInstances(minInstances).delta(delta).lambda(lambda);
  }

  @Override
  State step(double x, State previous) {
    mean += (x - mean) / n;
    sum = Math.max(0, sum + x - mean - delta);
    n++;
    if (n < minInstances) {
      return State.STABLE;
    }
    return sum > lambda ? State.DRIFT : State.STABLE;
  }

  @Override
  void restart() {
    n = 1;
    mean = 0;
    sum = 0;
  }

  /** The cumulative sum (0 before any value). */
  public double statistic() {
    return sum;
  }

  @Override
  public Cusum copy() {
    Cusum copy = toBuilder().build();
    copy.n = n;
    copy.mean = mean;
    copy.sum = sum;
    copy.restoreWatch(state(), samplesSeen());
    return copy;
  }

  @Override
  public String toString() {
    return "Cusum{minInstances=" + minInstances + ", delta=" + delta + ", lambda=" + lambda
        + ", state=" + state() + ", samplesSeen=" + samplesSeen() + "}";
  }

  /** Fail-fast settings; defaults as MOA's {@code CusumDM}. */
  public static final class Builder {
    private int minInstances = 30;
    private double delta = 0.005;
    private double lambda = 50;

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

    /** The threshold on the sum, {@code > 0}. */
    public Builder lambda(double lambda) {
      this.lambda = requirePositive(lambda, "lambda");
      return this;
    }

    /** A new detector. */
    public Cusum build() {
      return new Cusum(this);
    }
  }
}
