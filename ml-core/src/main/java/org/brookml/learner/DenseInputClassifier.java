package org.brookml.learner;

import java.util.Arrays;
import java.util.Objects;
import org.brookml.vector.SparseVector;

/**
 * Base of classifiers whose algorithm reads every feature value (trees, naive Bayes, ensembles of
 * them): a sparse example is validated, expanded into a buffer the model reuses (O(dimension), no
 * allocation) and handled as the equal dense example, so both inputs give the same model.
 */
public abstract class DenseInputClassifier implements OnlineClassifier {

  private final double[] expanded;

  /** Reserves the expansion buffer for {@code dimension} features. */
  protected DenseInputClassifier(int dimension) {
    this.expanded = new double[dimension];
  }

  @Override
  public final void learn(SparseVector x, int label, double weight) {
    learn(expand(x), label, weight);
  }

  @Override
  public final int predict(SparseVector x) {
    return predict(expand(x));
  }

  @Override
  public final double[] predictProba(SparseVector x, double[] out) {
    return predictProba(expand(x), out);
  }

  private double[] expand(SparseVector x) {
    Objects.requireNonNull(x, "x");
    x.requireValid(expanded.length);
    return x.toDense(expanded);
  }

  /** Checks that {@code out} can hold one probability per class. */
  protected final void requireProbabilityBuffer(double[] out) {
    if (Objects.requireNonNull(out, "out").length != numClasses()) {
      throw new IllegalArgumentException(
          "out must have length " + numClasses() + ", got " + out.length);
    }
  }

  /** Index of the largest value; the lowest index wins ties. */
  protected static int argMax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Turns unnormalized log probabilities into probabilities in place and returns the array. All
   * {@code -inf} (no class possible) gives the uniform distribution.
   */
  protected static double[] normalizeLogs(double[] logs) {
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
  protected static double[] normalize(double[] weights) {
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
