package org.brookml.bayes;

import static org.brookml.learner.Probabilities.argMax;
import static org.brookml.learner.Probabilities.normalizeLogs;

import java.util.Arrays;
import java.util.Objects;
import org.brookml.learner.FeatureSchema;
import org.brookml.learner.InputChecks;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.SizeLimits;
import org.brookml.vector.SparseVector;
import org.brookml.vector.Vectors;

/**
 * Naive Bayes over numeric and nominal features at once, with missing values: a numeric feature
 * is a weighted normal estimate per class (its variance smoothed as scikit-learn's
 * {@code GaussianNB} smooths: a fraction, default 1e-9, of the largest variance of any numeric
 * feature over all data), a nominal feature (values coded 0 to V-1, as a {@link FeatureSchema}
 * declares) is a table of per-class value weights with Laplace smoothing:
 * {@code P(v | c) = (n_cv + alpha) / (n_c + alpha V)}, alpha 1 by default. NaN means missing: a
 * missing value is left out of learning and of the likelihood (as MOA's and River's naive Bayes
 * do). Classes never seen get probability 0; all are equally likely before the first example.
 *
 * <p>Values other than NaN are checked as every learner checks them (finite, within
 * {@link Vectors#MAX_MAGNITUDE}); a nominal value must be a whole number below its feature's
 * number of values. A refused example changes nothing. Learning and prediction allocate nothing.
 * Not thread-safe.
 */
public final class MixedNaiveBayes implements OnlineClassifier {

  final int dimension;
  final int numClasses;
  /** Values of each feature, 0 for numeric ones. */
  final int[] values;
  final double varianceSmoothing;
  final double alpha;
  final double[] classWeights;
  /** Per class and feature ({@code c * dimension + j}): observed weight, mean, M2. */
  final double[] weight;
  final double[] mean;
  final double[] m2;
  /** Per feature over all classes: observed weight, mean, M2 (for the smoothing). */
  final double[] allWeight;
  final double[] allMean;
  final double[] allM2;
  /** Per nominal feature, class and value: {@code counts[j][c * values[j] + v]}. */
  final double[][] counts;
  /** Per nominal feature and class, the weight of its observed values: {@code counts} summed. */
  final double[][] observed;
  long samplesSeen;
  private final double[] logs;
  private final double[] dense;

  private MixedNaiveBayes(Builder b) {
    this.dimension = b.values.length;
    this.numClasses = b.numClasses;
    this.values = b.values.clone();
    this.varianceSmoothing = b.varianceSmoothing;
    this.alpha = b.alpha;
    this.classWeights = new double[numClasses];
    int cells = numClasses * dimension;
    this.weight = new double[cells];
    this.mean = new double[cells];
    this.m2 = new double[cells];
    this.allWeight = new double[dimension];
    this.allMean = new double[dimension];
    this.allM2 = new double[dimension];
    this.counts = new double[dimension][];
    this.observed = new double[dimension][];
    for (int j = 0; j < dimension; j++) {
      if (values[j] > 0) {
        counts[j] = new double[numClasses * values[j]];
        observed[j] = new double[numClasses];
      }
    }
    this.logs = new double[numClasses];
    this.dense = new double[dimension];
  }

  /** A builder for the features and classes {@code schema} declares. */
  public static Builder builder(FeatureSchema schema) {
    Objects.requireNonNull(schema, "schema");
    Builder b = new Builder(schema.dimension(), schema.classes().size());
    schema.forEachNominal(b::nominal);
    return b;
  }

  /** A builder for {@code dimension} features, numeric until declared nominal. */
  public static Builder builder(int dimension, int numClasses) {
    return new Builder(dimension, numClasses);
  }

  private void check(double[] x) {
    InputChecks.requireRowOrMissing(x, values);
  }

  /** True: NaN is a missing value, left out of learning and of the likelihood. */
  @Override
  public boolean acceptsMissingValues() {
    return true;
  }

  @Override
  public void requireRow(double[] x) {
    check(x);
  }

