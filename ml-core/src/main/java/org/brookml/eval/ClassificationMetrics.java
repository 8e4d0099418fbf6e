package org.brookml.eval;

import org.brookml.learner.InputChecks;
import org.brookml.learner.LabelEncoder;

/**
 * Scores of a classifier, each seen three ways: since the start ({@link #cumulative()}), over a
 * sliding window of the last {@code window} examples ({@link #window()}), and faded by a factor
 * per example ({@link #faded()}; 0.999 unless given, as MOA's fading-factor evaluator). Each view
 * gives accuracy, Cohen's kappa, kappa-M, kappa-temporal, per-class and macro precision, recall
 * and F1, and balanced accuracy ({@link ClassificationScores}). Kappa compares accuracy with the
 * agreement expected by chance from the marginals, {@code (p_o - p_e) / (1 - p_e)}: on drifting
 * streams a no-change baseline can score high accuracy, while its kappa stays near zero.
 *
 * <p>Log loss uses {@code -ln max(p, 1e-15)} of the probability given to the true class; examples
 * updated without a probability do not count toward it. For two classes, {@link #windowAuc()} is
 * the exact ROC AUC over the window's examples that came with a probability. A score with nothing
 * to report throws {@link IllegalStateException} instead of returning NaN. Allocation-free per
 * update. Not thread-safe.
 */
public final class ClassificationMetrics {

  private static final double MIN_PROBABILITY = 1e-15;
  /** MOA's default fading factor. */
  public static final double DEFAULT_FADING_FACTOR = 0.999;
  private static final int MAX_NNZ = 5;

  private final int numClasses;
  private final ClassificationScores cumulative;
  private final ClassificationScores windowed;
  private final ClassificationScores faded;
  private final Accumulator[] accumulators;
  private final ClassificationScores[] views;
  private final int[] indices = new int[MAX_NNZ];
  private final double[] values = new double[MAX_NNZ];
  private final int[] windowTruth;
  private final double[] windowScore;
  private final SlidingWindow windowLogLoss;
  private final int window;
  private long count;
  private long logLossCount;
  private double logLossSum;
  private int windowNext;
  private int windowSize;
  private int lastTruth;

  /**
   * Metrics over the classes of {@code labels}: as many as it can hold ({@link
   * LabelEncoder#capacity()}), so that the codes it gives are always in range.
   *
   * @param window length of the sliding window, at least 1
   */
  public static ClassificationMetrics forLabels(LabelEncoder<?> labels, int window) {
    return new ClassificationMetrics(labels.capacity(), window);
  }

  /**
   * @param numClasses number of classes, at least 2
   * @param window length of the sliding window, at least 1
   */
  public ClassificationMetrics(int numClasses, int window) {
    this(numClasses, window, DEFAULT_FADING_FACTOR);
  }

  /**
   * @param numClasses number of classes, 2 to 4,096
   * @param window length of the sliding window, at least 1
   * @param fadingFactor weight kept per new example by the faded view, in (0, 1]
   */
  public ClassificationMetrics(int numClasses, int window, double fadingFactor) {
    if (numClasses < 2 || numClasses > 4096) {
      throw new IllegalArgumentException("numClasses must be in [2, 4096], got " + numClasses);
    }
    if (window < 1 || window > 1 << 24) {
      throw new IllegalArgumentException("window must be in [1, 2^24], got " + window);
    }
    if (!(fadingFactor > 0 && fadingFactor <= 1)) {
      throw new IllegalArgumentException("fadingFactor must be in (0, 1], got " + fadingFactor);
    }
    this.numClasses = numClasses;
    this.window = window;
    int components = ClassificationScores.components(numClasses);
    accumulators = new Accumulator[] {Accumulator.cumulative(components),
        Accumulator.window(components, window, MAX_NNZ),
        Accumulator.faded(components, fadingFactor)};
    cumulative = new ClassificationScores("since the start", numClasses, accumulators[0]);
    windowed = new ClassificationScores("in the window", numClasses, accumulators[1]);
    faded = new ClassificationScores("faded", numClasses, accumulators[2]);
    views = new ClassificationScores[] {cumulative, windowed, faded};
    this.windowTruth = new int[window];
    this.windowScore = new double[window];
    this.windowLogLoss = new SlidingWindow(window);
  }

  /** The scores since the start. */
  public ClassificationScores cumulative() {
    return cumulative;
  }

