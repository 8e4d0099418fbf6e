package org.brookml.linear;

import java.util.List;
import java.util.Objects;
import org.brookml.io.Snapshots;
import org.brookml.learner.InputChecks;
import org.brookml.learner.Mergeable;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.SizeLimits;
import org.brookml.optim.ClassificationLoss;
import org.brookml.optim.LearningRate;
import org.brookml.optim.Loss;
import org.brookml.optim.Losses;
import org.brookml.optim.Optimizer;
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
public final class SgdClassifier extends LinearModel<ClassificationLoss>
    implements OnlineClassifier, Mergeable<SgdClassifier> {

  /** Rows {@link #predictBatch} scores per block, into a buffer the model keeps. */
  private static final int SCORED_ROWS = 256;

  private double[] scoredRows;

  private SgdClassifier(Builder b) {
    super(b.dimension, b.loss, b.optimizer);
  }

  /** A builder for {@code dimension} features. */
  public static Builder builder(int dimension) {
    return new Builder(dimension);
  }


  @Override
  public void learn(double[] x, int label, double weight) {
    InputChecks.requireLabel(label, 2);
    step(x, 2 * label - 1, weight);
  }

  @Override
  public void learn(SparseVector x, int label, double weight) {
    InputChecks.requireLabel(label, 2);
    step(x, 2 * label - 1, weight);
  }

  /**
   * Learns the rows in order, exactly as {@link #learn(double[], int)} on each would, reading each
   * row once where it lies (no copy); a bad row or label anywhere leaves the model as it was.
   */
  @Override
  public void learnBatch(double[] xs, int fromRow, int rows, int[] labels) {
    InputChecks.requireLabels(labels, fromRow, rows, 2);
    stepRows(xs, fromRow, rows, labels, null);
  }

  /** The raw score {@code w . x + b}: positive means class 1. */
  public double decisionFunction(double[] x) {
    return predictionScore(x);
  }

  /** The raw score of a sparse example. */
  public double decisionFunction(SparseVector x) {
    return predictionScore(x);
  }

  @Override
  public int predict(double[] x) {
    return predictionScore(x) > 0 ? 1 : 0;
  }

  @Override
  public int predict(SparseVector x) {
    return predictionScore(x) > 0 ? 1 : 0;
  }

  @Override
  public double[] predictProba(double[] x, double[] out) {
    requireTwo(out);
    return probabilities(predictionScore(x), out, 0);
  }

  @Override
  public double[] predictProba(SparseVector x, double[] out) {
    requireTwo(out);
    return probabilities(predictionScore(x), out, 0);
  }

  /**
   * {@link #predict(double[])} of each row, written into {@code out} indexed like the rows; rows
   * are scored in place, several per pass over the weights, with the same bits as one by one. A
   * row with a NaN or infinite value is named; the entries of rows before it may have been written.
   */
  @Override
  public int[] predictBatch(double[] xs, int fromRow, int rows, int[] out) {
    InputChecks.requireRowRange(xs, fromRow, rows, dimension, "xs");
    InputChecks.requireParallel(Objects.requireNonNull(out, "out").length, fromRow, rows, 1, "out");
    scoreRows(xs, fromRow, rows, (scores, start, n) -> {
      for (int r = 0; r < n; r++) {
        out[start + r] = scores[r] > 0 ? 1 : 0;
      }
    });
    return out;
  }

  /** {@link #predictProba(double[], double[])} of each row, as {@link #predictBatch} scores them. */
  @Override
  public double[] predictProbaBatch(double[] xs, int fromRow, int rows, double[] out) {
    InputChecks.requireRowRange(xs, fromRow, rows, dimension, "xs");
    InputChecks.requireParallel(Objects.requireNonNull(out, "out").length, fromRow, rows, 2, "out");
    scoreRows(xs, fromRow, rows, (scores, start, n) -> {
      for (int r = 0; r < n; r++) {
        probabilities(scores[r], out, 2 * (start + r));
      }
    });
    return out;
  }

  /** What becomes of the scores of rows {@code start .. start + n - 1}. */
  private interface ScoredRows {
    void accept(double[] scores, int start, int n);
  }

  /** Scores the rows in blocks of {@link #SCORED_ROWS}, into a buffer the model reuses. */
  private void scoreRows(double[] xs, int fromRow, int rows, ScoredRows then) {
    if (scoredRows == null) {
      scoredRows = new double[SCORED_ROWS];
    }
    for (int start = fromRow, end = fromRow + rows; start < end; start += SCORED_ROWS) {
      int n = Math.min(SCORED_ROWS, end - start);
      predictionScores(xs, start, n, scoredRows, 0);
      then.accept(scoredRows, start, n);
    }
  }

  private static void requireTwo(double[] out) {
    if (Objects.requireNonNull(out, "out").length != 2) {
      throw new IllegalArgumentException("out must have length 2, got " + out.length);
    }
  }

  private double[] probabilities(double score, double[] out, int at) {
    double p1 = loss.meanFunction(score);
    out[at] = 1 - p1;
    out[at + 1] = p1;
    return out;
  }

  @Override
  public int numClasses() {
    return 2;
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

  /**
   * Parameter averaging of models trained on disjoint data (Zinkevich et al. 2010): weights and
   * intercept become the average of this model's and the others', weighted by examples learned;
   * the optimizer's additive statistics (update count, AdaGrad's squared-gradient sums, FTRL's
   * z and n, from which FTRL's weights are recomputed) are summed, Adam's moments averaged.
   * Averaged SGD sums the iterates, so its average is over every model's iterates.
   *
   * @throws IllegalArgumentException if a model differs in dimension, loss or optimizer settings
   */
  @Override
  public void mergeFrom(List<? extends SgdClassifier> others) {
    mergeModels(others);
  }

  /**
   * The synchronous data-parallel step: this model is the base each replica was copied from; it
   * moves by the replicas' parameter changes averaged by the examples each learned since the copy,
   * and gains each replica's additive optimizer statistics once.
   *
   * @throws IllegalArgumentException if a replica is incompatible or has learned fewer examples
   *     than this base
   */
  @Override
  public void addDeltas(List<? extends SgdClassifier> replicas) {
    addDeltaModels(replicas);
  }

  @Override
  public String toString() {
    return "SgdClassifier" + describe();
  }

  /**
   * Fail-fast configuration of an {@link SgdClassifier}. Defaults follow scikit-learn's
   * {@code SGDClassifier}: log loss, plain SGD with the {@code optimal} schedule, L2 with
   * {@code alpha = 1e-4}, intercept step equal to the weights'.
   */
  public static final class Builder {
    private final int dimension;
    private ClassificationLoss loss = Losses.log();
    private Optimizer optimizer = Optimizer.sgd(LearningRate.optimal(1e-4), 1e-4, 0, 1);

    private Builder(int dimension) {
      SizeLimits.dimension(dimension);
      this.dimension = dimension;
    }

    /**
     * The loss: {@link Losses#log()}, {@link Losses#hinge()}, {@link Losses#modifiedHuber()}, or
     * one of your own registered with {@link Losses#register}.
     *
     * @throws IllegalArgumentException if the loss is neither built in nor registered (a snapshot
     *     of the model could not be restored)
     */
    public Builder loss(ClassificationLoss loss) {
      this.loss = Losses.requireRestorable(loss);
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