  @Override
  public void learn(double[] x, int label, double w) {
    check(x);
    InputChecks.requireLabel(label, numClasses);
    InputChecks.requireWeight(w);
    samplesSeen++;
    if (w == 0) {
      return;
    }
    classWeights[label] += w;
    for (int j = 0; j < dimension; j++) {
      double v = x[j];
      if (Double.isNaN(v)) {
        continue;
      }
      if (values[j] > 0) {
        counts[j][label * values[j] + (int) v] += w;
        observed[j][label] += w;
      } else {
        int cell = label * dimension + j;
        weight[cell] = welford(weight, mean, m2, cell, v, w);
        allWeight[j] = welford(allWeight, allMean, allM2, j, v, w);
      }
    }
  }

  /** A weighted Welford step on cell {@code i}; returns the new weight. */
  private static double welford(double[] weights, double[] means, double[] m2s, int i, double v,
      double w) {
    double total = weights[i] + w;
    double delta = v - means[i];
    double updated = means[i] + w * delta / total;
    m2s[i] = Math.max(0.0, m2s[i] + w * delta * (v - updated)); // never a hair below 0
    means[i] = updated;
    return total;
  }

  @Override
  public void learn(SparseVector x, int label, double w) {
    learn(densify(x), label, w);
  }

  @Override
  public int predict(double[] x) {
    return argMax(logPosterior(x));
  }

  @Override
  public int predict(SparseVector x) {
    return predict(densify(x));
  }

  @Override
  public double[] predictProba(double[] x, double[] out) {
    Objects.requireNonNull(out, "out");
    if (out.length != numClasses) {
      throw new IllegalArgumentException("out has length " + out.length + ", expected "
          + numClasses);
    }
    System.arraycopy(logPosterior(x), 0, out, 0, numClasses);
    return normalizeLogs(out);
  }

  @Override
  public double[] predictProba(SparseVector x, double[] out) {
    return predictProba(densify(x), out);
  }

  private double[] densify(SparseVector x) {
    Objects.requireNonNull(x, "x");
    x.requireValid(dimension);
    Arrays.fill(dense, 0);
    return x.toDense(dense);
  }

  /** {@code log P(c) + sum_j log p(x_j | c)} over the observed features (unnormalized). */
  private double[] logPosterior(double[] x) {
    check(x);
    double total = 0;
    for (double w : classWeights) {
      total += w;
    }
    if (total == 0) {
      Arrays.fill(logs, 0);
      return logs;
    }
    double epsilon = smoothing();
    for (int c = 0; c < numClasses; c++) {
      if (classWeights[c] == 0) {
        logs[c] = Double.NEGATIVE_INFINITY;
        continue;
      }
      double log = Math.log(classWeights[c] / total);
      for (int j = 0; j < dimension; j++) {
        double v = x[j];
        if (Double.isNaN(v)) {
          continue;
        }
        if (values[j] > 0) {
          log += Math.log((counts[j][c * values[j] + (int) v] + alpha)
              / (observed[j][c] + alpha * values[j]));
        } else {
          int cell = c * dimension + j;
          if (weight[cell] > 0) {
            double variance = m2[cell] / weight[cell] + epsilon;
            double d = v - mean[cell];
            log += -0.5 * Math.log(2 * Math.PI * variance) - d * d / (2 * variance);
          }
        }
      }
      logs[c] = log;
    }
    return logs;
  }

  /** The variance added to every class's: a fraction of the largest overall variance. */
  double smoothing() {
    double largest = 0;
    for (int j = 0; j < dimension; j++) {
      if (values[j] == 0 && allWeight[j] > 0) {
        largest = Math.max(largest, allM2[j] / allWeight[j]);
      }
    }
    return varianceSmoothing * (largest > 0 ? largest : 1);
  }

  /** Number of values of feature {@code j}, 0 if numeric. */
  public int numValues(int j) {
    return values[Objects.checkIndex(j, dimension)];
  }