  /** The scores over the last {@code window} examples. */
  public ClassificationScores window() {
    return windowed;
  }

  /** The scores with each example's weight faded by the factor per newer example. */
  public ClassificationScores faded() {
    return faded;
  }

  /**
   * Records one prediction.
   *
   * @param truth the true class
   * @param predicted the predicted class
   * @param probabilityOfTruth the probability the model gave the true class, or NaN if unknown
   */
  public void update(int truth, int predicted, double probabilityOfTruth) {
    InputChecks.requireLabel(truth, numClasses);
    InputChecks.requireLabel(predicted, numClasses);
    if (!Double.isNaN(probabilityOfTruth) && !(probabilityOfTruth >= 0 && probabilityOfTruth <= 1)) {
      throw new IllegalArgumentException("probabilityOfTruth must be in [0, 1] or NaN, got "
          + probabilityOfTruth);
    }
    count++;
    for (int v = 0; v < views.length; v++) {
      int nnz = 0;
      indices[nnz] = ClassificationScores.cell(numClasses, truth, predicted);
      values[nnz++] = 1;
      indices[nnz] = ClassificationScores.total(numClasses);
      values[nnz++] = 1;
      indices[nnz] = ClassificationScores.truthCount(numClasses, truth);
      values[nnz++] = 1;
      if (views[v].majorityWith(truth) == truth) {
        indices[nnz] = ClassificationScores.majorityRight(numClasses);
        values[nnz++] = 1;
      }
      if (lastTruth == truth) {
        indices[nnz] = ClassificationScores.noChangeRight(numClasses);
        values[nnz++] = 1;
      }
      accumulators[v].add(indices, values, nnz);
    }
    lastTruth = truth;
    windowTruth[windowNext] = truth;
    windowScore[windowNext] = Double.isNaN(probabilityOfTruth) || numClasses != 2 ? Double.NaN
        : truth == 1 ? probabilityOfTruth : 1 - probabilityOfTruth;
    windowNext = (windowNext + 1) % window;
    windowSize = Math.min(windowSize + 1, window);
    if (!Double.isNaN(probabilityOfTruth)) {
      double loss = -Math.log(Math.max(probabilityOfTruth, MIN_PROBABILITY));
      logLossSum += loss;
      logLossCount++;
      windowLogLoss.add(loss);
    }
  }

  /** Examples recorded. */
  public long count() {
    return count;
  }

  /** Accuracy since the start; see {@link #cumulative()} for the other scores. */
  public double accuracy() {
    return cumulative.accuracy();
  }

  /** Accuracy over the window. */
  public double windowAccuracy() {
    return windowed.accuracy();
  }

  /** Cohen's kappa since the start. */
  public double kappa() {
    return cumulative.kappa();
  }

  /** Cohen's kappa over the window. */
  public double windowKappa() {
    return windowed.kappa();
  }

  /** Mean log loss since the start, over the examples that came with a probability. */
  public double logLoss() {
    if (logLossCount == 0) {
      throw new IllegalStateException("nothing to report: no example came with a probability");
    }
    return logLossSum / logLossCount;
  }

  /** Mean log loss over the last {@code window} examples that came with a probability. */
  public double windowLogLoss() {
    if (windowLogLoss.size() == 0) {
      throw new IllegalStateException("nothing to report: no example came with a probability");
    }
    return windowLogLoss.mean();
  }

  /**
   * The exact ROC AUC of the probabilities of class 1 over the window's examples that came with
   * one (two classes only): the chance that a random class-1 example scores above a random
   * class-0 one, ties counting half.
   *
   * @throws IllegalStateException unless the window holds scored examples of both classes
   */
  public double windowAuc() {
    if (numClasses != 2) {
      throw new IllegalStateException("ROC AUC is defined here for two classes, not "
          + numClasses);
    }
    double[] scores = new double[windowSize];
    int[] truths = new int[windowSize];
    int n = 0;
    for (int i = 0; i < windowSize; i++) {
      if (!Double.isNaN(windowScore[i])) {
        scores[n] = windowScore[i];
        truths[n++] = windowTruth[i];
      }
    }
    return RocAuc.of(scores, truths, n);
  }

  @Override
  public String toString() {
    return "n=" + count + " | " + cumulative + " | " + windowed + " | " + faded;
  }
}
