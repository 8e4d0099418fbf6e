package org.brookml.drift;

/**
 * HDDM-W, drift detection by McDiarmid's bound on exponentially weighted averages (Frias-Blanco
 * et al., IEEE TKDE 27(3), 2015; the W-test), over error indicators.
 *
 * <p>Each average is an EWMA {@code z = lambda x + (1 - lambda) z} (the first value starts it)
 * with its weight sum {@code s = lambda^2 + (1 - lambda)^2 s} (1 at the start), whose margin is
 * {@code eps = sqrt(s ln(1 / driftConfidence) / 2)}. The whole stream's average is watched for an
 * increase: while its {@code z + eps} reaches a new low, that average becomes the reference and a
 * fresh average of the values after it starts; otherwise the value joins that fresh average. The
 * mean has risen at confidence {@code alpha} when the fresh average exceeds the reference by more
 * than {@code sqrt((s_ref + s_fresh) ln(1 / alpha) / 2)}: a drift at {@code driftConfidence}
 * (everything restarts), a warning at {@code warningConfidence}. Two-sided, a decrease is
 * watched in the mirror way and restarts the statistics without a signal.
 *
 * <p>Rules and defaults (0.001, 0.005, {@code lambda} 0.05, one-sided) are MOA's
 * {@code HDDM_W_Test}, so that both flag the same positions, with two of its details kept:
 * after a drift, the value that raised it already starts the fresh decrease average, and the
 * decrease reference starts at {@code Double.MIN_VALUE}, so the decrease test arms only once an
 * average minus its margin is positive. (MOA keeps its averages in static fields, shared by all
 * detectors of a JVM; here each detector has its own.)
 */
public final class HddmW extends WatchingDetector {

  final double driftConfidence;
  final double warningConfidence;
  final double lambda;
  final boolean twoSided;
  // Each average as {ewma, weight sum}; an ewma of -1 means empty.
  final double[] total = new double[2];
  final double[] increaseReference = new double[2];
  final double[] increaseFresh = new double[2];
  final double[] decreaseReference = new double[2];
  final double[] decreaseFresh = new double[2];
  double increaseCut;
  double decreaseCut;
  // A drift restarts the statistics inside its own step (as MOA does); the restart that the
  // next update asks for must then leave them alone.
  private boolean restartedInStep;

  private HddmW(Builder b) {
    super(true);
    this.driftConfidence = b.driftConfidence;
    this.warningConfidence = b.warningConfidence;
    this.lambda = b.lambda;
    this.twoSided = b.twoSided;
    clear();
  }

  /** A builder with the paper's (and MOA's) defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset with this detector's settings. */
  public Builder toBuilder() {
    return new Builder().driftConfidence(driftConfidence).warningConfidence(warningConfidence)
        .lambda(lambda).twoSided(twoSided);
  }

  private void add(double[] average, double value) {
    if (average[0] < 0) {
      average[0] = value;
      average[1] = 1;
    } else {
      average[0] = lambda * value + (1 - lambda) * average[0];
      average[1] = lambda * lambda + (1 - lambda) * (1 - lambda) * average[1];
    }
  }

  private double margin(double weightSum) {
    return Math.sqrt(weightSum * Math.log(1.0 / driftConfidence) / 2);
  }

  /** Whether {@code later}'s average exceeds {@code earlier}'s by the bound at {@code alpha}. */
  private static boolean rose(double[] earlier, double[] later, double alpha) {
    if (earlier[0] < 0 || later[0] < 0) {
      return false;
    }
    return later[0] - earlier[0] > Math.sqrt((earlier[1] + later[1]) * Math.log(1 / alpha) / 2);
  }

  @Override
  State step(double error, State previous) {
    add(total, error);
    double margin = margin(total[1]);
    if (total[0] + margin < increaseCut) {
      increaseCut = total[0] + margin;
      increaseReference[0] = total[0];
      increaseReference[1] = total[1];
      increaseFresh[0] = -1;
    } else {
      add(increaseFresh, error);
    }
    State state;
    if (rose(increaseReference, increaseFresh, driftConfidence)) {
      clear();
      restartedInStep = true;
      state = State.DRIFT;
    } else {
      state = rose(increaseReference, increaseFresh, warningConfidence) ? State.WARNING
          : State.STABLE;
    }
    margin = margin(total[1]);
    if (total[0] - margin > decreaseCut) {
      decreaseCut = total[0] - margin;
      decreaseReference[0] = total[0];
      decreaseReference[1] = total[1];
      decreaseFresh[0] = -1;
    } else {
      add(decreaseFresh, error);
    }
    if (twoSided && rose(decreaseFresh, decreaseReference, driftConfidence)) {
      clear();
    }
    return state;
  }

  @Override
  void restart() {
    if (restartedInStep) {
      restartedInStep = false;
      return;
    }
    clear();
  }

  private void clear() {
    for (double[] average : new double[][] {total, increaseReference, increaseFresh,
        decreaseReference, decreaseFresh}) {
      average[0] = -1;
      average[1] = 0;
    }
    increaseCut = Double.MAX_VALUE;
    decreaseCut = Double.MIN_VALUE;
  }

  /** The weighted error rate since the last restart (-1 before any value). */
  public double errorRate() {
    return total[0];
  }

  @Override
  public HddmW copy() {
    HddmW copy = toBuilder().build();
    copy.restoreState(this);
    copy.restoreWatch(state(), samplesSeen());
    return copy;
  }

  /** Takes {@code other}'s statistics (same settings). */
  void restoreState(HddmW other) {
    System.arraycopy(other.total, 0, total, 0, 2);
    System.arraycopy(other.increaseReference, 0, increaseReference, 0, 2);
    System.arraycopy(other.increaseFresh, 0, increaseFresh, 0, 2);
    System.arraycopy(other.decreaseReference, 0, decreaseReference, 0, 2);
    System.arraycopy(other.decreaseFresh, 0, decreaseFresh, 0, 2);
    increaseCut = other.increaseCut;
    decreaseCut = other.decreaseCut;
    restartedInStep = other.restartedInStep;
  }

  boolean restartedInStep() {
    return restartedInStep;
  }

  void restartedInStep(boolean value) {
    restartedInStep = value;
  }

  @Override
  public String toString() {
    return "HddmW{driftConfidence=" + driftConfidence + ", warningConfidence="
        + warningConfidence + ", lambda=" + lambda + ", twoSided=" + twoSided + ", state="
        + state() + ", samplesSeen=" + samplesSeen() + "}";
  }

  /**
   * Fail-fast settings. Defaults: drift at confidence 0.001, warning at 0.005, {@code lambda}
   * 0.05, one-sided (MOA's).
   */
  public static final class Builder extends HddmSettings<Builder> {
    private double lambda = 0.05;

    private Builder() {
      super(false);
    }

    @Override
    Builder self() {
      return this;
    }

    /** The weight of the newest value in each average, in (0, 1); default 0.05. */
    public Builder lambda(double lambda) {
      this.lambda = requireOpenUnit(lambda, "lambda");
      return this;
    }

    /**
     * A new detector.
     *
     * @throws IllegalArgumentException if the warning confidence is below the drift's
     */
    public HddmW build() {
      requireConsistent();
      return new HddmW(this);
    }
  }
}
