package org.brookml.drift;

/**
 * The settings both HDDM tests share, for their builders: the confidences of a drift and of a
 * warning, and whether a fall of the error rate is watched too.
 *
 * @param <B> the concrete builder
 */
abstract class HddmSettings<B extends HddmSettings<B>> {

  double driftConfidence = 0.001;
  double warningConfidence = 0.005;
  boolean twoSided;

  HddmSettings(boolean twoSided) {
    this.twoSided = twoSided;
  }

  abstract B self();

  /** The confidence of a drift, in (0, 1); default 0.001. */
  public B driftConfidence(double driftConfidence) {
    this.driftConfidence = WatchingDetector.requireOpenUnit(driftConfidence, "driftConfidence");
    return self();
  }

  /** The confidence of a warning, in (0, 1), at least the drift's; default 0.005. */
  public B warningConfidence(double warningConfidence) {
    this.warningConfidence =
        WatchingDetector.requireOpenUnit(warningConfidence, "warningConfidence");
    return self();
  }

  /** Whether a fall of the error rate restarts the statistics too. */
  public B twoSided(boolean twoSided) {
    this.twoSided = twoSided;
    return self();
  }

  /**
   * Checks the settings together before a detector is built.
   *
   * @throws IllegalArgumentException if the warning confidence is below the drift's
   */
  void requireConsistent() {
    if (warningConfidence < driftConfidence) {
      throw new IllegalArgumentException("warningConfidence " + warningConfidence
          + " must be at least driftConfidence " + driftConfidence);
    }
  }
}
