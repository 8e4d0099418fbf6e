package org.brookml.linear;

import java.util.Objects;
import org.brookml.io.ModelCodec;
import org.brookml.io.Snapshots;
import org.brookml.learner.Batches;
import org.brookml.learner.OnlineClassifier;
import org.brookml.vector.SparseVector;

/**
 * A binary linear classifier trained one example at a time by a first-order {@link Optimizer} on a
 * classification {@link Loss}: logistic regression with {@link Losses#log()} (the default), a linear
 * SVM with {@link Losses#hinge()}, or {@link Losses#modifiedHuber()}. Labels are 0 and 1 (internally
 * -1 and +1); the score is {@code w . x + b}.
 *
 * <p>{@link #predictProba} gives the loss's mean function of the score: the sigmoid for log loss,
 * scikit-learn's {@code (clip(p, -1, 1) + 1) / 2} for modified Huber; the hinge loss has no
 * probability model, so it gives 1 to the predicted class and 0 to the other.
 *
 * <p>Weights: a sample weight multiplies the loss gradient. If an update makes the model's weights
 * overflow (a learning rate far too large), the next call throws {@link IllegalStateException}
 * saying so, rather than predicting with NaN weights.
 *
 * <p>{@code learn} and {@code predict} allocate nothing. Not thread-safe. Snapshots hold the whole
 * optimizer state, so a restored model continues exactly where it stopped.
 */
public final class SgdClassifier implements OnlineClassifier {

  private final int dimension;
  private final Loss loss;
  private final Optimizer optimizer;
  private Stepper stepper;
  private long samplesSeen;

  private SgdClassifier(Builder b) {
    this.dimension = b.dimension;
    this.loss = b.loss;
    this.optimizer = b.optimizer;
    this.stepper = optimizer.newStepper(dimension);
  }

  /** A builder for {@code dimension} features. */
  public static Builder builder(int dimension) {
    return new Builder(dimension);
  }

  /** The codec that snapshots this model type; registered with {@link Snapshots}. */
  public static ModelCodec<SgdClassifier> codec() {
    return SgdClassifierCodec.INSTANCE;
  }

  /** This model's configuration and full state, as {@link Snapshots} bytes. */
  public byte[] snapshot() {
    return Snapshots.write(this);
  }

  /** Restores a model from {@link #snapshot()} bytes. */
  public static SgdClassifier restore(byte[] bytes) {
    return Snapshots.read(bytes, SgdClassifier.class);
  }

  @Override
  public void learn(double[] x, int label, double weight) {
    Batches.requireExample(x, dimension);
    Batches.requireLabel(label, 2);
    Batches.requireWeight(weight);
    double y = 2 * label - 1;
    double p = requireFiniteScore(stepper.score(x));
    stepper.step(x, loss.derivative(p, y) * weight);
    samplesSeen++;
  }

  @Override
  public void learn(SparseVector x, int label, double weight) {
    Objects.requireNonNull(x, "x");
    x.requireValid(dimension);
    Batches.requireLabel(label, 2);
    Batches.requireWeight(weight);
    double y = 2 * label - 1;
    double p = requireFiniteScore(stepper.score(x));
    stepper.step(x, loss.derivative(p, y) * weight);
    samplesSeen++;
  }

  /** The raw score {@code w . x + b}: positive means class 1. */
  public double decisionFunction(double[] x) {
    Batches.requireExample(x, dimension);
    return requireFiniteScore(stepper.score(x));
  }

  /** The raw score of a sparse example. */
  public double decisionFunction(SparseVector x) {
    Objects.requireNonNull(x, "x");
    x.requireValid(dimension);
    return requireFiniteScore(stepper.score(x));
  }

  @Override
  public int predict(double[] x) {
    return decisionFunction(x) > 0 ? 1 : 0;
  }

  @Override
  public int predict(SparseVector x) {
    return decisionFunction(x) > 0 ? 1 : 0;
  }

