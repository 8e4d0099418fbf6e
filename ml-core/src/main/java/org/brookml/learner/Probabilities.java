package org.brookml.learner;

import java.util.Arrays;

/**
 * Helpers for class scores and probabilities, such as {@link OnlineClassifier#predictProba}
 * writes: the most probable class, and normalising weights or log-probabilities in place. Each
 * works on the caller's array and allocates nothing.
 */
public final class Probabilities {

  private Probabilities() {}

  /** Index of the largest value; the lowest index wins ties. */
  public static int argMax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Turns unnormalized log-probabilities into probabilities in place (a softmax, shifted by the
   * largest value so that nothing overflows) and returns the array. All {@code -inf} (no class
   * possible) gives the uniform distribution.
   */
  public static double[] normalizeLogs(double[] logs) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logs) {
      max = Math.max(max, v);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      Arrays.fill(logs, 1.0 / logs.length);
      return logs;
    }
    double sum = 0;
    for (int i = 0; i < logs.length; i++) {
      logs[i] = Math.exp(logs[i] - max);
      sum += logs[i];
    }
    for (int i = 0; i < logs.length; i++) {
      logs[i] /= sum;
    }
    return logs;
  }

  /** Scales non-negative {@code weights} in place to sum to 1 (uniform if they sum to 0). */
  public static double[] normalize(double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    for (int i = 0; i < weights.length; i++) {
      weights[i] = sum > 0 ? weights[i] / sum : 1.0 / weights.length;
    }
    return weights;
  }
}
