package org.brookml.drift;

/**
 * EDDM, the Early Drift Detection Method (Baena-García, del Campo-Ávila, Fidalgo, Bifet, Gavaldà
 * and Morales-Bueno, IWKDDS 2006), over error indicators: it watches the distance between
 * consecutive errors, whose mean {@code m} and standard deviation {@code s} shrink when errors
 * come faster. With {@code (m + 2s)_max} the largest value seen, {@code (m + 2s) / (m + 2s)_max}
 * below {@code warningRatio} is a warning and below {@code driftRatio} a drift, once
 * {@code minInstances} values and {@code minErrors} errors have come. Arithmetic, counts and
 * defaults (0.95, 0.9, 30, 30) are MOA's {@code EDDM}; like it, a hit keeps the last state's
 * warning.
 */
public final class Eddm extends WatchingDetector {

  final int minInstances;
  final int minErrors;
  final double warningRatio;
  final double driftRatio;
  long n;
  long numErrors;
  long lastErrorAt;
  double mean;
  double m2;
  double m2sMax;

  private Eddm(Builder b) {
    super(true);
    this.minInstances = b.minInstances;
    this.minErrors = b.minErrors;
    this.warningRatio = b.warningRatio;
    this.driftRatio = b.driftRatio;
    restart();
  }

  /** A builder with the paper's (and MOA's) defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with this detector's settings. */
  public Builder toBuilder() {
    return new Builder().minInstances(minInstances).minErrors(minErrors)
        .warningRatio(warningRatio).driftRatio(driftRatio);
  }

  @Override
  State step(double error, State previous) {
    n++;
    if (error == 0) {
      return previous == State.WARNING ? State.WARNING : State.STABLE;
    }
    numErrors++;
    long errorAt = n - 1;
    double distance = errorAt - lastErrorAt;
    lastErrorAt = errorAt;
    double oldMean = mean;
    mean += (distance - mean) / numErrors;
    m2 += (distance - mean) * (distance - oldMean);
    double m2s = mean + 2 * Math.sqrt(m2 / numErrors);
    if (m2s > m2sMax) {
      if (n > minInstances) {
        m2sMax = m2s;
      }
      return State.STABLE;
    }
    double ratio = m2s / m2sMax;
    boolean enough = n > minInstances && numErrors > minErrors;
    if (enough && ratio < driftRatio) {
      return State.DRIFT;
    }
    return enough && ratio < warningRatio ? State.WARNING : State.STABLE;
  }

  @Override
  void restart() {
    n = 1;
    numErrors = 0;
    lastErrorAt = 0;
    mean = 0;
    m2 = 0;
    m2sMax = 0;
  }

  /** The mean distance between errors since the last restart. */
  public double meanDistance() {
    return mean;
  }

  @Override
  public Eddm copy() {
    Eddm copy = toBuilder().build();
    copy.n = n;
    copy.numErrors = numErrors;
    copy.lastErrorAt = lastErrorAt;
    copy.mean = mean;
    copy.m2 = m2;
    copy.m2sMax = m2sMax;
    copy.restoreWatch(state(), samplesSeen());
    return copy;
  }

  @Override
  public String toString() {
    return "Eddm{minInstances=" + minInstances + ", minErrors=" + minErrors + ", warningRatio="
        + warningRatio + ", driftRatio=" + driftRatio + ", state=" + state() + ", samplesSeen="
        + samplesSeen() + "}";
  }

  /** Fail-fast settings. Defaults: 30 instances, 30 errors, warning ratio 0.95, drift 0.9. */
  public static final class Builder {
    private int minInstances = 30;
    private int minErrors = 30;
    private double warningRatio = 0.95;
    private double driftRatio = 0.9;

    private Builder() {}

    /** Values before a warning or drift may be signalled. */
    public Builder minInstances(int minInstances) {
      this.minInstances = requireMinInstances(minInstances);
      return this;
    }

    /** Errors before a warning or drift may be signalled. */
    public Builder minErrors(int minErrors) {
      if (minErrors < 0) {
        throw new IllegalArgumentException("minErrors must be >= 0, got " + minErrors);
      }
      this.minErrors = minErrors;
      return this;
    }

    /** The ratio below which a warning is signalled, in (0, 1). */
    public Builder warningRatio(double warningRatio) {
      this.warningRatio = requireRatio(warningRatio, "warningRatio");
      return this;
    }

    /** The ratio below which a drift is signalled, in (0, 1). */
    public Builder driftRatio(double driftRatio) {
      this.driftRatio = requireRatio(driftRatio, "driftRatio");
      return this;
    }

    private static double requireRatio(double v, String name) {
      if (!(v > 0 && v < 1)) {
        throw new IllegalArgumentException(name + " must be in (0, 1), got " + v);
      }
      return v;
    }

    /**
     * A new detector.
     *
     * @throws IllegalArgumentException if the drift ratio is above the warning ratio
     */
    public Eddm build() {
      if (driftRatio > warningRatio) {
        throw new IllegalArgumentException("driftRatio " + driftRatio
            + " must be at most warningRatio " + warningRatio);
      }
      return new Eddm(this);
    }
  }
}