  @Override
  public double[] predictProba(double[] x, double[] out) {
    return probabilities(decisionFunction(x), out);
  }

  @Override
  public double[] predictProba(SparseVector x, double[] out) {
    return probabilities(decisionFunction(x), out);
  }

  private double[] probabilities(double score, double[] out) {
    if (out.length != 2) {
      throw new IllegalArgumentException("out must have length 2, got " + out.length);
    }
    double p1 = loss == Losses.hinge() ? (score > 0 ? 1 : 0) : loss.meanFunction(score);
    out[0] = 1 - p1;
    out[1] = p1;
    return out;
  }

  private double requireFiniteScore(double score) {
    // A weight that overflowed makes every score that involves it NaN or infinite (0 x inf is NaN),
    // so checking the score costs nothing and catches divergence on the next call.
    if (!Double.isFinite(score)) {
      throw new IllegalStateException("the model has diverged (score " + score
          + "): its weights overflowed; lower the learning rate and retrain (" + optimizer + ")");
    }
    return score;
  }

  /** Weight {@code i} of the linear model. */
  public double weight(int i) {
    java.util.Objects.checkIndex(i, dimension);
    return stepper.weight(i);
  }

  /** A copy of the weights. */
  public double[] weights() {
    double[] w = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      w[i] = stepper.weight(i);
    }
    return w;
  }

  /** The intercept {@code b}. */
  public double intercept() {
    return stepper.intercept();
  }

  /** The loss. */
  public Loss loss() {
    return loss;
  }

  /** The optimizer configuration. */
  public Optimizer optimizer() {
    return optimizer;
  }

  @Override
  public int numClasses() {
    return 2;
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
  public SgdClassifier copy() {
    SgdClassifier copy = toBuilder().build();
    copy.restoreState(stepper.copy(), samplesSeen);
    return copy;
  }

  /** A builder preset with this model's configuration. */
  public Builder toBuilder() {
    return new Builder(dimension).loss(loss).optimizer(optimizer);
  }

  @Override
  public void reset() {
    stepper.reset();
    samplesSeen = 0;
  }

  Stepper stepper() {
    return stepper;
  }

  void restoreState(Stepper state, long samplesSeen) {
    this.stepper = state;
    this.samplesSeen = samplesSeen;
  }

  @Override
  public String toString() {
    return "SgdClassifier{dimension=" + dimension + ", loss=" + loss.name() + ", optimizer="
        + optimizer + ", samplesSeen=" + samplesSeen + "}";
  }

  /**
   * Fail-fast configuration of an {@link SgdClassifier}. Defaults follow scikit-learn's
   * {@code SGDClassifier}: log loss, plain SGD with the {@code optimal} schedule, L2 with
   * {@code alpha = 1e-4}, intercept step equal to the weights'.
   */
  public static final class Builder {
    private final int dimension;
    private Loss loss = Losses.log();
    private Optimizer optimizer = Optimizer.sgd(LearningRate.optimal(1e-4), 1e-4, 0, 1);

    private Builder(int dimension) {
      if (dimension < 1) {
        throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
      }
      this.dimension = dimension;
    }

    /** The loss: {@link Losses#log()}, {@link Losses#hinge()} or {@link Losses#modifiedHuber()}. */
    public Builder loss(Loss loss) {
      Objects.requireNonNull(loss, "loss");
      if (loss != Losses.log() && loss != Losses.hinge() && loss != Losses.modifiedHuber()) {
        throw new IllegalArgumentException(
            "loss must be a classification loss (log, hinge, modifiedHuber), got " + loss.name());
      }
      this.loss = loss;
      return this;
    }

    /** The optimizer; see {@link Optimizer}. */
    public Builder optimizer(Optimizer optimizer) {
      this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
      return this;
    }

    /** A new, untrained model. */
    public SgdClassifier build() {
      return new SgdClassifier(this);
    }
  }
}
