package org.brookml.eval;

import org.brookml.learner.InputChecks;
import org.brookml.learner.LabelEncoder;

/**
 * Accuracy, log loss and Cohen's kappa of a classifier, both since the start and over a sliding
 * window of the last {@code window} examples. Kappa compares accuracy with the agreement expected by
 * chance from the marginals, {@code (p_o - p_e) / (1 - p_e)}: on drifting streams a no-change
 * baseline can score high accuracy, while its kappa stays near zero. Log loss uses
 * {@code -ln max(p, 1e-15)} of the probability given to the true class; examples updated without a
 * probability do not count toward it. Allocation-free per update. Not thread-safe.
 */
public final class ClassificationMetrics {

  private static final double MIN_PROBABILITY = 1e-15;

  private final int numClasses;
  private final long[] confusion;
  private final long[] windowConfusion;
  private final int[] windowTruth;
  private final int[] windowPredicted;
  private final SlidingWindow windowLogLoss;
  private final int window;
  private long count;
  private long logLossCount;
  private double logLossSum;
  private int windowNext;
  private int windowSize;

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
    if (numClasses < 2 || numClasses > 4096) {
      throw new IllegalArgumentException("numClasses must be in [2, 4096], got " + numClasses);
    }
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1, got " + window);
    }
    this.numClasses = numClasses;
    this.window = window;
    this.confusion = new long[numClasses * numClasses];
    this.windowConfusion = new long[numClasses * numClasses];
    this.windowTruth = new int[window];
    this.windowPredicted = new int[window];
    this.windowLogLoss = new SlidingWindow(window);
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
    count++;
    confusion[truth * numClasses + predicted]++;
    if (windowSize == window) {
      windowConfusion[windowTruth[windowNext] * numClasses + windowPredicted[windowNext]]--;
    } else {
      windowSize++;
    }
    windowTruth[windowNext] = truth;
    windowPredicted[windowNext] = predicted;
    windowConfusion[truth * numClasses + predicted]++;
    windowNext = (windowNext + 1) % window;
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

  /** Accuracy since the start. */
  public double accuracy() {
    return accuracy(confusion);
  }

  /** Accuracy over the window. */
  public double windowAccuracy() {
    return accuracy(windowConfusion);
  }

  /** Cohen's kappa since the start. */
  public double kappa() {
    return kappa(confusion);
  }

  /** Cohen's kappa over the window. */
  public double windowKappa() {
    return kappa(windowConfusion);
  }

  /** Mean log loss since the start (NaN if no probabilities were given). */
  public double logLoss() {
    return logLossCount == 0 ? Double.NaN : logLossSum / logLossCount;
  }

  /** Mean log loss over the last {@code window} examples that came with a probability. */
  public double windowLogLoss() {
    return windowLogLoss.mean();
  }

  private double accuracy(long[] matrix) {
    long total = 0;
    long correct = 0;
    for (int i = 0; i < numClasses; i++) {
      for (int j = 0; j < numClasses; j++) {
        total += matrix[i * numClasses + j];
      }
      correct += matrix[i * numClasses + i];
    }
    return total == 0 ? Double.NaN : (double) correct / total;
  }

  private double kappa(long[] matrix) {
    double total = 0;
    double correct = 0;
    double chance = 0;
    for (int i = 0; i < numClasses; i++) {
      double row = 0;
      double column = 0;
      for (int j = 0; j < numClasses; j++) {
        row += matrix[i * numClasses + j];
        column += matrix[j * numClasses + i];
      }
      total += row;
      correct += matrix[i * numClasses + i];
      chance += row * column;
    }
    if (total == 0) {
      return Double.NaN;
    }
    double observed = correct / total;
    double expected = chance / (total * total);
    return expected == 1.0 ? (observed == 1.0 ? 1.0 : 0.0) : (observed - expected) / (1 - expected);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "n=%d accuracy=%.4f kappa=%.4f logLoss=%.4f | window %d: accuracy=%.4f kappa=%.4f",
        count, accuracy(), kappa(), logLoss(), windowSize, windowAccuracy(), windowKappa());
  }
}
