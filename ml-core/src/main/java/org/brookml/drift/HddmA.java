package org.brookml.drift;

/**
 * HDDM-A, drift detection by Hoeffding's bound on averages (Frias-Blanco, del Campo-Avila,
 * Ramos-Jimenez, Morales-Bueno, Ortiz-Diaz and Caballero-Mota, "Online and non-parametric drift
 * detection methods based on Hoeffding's bounds", IEEE TKDE 27(3), 2015; the A-test), over error
 * indicators.
 *
 * <p>It keeps the running count {@code n} and sum {@code c} since the last restart, and a cut
 * point: the prefix {@code (n_cut, c_cut)} whose mean plus the Hoeffding margin
 * {@code eps(k) = sqrt(ln(1 / driftConfidence) / (2 k))} is lowest so far (a new prefix replaces
 * it when {@code c_cut / n_cut + eps(n_cut) >= c / n + eps(n)}). The mean since the cut has risen
 * at confidence {@code alpha} when {@code c / n - c_cut / n_cut >= sqrt(m / 2 ln(2 / alpha))}
 * with {@code m = (n - n_cut) / (n_cut n)}: at {@code driftConfidence} that is a drift (and the
 * statistics restart with the next value), at {@code warningConfidence} a warning. Two-sided (the
 * default), a second cut tracks the highest mean minus its margin, and a fall of the mean at
 * {@code driftConfidence} restarts the statistics without a signal. Rules and defaults (0.001,
 * 0.005, two-sided) are MOA's {@code HDDM_A_Test}, so that both flag the same positions.
 */
public final class HddmA extends WatchingDetector {

  final double driftConfidence;
  final double warningConfidence;
  final boolean twoSided;
  long n;
  double c;
  long nLow;
  double cLow;
  long nHigh;
  double cHigh;

  private HddmA(Builder b) {
    super(true);
    this.driftConfidence = b.driftConfidence;
    this.warningConfidence = b.warningConfidence;
    this.twoSided = b.twoSided;
    restart();
  }

  /** A builder with the paper's (and MOA's) defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with this detector's settings. */
  public Builder toBuilder() {
    return new Builder().driftConfidence(driftConfidence).warningConfidence(warningConfidence)
        .twoSided(twoSided);
  }

  private double margin(long count) {
    return Math.sqrt(1.0 / (2 * count) * Math.log(1.0 / driftConfidence));
  }

  @Override
  State step(double error, State previous) {
    n++;
    c += error;
    if (nLow == 0) {
      nLow = n;
      cLow = c;
    }
    if (nHigh == 0) {
      nHigh = n;
      cHigh = c;
    }
    double margin = margin(n);
    if (cLow / nLow + margin(nLow) >= c / n + margin) {
      nLow = n;
      cLow = c;
    }
    if (cHigh / nHigh - margin(nHigh) <= c / n - margin) {
      nHigh = n;
      cHigh = c;
    }
    State state = risen(driftConfidence) ? State.DRIFT
        : risen(warningConfidence) ? State.WARNING : State.STABLE;
    if (state != State.DRIFT && twoSided && fallen()) {
      restart();
    }
    return state;
  }

  /** Whether the mean since the low cut exceeds the cut's mean by the bound at {@code alpha}. */
  private boolean risen(double alpha) {
    return nLow != n && c / n - cLow / nLow >= bound(nLow, alpha);
  }

  /** Whether the mean has fallen below the high cut's mean by the bound at the drift level. */
  private boolean fallen() {
    return nHigh != n && cHigh / nHigh - c / n >= bound(nHigh, driftConfidence);
  }

  private double bound(long cut, double alpha) {
    double m = (double) (n - cut) / cut * (1.0 / n);
    return Math.sqrt(m / 2 * Math.log(2.0 / alpha));
  }

  @Override
  void restart() {
    n = 0;
    c = 0;
    nLow = 0;
    cLow = 0;
    nHigh = 0;
    cHigh = 0;
  }

  /** The error rate since the last restart (0 before any value). */
  public double errorRate() {
    return n == 0 ? 0 : c / n;
  }

  @Override
  public HddmA copy() {
    HddmA copy = toBuilder().build();
    copy.n = n;
    copy.c = c;
    copy.nLow = nLow;
    copy.cLow = cLow;
    copy.nHigh = nHigh;
    copy.cHigh = cHigh;
    copy.restoreWatch(state(), samplesSeen());
    return copy;
  }

  @Override
  public String toString() {
    return "HddmA{driftConfidence=" + driftConfidence + ", warningConfidence="
        + warningConfidence + ", twoSided=" + twoSided + ", state=" + state() + ", samplesSeen="
        + samplesSeen() + "}";
  }

  /** Fail-fast settings. Defaults: drift at confidence 0.001, warning at 0.005, two-sided. */
  public static final class Builder extends HddmSettings<Builder> {

    private Builder() {
      super(true);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * A new detector.
     *
     * @throws IllegalArgumentException if the warning confidence is below the drift's
     */
    public HddmA build() {
      requireConsistent();
      return new HddmA(this);
    }
  }
}
