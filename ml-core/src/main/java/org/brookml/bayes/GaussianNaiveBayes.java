package org.brookml.bayes;

import static org.brookml.learner.Probabilities.argMax;
import static org.brookml.learner.Probabilities.normalizeLogs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.brookml.internal.learner.DenseInputClassifier;
import org.brookml.internal.merge.MergeChecks;
import org.brookml.internal.stats.ClassGaussians;
import org.brookml.learner.Mergeable;
import org.brookml.learner.SizeLimits;

/**
 * Gaussian naive Bayes learned online: per class, its weight and a weighted normal estimate of
 * every feature. {@code P(c | x)} is proportional to {@code P(c) * prod_j N(x_j; mean_cj, var_cj)},
 * computed in log space. As in scikit-learn's {@code GaussianNB}, a fraction
 * ({@code varianceSmoothing}, default 1e-9) of the largest variance of any feature over all the
 * data is added to every variance: a feature constant within a class gets a sharp normal density
 * instead of none, and no density is floored, so many features of small density do not flatten
 * the likelihoods (on the same rows, the answers are {@code GaussianNB}'s). A smoothing of 0
 * gives MOA's rule instead, as snapshots of version 1 did: a zero-variance feature is a point
 * mass at its mean, and every density is floored at 1e-9, which caps what one feature can cost a
 * class; on one-hot or other discrete features that rule can score better. Classes never
 * seen get probability 0 (all uniform before the first example). Learning is exact and order-free
 * up to rounding; it allocates nothing. Merging is exact too: the class weights and per-class
 * means and variances of models trained on disjoint data pool into those of one model trained on
 * all of it.
 */