  @Override
  public int numClasses() {
    return numClasses;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public long samplesSeen() {
    return samplesSeen;
  }

  @Override
  public void reset() {
    Arrays.fill(classWeights, 0);
    for (double[] a : new double[][] {weight, mean, m2, allWeight, allMean, allM2}) {
      Arrays.fill(a, 0);
    }
    for (int j = 0; j < dimension; j++) {
      if (counts[j] != null) {
        Arrays.fill(counts[j], 0);
        Arrays.fill(observed[j], 0);
      }
    }
    samplesSeen = 0;
  }

  @Override
  public MixedNaiveBayes copy() {
    MixedNaiveBayes copy = toBuilder().build();
    copyState(this, copy);
    return copy;
  }

  static void copyState(MixedNaiveBayes from, MixedNaiveBayes to) {
    System.arraycopy(from.classWeights, 0, to.classWeights, 0, from.numClasses);
    for (int i = 0; i < from.weight.length; i++) {
      to.weight[i] = from.weight[i];
      to.mean[i] = from.mean[i];
      to.m2[i] = from.m2[i];
    }
    System.arraycopy(from.allWeight, 0, to.allWeight, 0, from.dimension);
    System.arraycopy(from.allMean, 0, to.allMean, 0, from.dimension);
    System.arraycopy(from.allM2, 0, to.allM2, 0, from.dimension);
    for (int j = 0; j < from.dimension; j++) {
      if (from.counts[j] != null) {
        System.arraycopy(from.counts[j], 0, to.counts[j], 0, from.counts[j].length);
      }
    }
    for (int j = 0; j < from.dimension; j++) {
      if (from.observed[j] != null) {
        System.arraycopy(from.observed[j], 0, to.observed[j], 0, from.numClasses);
      }
    }
    to.samplesSeen = from.samplesSeen;
  }

  /** A builder preset with this model's settings. */
  public Builder toBuilder() {
    Builder b = builder(dimension, numClasses).varianceSmoothing(varianceSmoothing).alpha(alpha);
    for (int j = 0; j < dimension; j++) {
      if (values[j] > 0) {
        b.nominal(j, values[j]);
      }
    }
    return b;
  }

  @Override
  public String toString() {
    StringBuilder nominal = new StringBuilder();
    for (int j = 0; j < dimension; j++) {
      if (values[j] > 0) {
        nominal.append(nominal.length() == 0 ? "" : ", ").append(j).append(':').append(values[j]);
      }
    }
    return "MixedNaiveBayes{dimension=" + dimension + ", numClasses=" + numClasses
        + ", nominal={" + nominal + "}, varianceSmoothing=" + varianceSmoothing + ", alpha="
        + alpha + ", samplesSeen=" + samplesSeen + "}";
  }

  /** Settings of a {@link MixedNaiveBayes}. */
  public static final class Builder {
    private final int[] values;
    private final int numClasses;
    private double varianceSmoothing = 1e-9;
    private double alpha = 1;

    private Builder(int dimension, int numClasses) {
      this.values = new int[SizeLimits.dimension(dimension)];
      this.numClasses = SizeLimits.classes(numClasses);
    }

    /** Feature {@code j} is nominal with {@code count} values (2 to 2^16), coded 0 to count-1. */
    public Builder nominal(int j, int count) {
      Objects.checkIndex(j, values.length);
      values[j] = SizeLimits.within("values of feature " + j, count, 2,
          SizeLimits.MAX_NOMINAL_VALUES);
      return this;
    }

    /** The fraction of the largest variance added to every variance, in [0, 1]; 1e-9. */
    public Builder varianceSmoothing(double varianceSmoothing) {
      if (!(varianceSmoothing >= 0 && varianceSmoothing <= 1)) {
        throw new IllegalArgumentException("varianceSmoothing must be in [0, 1], got "
            + varianceSmoothing);
      }
      this.varianceSmoothing = varianceSmoothing;
      return this;
    }

    /** Laplace smoothing of the nominal tables, in (0, 1e6]; default 1. */
    public Builder alpha(double alpha) {
      if (!(alpha > 0 && alpha <= 1e6)) {
        throw new IllegalArgumentException("alpha must be in (0, 1e6], got " + alpha);
      }
      this.alpha = alpha;
      return this;
    }

    /** A new, untrained model. */
    public MixedNaiveBayes build() {
      long cells = (long) numClasses * values.length;
      for (int v : values) {
        cells += (long) numClasses * v;
      }
      SizeLimits.cells("classes x (features + nominal values)", 1, (int) Math.min(
          Integer.MAX_VALUE, cells));
      return new MixedNaiveBayes(this);
    }
  }
}
