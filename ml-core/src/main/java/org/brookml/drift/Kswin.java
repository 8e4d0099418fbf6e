package org.brookml.drift;

import org.brookml.internal.random.SplitMix64;
import org.brookml.vector.Vectors;

/**
 * KSWIN (Raab, Heusinger &amp; Schleif, Neurocomputing 2020): a sliding window of the last
 * {@code windowSize} values; once full, the newest {@code statSize} values are compared with
 * {@code statSize} values drawn without replacement from the older part by the two-sample
 * Kolmogorov-Smirnov test, and a drift is signalled when its exact p-value is at most
 * {@code alpha} and the statistic exceeds 0.1. After a drift the window keeps only the newest
 * {@code statSize} values. Defaults are River's: alpha 0.005, window 100, statistic sample 30. It
 * takes any real values and signals no warning. Its draws come from its own seeded generator, so
 * a copy or a restored snapshot continues exactly.
 */
public final class Kswin implements DriftDetector {

  final double alpha;
  final int windowSize;
  final int statSize;
  final long seed;
  final SplitMix64 random;
  /** The window in arrival order, oldest first: {@code values[0 .. size)}. */
  final double[] values;
  int size;
  private final double[] recent;
  private final double[] sample;
  private final int[] indices;
  State state = State.STABLE;
  long seen;
  double pValue = 1;

  private Kswin(Builder b) {
    alpha = b.alpha;
    windowSize = b.windowSize;
    statSize = b.statSize;
    seed = b.seed;
    random = new SplitMix64(seed);
    values = new double[windowSize];
    recent = new double[statSize];
    sample = new double[statSize];
    indices = new int[windowSize - statSize];
  }

  /** A builder with River's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with this detector's settings. */
  public Builder toBuilder() {
    return new Builder().alpha(alpha).windowSize(windowSize).statSize(statSize).seed(seed);
  }

  @Override
  public State update(double value) {
    Vectors.requireInRange(value, "Kswin value");
    if (size == windowSize) {
      System.arraycopy(values, 1, values, 0, windowSize - 1);
      size--;
    }
    values[size++] = value;
    seen++;
    state = size == windowSize && test() ? State.DRIFT : State.STABLE;
    if (state == State.DRIFT) {
      System.arraycopy(values, windowSize - statSize, values, 0, statSize);
      size = statSize;
    }
    return state;
  }

  private boolean test() {
    int older = windowSize - statSize;
    for (int i = 0; i < older; i++) {
      indices[i] = i;
    }
    random.sampleInPlace(indices, older, statSize);
    for (int k = 0; k < statSize; k++) {
      sample[k] = values[indices[k]];
    }
    System.arraycopy(values, older, recent, 0, statSize);
    double statistic = KolmogorovSmirnov.statistic(sample, recent);
    pValue = KolmogorovSmirnov.exactPValueEqualSizes(statistic, statSize);
    return pValue <= alpha && statistic > 0.1;
  }

  /** The p-value of the last test (1 before the window first filled). */
  public double pValue() {
    return pValue;
  }

  @Override
  public State state() {
    return state;
  }

  @Override
  public long samplesSeen() {
    return seen;
  }

  @Override
  public void reset() {
    size = 0;
    seen = 0;
    state = State.STABLE;
    pValue = 1;
    random.setState(new SplitMix64(seed).state());
  }

  @Override
  public Kswin copy() {
    Kswin copy = toBuilder().build();
    System.arraycopy(values, 0, copy.values, 0, size);
    copy.size = size;
    copy.state = state;
    copy.seen = seen;
    copy.pValue = pValue;
    copy.random.setState(random.state());
    return copy;
  }

  @Override
  public String toString() {
    return "Kswin{alpha=" + alpha + ", windowSize=" + windowSize + ", statSize=" + statSize
        + ", seed=" + seed + ", state=" + state + ", samplesSeen=" + seen + "}";
  }

  /** Fail-fast settings; defaults as River's {@code KSWIN}. */
  public static final class Builder {
    private double alpha = 0.005;
    private int windowSize = 100;
    private int statSize = 30;
    private long seed = 1;

    private Builder() {}

    /** The p-value at or below which a drift is signalled, in (0, 1). */
    public Builder alpha(double alpha) {
      this.alpha = WatchingDetector.requireOpenUnit(alpha, "alpha");
      return this;
    }

    /** Values in the window, 2 to 2^16. */
    public Builder windowSize(int windowSize) {
      if (windowSize < 2 || windowSize > 1 << 16) {
        throw new IllegalArgumentException("windowSize must be in [2, 65536], got " + windowSize);
      }
      this.windowSize = windowSize;
      return this;
    }

    /** Values in each of the two samples tested, at least 1 and at most half the window. */
    public Builder statSize(int statSize) {
      if (statSize < 1) {
        throw new IllegalArgumentException("statSize must be >= 1, got " + statSize);
      }
      this.statSize = statSize;
      return this;
    }

    /** The seed of the draws from the older part of the window. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** A new detector. */
    public Kswin build() {
      if (2 * statSize > windowSize) {
        throw new IllegalArgumentException("statSize (" + statSize + ") must be at most half of "
            + "windowSize (" + windowSize + "): the older part must hold a sample as large");
      }
      return new Kswin(this);
    }
  }
}