public final class GaussianNaiveBayes extends DenseInputClassifier
    implements Mergeable<GaussianNaiveBayes> {

  final int dimension;
  final int numClasses;
  final double[] classWeights;
  final ClassGaussians gaussians;
  private final double[] scratch;
  long samplesSeen;

  GaussianNaiveBayes(int dimension, int numClasses, double varianceSmoothing) {
    super(dimension);
    this.dimension = dimension;
    this.numClasses = numClasses;
    this.classWeights = new double[numClasses];
    this.gaussians = new ClassGaussians(numClasses, dimension, varianceSmoothing, true);
    this.scratch = new double[numClasses];
  }

  /**
   * A builder for {@code numClasses >= 2} classes of {@code dimension >= 1} features.
   *
   * @throws IllegalArgumentException if a size is out of range
   */
  public static Builder builder(int dimension, int numClasses) {
    return new Builder(dimension, numClasses);
  }

  /** A builder preset with this model's configuration. */
  public Builder toBuilder() {
    return new Builder(dimension, numClasses).varianceSmoothing(varianceSmoothing());
  }

  /** The fraction of the largest variance added to every variance. */
  public double varianceSmoothing() {
    return gaussians.varianceSmoothing();
  }

  @Override
  protected void learnChecked(double[] x, int label, double weight) {
    samplesSeen++;
    if (weight > 0) {
      classWeights[label] += weight;
      gaussians.add(label, x, weight);
    }
  }

  @Override
  protected int predictChecked(double[] x) {
    return argMax(jointLogLikelihood(x, scratch));
  }

  @Override
  protected double[] predictProbaChecked(double[] x, double[] out) {
    return normalizeLogs(jointLogLikelihood(x, out));
  }

  /** Writes {@code log P(c) + sum_j log p(x_j | c)} (unnormalized) for every class to {@code out}. */
  private double[] jointLogLikelihood(double[] x, double[] out) {
    double total = 0;
    for (double w : classWeights) {
      total += w;
    }
    if (total == 0) {
      Arrays.fill(out, 0);
      return out;
    }
    for (int c = 0; c < numClasses; c++) {
      out[c] = Math.log(classWeights[c] / total);
    }
    gaussians.addLogLikelihoods(x, out);
    return out;
  }

  /**
   * Pools the statistics of models trained on disjoint data into this one: afterwards it is the
   * model of all their examples (up to rounding).
   *
   * @throws IllegalArgumentException if a model has another dimension or number of classes
   */
  @Override
  public void mergeFrom(List<? extends GaussianNaiveBayes> others) {
    MergeChecks.requireCompatible(this, others, GaussianNaiveBayes::mergeSignature);
    List<GaussianNaiveBayes> all = new ArrayList<>();
    all.add(this);
    all.addAll(others);
    combine(toBuilder().build(), all);
  }

  /**
   * Adds what each replica (a copy of this model) learned since the copy; afterwards this is the
   * model of the base's examples and all the replicas' new ones (up to rounding).
   *
   * @throws IllegalArgumentException if a replica is incompatible or has learned fewer examples
   */
  @Override
  public void addDeltas(List<? extends GaussianNaiveBayes> replicas) {
    MergeChecks.requireCompatible(this, replicas, GaussianNaiveBayes::mergeSignature);
    MergeChecks.learnedSinceBase(samplesSeen, replicas);
    combine(copy(), new ArrayList<>(replicas));
  }

  private String mergeSignature() {
    return "GaussianNaiveBayes{dimension=" + dimension + ", numClasses=" + numClasses + "}";
  }

  private void combine(GaussianNaiveBayes base, List<GaussianNaiveBayes> replicas) {
    List<ClassGaussians> stats = new ArrayList<>();
    double[] weights = base.classWeights.clone();
    long samples = base.samplesSeen;
    for (GaussianNaiveBayes r : replicas) {
      stats.add(r.gaussians);
      for (int c = 0; c < numClasses; c++) {
        weights[c] += r.classWeights[c] - base.classWeights[c];
      }
      samples += r.samplesSeen - base.samplesSeen;
    }
    gaussians.combine(base.gaussians, stats);
    for (int c = 0; c < numClasses; c++) {
      classWeights[c] = Math.max(0, weights[c]);
    }
    samplesSeen = samples;
  }

  /** Total weight learned for class {@code c}. */
  public double classWeight(int c) {
    return classWeights[c];
  }

  /** Weighted mean of feature {@code j} within class {@code c}. */
  public double mean(int c, int j) {
    return gaussians.mean(c, j);
  }

  /** Variance of feature {@code j} within class {@code c} (weighted, denominator weight - 1). */
  public double variance(int c, int j) {
    return gaussians.variance(c, j);
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
  public GaussianNaiveBayes copy() {
    GaussianNaiveBayes copy = toBuilder().build();
    copy.copyStateFrom(this);
    return copy;
  }

  private void copyStateFrom(GaussianNaiveBayes other) {
    System.arraycopy(other.classWeights, 0, classWeights, 0, numClasses);
    gaussians.copyFrom(other.gaussians);
    samplesSeen = other.samplesSeen;
  }

  @Override
  public void reset() {
    Arrays.fill(classWeights, 0);
    gaussians.clear();
    samplesSeen = 0;
  }

  @Override
  public String toString() {
    return "GaussianNaiveBayes{dimension=" + dimension + ", numClasses=" + numClasses
        + ", samplesSeen=" + samplesSeen + "}";
  }

  /** Fail-fast configuration of a {@link GaussianNaiveBayes}: its sizes. */
  public static final class Builder {
    private final int dimension;
    private final int numClasses;
    private double varianceSmoothing = ClassGaussians.DEFAULT_VARIANCE_SMOOTHING;

    private Builder(int dimension, int numClasses) {
      SizeLimits.dimension(dimension);
      SizeLimits.classes(numClasses);
      SizeLimits.cells("numClasses x dimension", numClasses, dimension);
      this.dimension = dimension;
      this.numClasses = numClasses;
    }

    /**
     * The fraction of the largest variance of any feature (over all the data) added to every
     * variance, in [0, 1]; default 1e-9, scikit-learn's {@code var_smoothing}. 0 gives MOA's
     * point masses and a 1e-9 density floor.
     */
    public Builder varianceSmoothing(double varianceSmoothing) {
      this.varianceSmoothing = ClassGaussians.requireSmoothing(varianceSmoothing);
      return this;
    }

    /** A new, untrained model. */
    public GaussianNaiveBayes build() {
      return new GaussianNaiveBayes(dimension, numClasses, varianceSmoothing);
    }
  }
}
