package org.brookml.drift;

/**
 * DDM, the Drift Detection Method (Gama, Medas, Castillo and Rodrigues, "Learning with Drift
 * Detection", SBIA 2004), over error indicators. With {@code p} the error rate so far and
 * {@code s = sqrt(p (1 - p) / n)}, it remembers the smallest {@code p + s} seen; once
 * {@code minInstances} values have come, {@code p + s > p_min + warningLevel s_min} is a warning
 * and {@code p + s > p_min + driftLevel s_min} a drift. The arithmetic, counts and defaults
 * (30, 2, 3) are MOA's {@code DDM}, so that both flag the same positions on the same stream.
 */
public final class Ddm extends WatchingDetector {

  final int minInstances;
  final double warningLevel;
  final double driftLevel;
  int n;
  double p;
  double s;
  double psMin;
  double pMin;
  double sMin;

  private Ddm(Builder b) {
    super(true);
    this.minInstances = b.minInstances;
    this.warningLevel = b.warningLevel;
    this.driftLevel = b.driftLevel;
    restart();
  }

  /** A builder with the paper's (and MOA's) defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with this detector's settings. */
  public Builder toBuilder() {
    return new Builder().minInstances(minInstances).warningLevel(warningLevel)
        .driftLevel(driftLevel);
  }

  @Override
  State step(double error, State previous) {
    p += (error - p) / n;
    s = Math.sqrt(p * (1 - p) / n);
    n++;
    if (n < minInstances) {
      return State.STABLE;
    }
    if (p + s <= psMin) {
      pMin = p;
      sMin = s;
      psMin = p + s;
    }
    if (n > minInstances && p + s > pMin + driftLevel * sMin) {
      return State.DRIFT;
    }
    return p + s > pMin + warningLevel * sMin ? State.WARNING : State.STABLE;
  }

  @Override
  void restart() {
    n = 1;
    p = 1;
    s = 0;
    psMin = Double.MAX_VALUE;
    pMin = Double.MAX_VALUE;
    sMin = Double.MAX_VALUE;
  }

  /** The error rate since the last restart. */
  public double errorRate() {
    return p;
  }

  @Override
  public Ddm copy() {
    Ddm copy = toBuilder().build();
    copy.n = n;
    copy.p = p;
    copy.s = s;
    copy.psMin = psMin;
    copy.pMin = pMin;
    copy.sMin = sMin;
    copy.restoreWatch(state(), samplesSeen());
    return copy;
  }

  @Override
  public String toString() {
    return "Ddm{minInstances=" + minInstances + ", warningLevel=" + warningLevel + ", driftLevel="
        + driftLevel + ", state=" + state() + ", samplesSeen=" + samplesSeen() + "}";
  }

  /** Fail-fast settings. Defaults: 30 instances, warning at 2, drift at 3 standard deviations. */
  public static final class Builder {
    private int minInstances = 30;
    private double warningLevel = 2;
    private double driftLevel = 3;

    private Builder() {}

    /** Values before a warning or drift may be signalled. */
    public Builder minInstances(int minInstances) {
      this.minInstances = requireMinInstances(minInstances);
      return this;
    }

    /** Standard deviations above the best {@code p + s} that make a warning. */
    public Builder warningLevel(double warningLevel) {
      this.warningLevel = requirePositive(warningLevel, "warningLevel");
      return this;
    }

    /** Standard deviations above the best {@code p + s} that make a drift. */
    public Builder driftLevel(double driftLevel) {
      this.driftLevel = requirePositive(driftLevel, "driftLevel");
      return this;
    }

    /**
     * A new detector.
     *
     * @throws IllegalArgumentException if the drift level is below the warning level
     */
    public Ddm build() {
      if (driftLevel < warningLevel) {
        throw new IllegalArgumentException("driftLevel " + driftLevel
            + " must be at least warningLevel " + warningLevel);
      }
      return new Ddm(this);
    }
  }
}
