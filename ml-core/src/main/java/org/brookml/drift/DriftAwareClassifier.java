package org.brookml.drift;

import java.util.Objects;
import org.brookml.learner.InputChecks;
import org.brookml.learner.OnlineClassifier;
import org.brookml.vector.SparseVector;

/**
 * A classifier that replaces itself when its error rate drifts, as MOA's
 * {@code SingleClassifierDrift} does (Gama et al. 2004's use of DDM): each example is first
 * predicted, and whether the prediction was wrong goes to a {@link DriftDetector}. On a warning
 * a background model (a fresh copy of the base, reset when a warning zone begins) learns the
 * example too; on a drift the background model replaces the current one and a new fresh copy
 * waits in the background; then the current model learns the example. The detector is a
 * setting (DDM by default; any error-indicator detector: EDDM, HDDM-A, HDDM-W, ADWIN).
 *
 * <p>Input is checked, the weight included (against the base's rules), before the detector or
 * any model changes. Not thread-safe.
 */
public final class DriftAwareClassifier implements OnlineClassifier {

  final OnlineClassifier prototype;
  OnlineClassifier current;
  OnlineClassifier background;
  DriftDetector detector;
  boolean backgroundFresh = true;
  long warnings;
  long drifts;
  long samplesSeen;

  private DriftAwareClassifier(OnlineClassifier base, DriftDetector detector) {
    this.prototype = base.copy();
    this.prototype.reset();
    this.current = prototype.copy();
    this.background = prototype.copy();
    this.detector = detector.copy();
    this.detector.reset();
  }

  /**
   * A drift-aware classifier over copies of {@code base} (reset: it starts untrained) with a
   * copy of {@code detector}, which must take error indicators (0 or 1).
   */
  public static DriftAwareClassifier of(OnlineClassifier base, DriftDetector detector) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(detector, "detector");
    return new DriftAwareClassifier(base, detector);
  }

  /** Over copies of {@code base}, with DDM's defaults, as MOA's default. */
  public static DriftAwareClassifier of(OnlineClassifier base) {
    return of(base, Ddm.builder().build());
  }

  @Override
  public void learn(double[] x, int label, double weight) {
    current.requireRow(x);
    if (checkAndWatch(label, weight, current.predict(x))) {
      background.learn(x, label, weight);
    }
    current.learn(x, label, weight);
    samplesSeen++;
  }

  /** The base classifier's policy. */
  @Override
  public boolean acceptsMissingValues() {
    return current.acceptsMissingValues();
  }

  @Override
  public void requireRow(double[] x) {
    current.requireRow(x);
  }

  @Override
  public void learn(SparseVector x, int label, double weight) {
    Objects.requireNonNull(x, "x");
    x.requireValid(dimension());
    if (checkAndWatch(label, weight, current.predict(x))) {
      background.learn(x, label, weight);
    }
    current.learn(x, label, weight);
    samplesSeen++;
  }

  /**
   * Checks the label and the weight, then feeds whether {@code predicted} was wrong to the
   * detector; returns whether the background model learns this example.
   */
  private boolean checkAndWatch(int label, double weight, int predicted) {
    InputChecks.requireLabel(label, numClasses());
    current.requireLearnableWeight(weight);
    return watch(predicted != label);
  }

  /**
   * Feeds the error to the detector and acts on its state, as MOA does; returns whether the
   * background model learns this example (in a warning zone).
   */
  private boolean watch(boolean wrong) {
    switch (detector.update(wrong ? 1 : 0)) {
      case WARNING:
        if (backgroundFresh) {
          warnings++;
          background.reset();
          backgroundFresh = false;
        }
        return true;
      case DRIFT:
        drifts++;
        current = background;
        background = prototype.copy();
        return false;
      default:
        backgroundFresh = true;
        return false;
    }
  }

  @Override
  public int predict(double[] x) {
    return current.predict(x);
  }

  @Override
  public int predict(SparseVector x) {
    return current.predict(x);
  }

  @Override
  public double[] predictProba(double[] x, double[] out) {
    return current.predictProba(x, out);
  }

  @Override
  public double[] predictProba(SparseVector x, double[] out) {
    return current.predictProba(x, out);
  }

  @Override
  public void requireLearnableWeight(double weight) {
    current.requireLearnableWeight(weight);
  }

  @Override
  public int numClasses() {
    return prototype.numClasses();
  }

  @Override
  public int dimension() {
    return prototype.dimension();
  }

  @Override
  public long samplesSeen() {
    return samplesSeen;
  }

  /** Warning zones entered (each resets the background model once). */
  public long warnings() {
    return warnings;
  }

  /** Drifts detected, each of which replaced the current model. */
  public long drifts() {
    return drifts;
  }

  /** The detector (a live view: do not feed it). */
  public DriftDetector detector() {
    return detector;
  }

  @Override
  public DriftAwareClassifier copy() {
    DriftAwareClassifier copy = new DriftAwareClassifier(prototype, detector);
    copy.current = current.copy();
    copy.background = background.copy();
    copy.detector = detector.copy();
    copy.backgroundFresh = backgroundFresh;
    copy.warnings = warnings;
    copy.drifts = drifts;
    copy.samplesSeen = samplesSeen;
    return copy;
  }

  @Override
  public void reset() {
    current = prototype.copy();
    background = prototype.copy();
    detector.reset();
    backgroundFresh = true;
    warnings = 0;
    drifts = 0;
    samplesSeen = 0;
  }

  @Override
  public String toString() {
    return "DriftAwareClassifier{dimension=" + dimension() + ", numClasses=" + numClasses()
        + ", base=" + prototype + ", detector=" + detector + ", warnings=" + warnings
        + ", drifts=" + drifts + ", samplesSeen=" + samplesSeen + "}";
  }
}
