package org.brookml.linear;

import static org.brookml.learner.Probabilities.argMax;
import static org.brookml.learner.Probabilities.normalizeLogs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.brookml.internal.merge.MergeChecks;
import org.brookml.internal.optim.Stepper;
import org.brookml.learner.InputChecks;
import org.brookml.learner.Mergeable;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.SizeLimits;
import org.brookml.optim.Optimizer;
import org.brookml.vector.SparseVector;

/**
 * Multinomial logistic (softmax) regression over {@code k} classes: one weight row and intercept
 * per class, {@code P(c | x) = exp(s_c) / sum exp(s_j)} with {@code s_c = w_c . x + b_c}. Each
 * example's cross-entropy gradient for row {@code c} is {@code (P(c | x) - [c = y]) x}, applied by
 * that row's own {@link Optimizer} state, so every optimizer and penalty of {@link SgdClassifier}
 * works here too. Probabilities are computed from scores shifted by their maximum, so they stay
 * finite for any finite scores.
 *
 * <p>{@code learn} and {@code predict} allocate nothing. Not thread-safe.
 */
public final class SoftmaxRegression
    implements OnlineClassifier, Mergeable<SoftmaxRegression> {

  final int dimension;
  final int numClasses;
  final Optimizer optimizer;
  final Stepper[] rows;
  private final double[] scores;
  long samplesSeen;

  private SoftmaxRegression(Builder b) {
    this.dimension = b.dimension;
    this.numClasses = b.numClasses;
    this.optimizer = b.optimizer;
    this.rows = new Stepper[numClasses];
    for (int c = 0; c < numClasses; c++) {
      rows[c] = Stepper.of(optimizer, dimension);
    }
    this.scores = new double[numClasses];
  }

  /**
   * A builder for {@code numClasses >= 2} classes over {@code dimension} features.
   *
   * @throws IllegalArgumentException if a size is out of range
   */
  public static Builder builder(int dimension, int numClasses) {
    return new Builder(dimension, numClasses);
  }

  /** A builder preset with this model's configuration. */
  public Builder toBuilder() {
    return new Builder(dimension, numClasses).optimizer(optimizer);
  }

  @Override
  public void learn(double[] x, int label, double weight) {
    InputChecks.requireLabel(label, numClasses);
    InputChecks.requireWeight(weight);
    probabilities(x);
    for (int c = 0; c < numClasses; c++) {
      rows[c].step(x, (scores[c] - (c == label ? 1 : 0)) * weight);
    }
    samplesSeen++;
  }

  @Override
  public void learn(SparseVector x, int label, double weight) {
    InputChecks.requireLabel(label, numClasses);
    InputChecks.requireWeight(weight);
    probabilities(x);
    for (int c = 0; c < numClasses; c++) {
      rows[c].step(x, (scores[c] - (c == label ? 1 : 0)) * weight);
    }
    samplesSeen++;
  }

  @Override
  public int predict(double[] x) {
    probabilities(x);
    return argMax(scores);
  }

  @Override
  public int predict(SparseVector x) {
    probabilities(x);
    return argMax(scores);
  }

  @Override
  public double[] predictProba(double[] x, double[] out) {
    requireOut(out);
    System.arraycopy(probabilities(x), 0, out, 0, numClasses);
    return out;
  }

  @Override
  public double[] predictProba(SparseVector x, double[] out) {
    requireOut(out);
    System.arraycopy(probabilities(x), 0, out, 0, numClasses);
    return out;
  }

  private void requireOut(double[] out) {
    if (Objects.requireNonNull(out, "out").length != numClasses) {
      throw new IllegalArgumentException(
          "out must have length " + numClasses + ", got " + out.length);
    }
  }

  /** Validates x, fills {@link #scores} with P(c | x), and returns it. */
  private double[] probabilities(double[] x) {
    InputChecks.requireExample(x, dimension);
    for (int c = 0; c < numClasses; c++) {
      scores[c] = rows[c].score(x);
    }
    return normalize();
  }

  private double[] probabilities(SparseVector x) {
    Objects.requireNonNull(x, "x");
    x.requireValid(dimension);
    for (int c = 0; c < numClasses; c++) {
      scores[c] = rows[c].score(x);
    }
    return normalize();
  }

  private double[] normalize() {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < numClasses; c++) {
      max = Math.max(max, scores[c]);
    }
    if (!Double.isFinite(max)) {
      throw new IllegalStateException("the model has diverged (scores not finite): its weights "
          + "overflowed; lower the learning rate and retrain (" + optimizer + ")");
    }
    return normalizeLogs(scores);
  }


  /** Weight {@code j} of class {@code c}'s row. */
  public double weight(int c, int j) {
    Objects.checkIndex(c, numClasses);
    Objects.checkIndex(j, dimension);
    return rows[c].weight(j);
  }

  /** Intercept of class {@code c}. */
  public double intercept(int c) {
    Objects.checkIndex(c, numClasses);
    return rows[c].intercept();
  }

  /** The optimizer configuration shared by every class row. */
  public Optimizer optimizer() {
    return optimizer;
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
  public SoftmaxRegression copy() {
    SoftmaxRegression copy = toBuilder().build();
    for (int c = 0; c < numClasses; c++) {
      copy.rows[c] = rows[c].copy();
    }
    copy.samplesSeen = samplesSeen;
    return copy;
  }

  @Override
  public void reset() {
    for (Stepper row : rows) {
      row.reset();
    }
    samplesSeen = 0;
  }

  private String mergeSignature() {
    return "SoftmaxRegression{dimension=" + dimension + ", numClasses=" + numClasses
        + ", optimizer=" + optimizer + "}";
  }

  /**
   * Parameter averaging of models trained on disjoint data, row by row, with the rules of
   * {@link SgdClassifier#mergeFrom}.
   *
   * @throws IllegalArgumentException if a model differs in shape or optimizer settings
   */
  @Override
  public void mergeFrom(List<? extends SoftmaxRegression> others) {
    MergeChecks.requireCompatible(this, others, SoftmaxRegression::mergeSignature);
    List<Stepper[]> models = new ArrayList<>();
    long[] samples = new long[others.size() + 1];
    models.add(rows);
    samples[0] = samplesSeen;
    for (int i = 0; i < others.size(); i++) {
      SoftmaxRegression other = others.get(i);
      models.add(other.rows);
      samples[i + 1] = other.samplesSeen;
    }
    ParameterMerging.mergeFrom(rows, models, samples, () -> Stepper.of(optimizer, dimension));
    for (int i = 1; i < samples.length; i++) {
      samplesSeen += samples[i];
    }
  }

  /**
   * The synchronous data-parallel step, row by row, with the rules of
   * {@link SgdClassifier#addDeltas}.
   *
   * @throws IllegalArgumentException if a replica is incompatible or has learned fewer examples
   *     than this base
   */
  @Override
  public void addDeltas(List<? extends SoftmaxRegression> replicas) {
    MergeChecks.requireCompatible(this, replicas, SoftmaxRegression::mergeSignature);
    MergeChecks.learnedSinceBase(samplesSeen, replicas);
    List<Stepper[]> models = new ArrayList<>();
    long[] samples = new long[replicas.size()];
    for (int i = 0; i < replicas.size(); i++) {
      SoftmaxRegression replica = replicas.get(i);
      models.add(replica.rows);
      samples[i] = replica.samplesSeen;
    }
    samplesSeen += ParameterMerging.addDeltas(rows, models, samplesSeen, samples);
  }

  @Override
  public String toString() {
    return "SoftmaxRegression{dimension=" + dimension + ", numClasses=" + numClasses
        + ", optimizer=" + optimizer + ", samplesSeen=" + samplesSeen + "}";
  }

  /**
   * Fail-fast configuration of a {@link SoftmaxRegression}. The default optimizer,
   * {@link Optimizer#adaGrad()}, was the best choice on every data set tried (with online scaling).
   */
  public static final class Builder {
    private final int dimension;
    private final int numClasses;
    private Optimizer optimizer = Optimizer.adaGrad();

    private Builder(int dimension, int numClasses) {
      SizeLimits.dimension(dimension);
      SizeLimits.classes(numClasses);
      SizeLimits.cells("numClasses x dimension", numClasses, dimension);
      this.dimension = dimension;
      this.numClasses = numClasses;
    }

    /** Each class row's optimizer; see {@link Optimizer}. */
    public Builder optimizer(Optimizer optimizer) {
      this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
      return this;
    }

    /** A new, untrained model. */
    public SoftmaxRegression build() {
      return new SoftmaxRegression(this);
    }
  }
}
