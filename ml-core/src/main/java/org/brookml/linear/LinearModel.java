package org.brookml.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.brookml.internal.merge.MergeChecks;
import org.brookml.internal.optim.Stepper;
import org.brookml.learner.InputChecks;
import org.brookml.optim.Loss;
import org.brookml.optim.Optimizer;
import org.brookml.vector.SparseVector;
import org.brookml.vector.Vectors;

/**
 * What every linear model shares: the score {@code w . x + b}, one gradient step of its
 * {@link Loss} through its {@link Optimizer}'s {@link Stepper}, the weights, and the divergence
 * check. Subclasses add the link between score and prediction.
 */
abstract class LinearModel<L extends Loss> {

  final int dimension;
  final L loss;
  final Optimizer optimizer;
  Stepper stepper;
  long samplesSeen;
  private final boolean optimizerAverages;
  /** The state at the start of a large batch, for rolling it back; created on first use. */
  private Stepper batchStart;

  /**
   * Batches of at most this many values (256 KB) are checked before learning: the check leaves
   * them in cache for the learning pass. Larger ones are checked row by row as they are learned,
   * through the score, and rolled back from a copy of the state if a row is bad, so that a batch
   * streamed from memory is read once.
   */
  private static final long CHECKED_FIRST_VALUES = 1 << 15;

  LinearModel(int dimension, L loss, Optimizer optimizer) {
    this.dimension = dimension;
    this.loss = loss;
    this.optimizer = optimizer;
    this.stepper = Stepper.of(optimizer, dimension);
    this.optimizerAverages = optimizer.averagesIterates();
  }

  /**
   * Validated score of a dense example. A NaN or infinity in {@code x} makes the score NaN or
   * infinite (0 x inf is NaN too), so the values are checked one by one only then, instead of in a
   * separate pass before every score; {@link #step} adds the magnitude check learning needs.
   */
  final double score(double[] x) {
    Objects.requireNonNull(x, "x");
    if (x.length != dimension) {
      throw new IllegalArgumentException(
          "x has dimension " + x.length + " but the model expects " + dimension);
    }
    double score = stepper.score(x);
    if (!Double.isFinite(score)) {
      InputChecks.requireExample(x, dimension);
    }
    return requireFiniteScore(score);
  }

  /** Validated score of a sparse example. */
  final double score(SparseVector x) {
    Objects.requireNonNull(x, "x");
    x.requireValid(dimension);
    return requireFiniteScore(stepper.score(x));
  }

  /** Validated score for prediction (the averaged model's, for averaged SGD). */
  final double predictionScore(double[] x) {
    double training = score(x); // validates x, and checks divergence of the iterates
    return optimizerAverages ? requireFiniteScore(stepper.predictionScore(x)) : training;
  }

  /**
   * Writes into {@code scores[at + r]} the prediction score of row {@code fromRow + r} of the
   * row-major {@code xs}, for {@code r < rows}: the bits {@link #predictionScore(double[])} gives
   * each row alone, checked as it checks them, so a row with a NaN or infinite value is named
   * (the scores of the rows before it may have been written). The caller has checked the ranges.
   */
  final void predictionScores(double[] xs, int fromRow, int rows, double[] scores, int at) {
    if (optimizerAverages) {
      for (int r = 0; r < rows; r++) {
        int off = (fromRow + r) * dimension;
        checkScore(stepper.score(xs, off), xs, fromRow + r);
        scores[at + r] = requireFiniteScore(stepper.predictionScore(xs, off));
      }
      return;
    }
    stepper.predictionScores(xs, fromRow * dimension, rows, dimension, scores, at);
    for (int r = 0; r < rows; r++) {
      checkScore(scores[at + r], xs, fromRow + r);
    }
  }

  private void checkScore(double score, double[] xs, int row) {
    if (!Double.isFinite(score)) {
      InputChecks.requireRows(xs, row, 1, dimension, "xs");
      requireFiniteScore(score);
    }
  }

  /** Validated sparse score for prediction. */
  final double predictionScore(SparseVector x) {
    double training = score(x);
    return optimizerAverages ? requireFiniteScore(stepper.predictionScore(x)) : training;
  }

  /**
   * One step on an example with target {@code y} (in the loss's convention). Learning also checks
   * that no value is beyond {@code Vectors.MAX_MAGNITUDE}: a finite score does not show that (the
   * pass runs on the row the score just read, in cache).
   */
  final void step(double[] x, double y, double weight) {
    double p = score(x);
    if (Vectors.indexOutOfRange(x, 0, dimension) >= 0) {
      InputChecks.requireExample(x, dimension);
    }
    InputChecks.requireWeight(weight);
    stepper.step(x, loss.derivative(p, y) * weight);
    samplesSeen++;
  }

  /**
   * Steps through rows {@code fromRow .. fromRow+rows-1} of the row-major {@code xs} in order,
   * weight 1, with targets {@code 2 labels[r] - 1} (classifiers) or {@code targets[r]}
   * (regressors), both indexed like the rows: the same
   * model as one {@link #step(double[], double, double)} per row. A non-finite value anywhere
   * leaves the model as it was.
   */
  final void stepRows(double[] xs, int fromRow, int rows, int[] labels, double[] targets) {
    InputChecks.requireRowRange(xs, fromRow, rows, dimension, "xs");
    boolean checkedFirst = (long) rows * dimension <= CHECKED_FIRST_VALUES;
    if (checkedFirst) {
      InputChecks.requireRows(xs, fromRow, rows, dimension, "xs");
    } else {
      if (batchStart == null) {
        batchStart = Stepper.of(optimizer, dimension);
      }
      batchStart.copyFrom(stepper);
    }
    long samplesAtStart = samplesSeen;
    for (int r = fromRow; r < fromRow + rows; r++) {
      int off = r * dimension;
      double score = stepper.score(xs, off);
      // Unchecked rows are checked here, while the row is still in cache from the score; a bad
      // one puts the model back as it was at the batch's start.
      if (!Double.isFinite(score) || !checkedFirst
          && Vectors.indexOutOfRange(xs, off, dimension) >= 0) {
        if (!checkedFirst) {
          stepper.copyFrom(batchStart);
          samplesSeen = samplesAtStart;
          InputChecks.requireRows(xs, r, 1, dimension, "xs");
        }
        requireFiniteScore(score);
      }
      double y = labels != null ? 2 * labels[r] - 1 : targets[r];
      stepper.step(xs, off, loss.derivative(score, y));
      samplesSeen++;
    }
  }

  /** One step on a validated sparse example. */
  final void step(SparseVector x, double y, double weight) {
    double p = score(x);
    InputChecks.requireWeight(weight);
    stepper.step(x, loss.derivative(p, y) * weight);
    samplesSeen++;
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
    Objects.checkIndex(i, dimension);
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
  public L loss() {
    return loss;
  }

  /** The optimizer configuration. */
  public Optimizer optimizer() {
    return optimizer;
  }

  /** Number of features. */
  public int dimension() {
    return dimension;
  }

  /** Examples learned so far. */
  public long samplesSeen() {
    return samplesSeen;
  }

  /** Forgets everything learned. */
  public void reset() {
    stepper.reset();
    samplesSeen = 0;
  }

  /** Class, dimension, loss and optimizer settings: models merge only with equal signatures. */
  final String mergeSignature() {
    return getClass().getSimpleName() + "{dimension=" + dimension + ", loss=" + loss.name()
        + ", optimizer=" + optimizer + "}";
  }

  /** {@code Mergeable.mergeFrom} for linear models: see {@link ParameterMerging#mergeFrom}. */
  final <M extends LinearModel<?>> void mergeModels(List<? extends M> others) {
    MergeChecks.requireCompatible(this, others, LinearModel::mergeSignature);
    List<Stepper[]> rows = new ArrayList<>();
    long[] samples = new long[others.size() + 1];
    rows.add(new Stepper[] {stepper});
    samples[0] = samplesSeen;
    for (int i = 0; i < others.size(); i++) {
      rows.add(new Stepper[] {others.get(i).stepper});
      samples[i + 1] = others.get(i).samplesSeen;
    }
    ParameterMerging.mergeFrom(new Stepper[] {stepper}, rows, samples,
        () -> Stepper.of(optimizer, dimension));
    for (int i = 1; i < samples.length; i++) {
      samplesSeen += samples[i];
    }
  }

  /** {@code Mergeable.addDeltas} for linear models: see {@link ParameterMerging#addDeltas}. */
  final <M extends LinearModel<?>> void addDeltaModels(List<? extends M> replicas) {
    MergeChecks.requireCompatible(this, replicas, LinearModel::mergeSignature);
    List<Stepper[]> rows = new ArrayList<>();
    long[] samples = new long[replicas.size()];
    for (int i = 0; i < replicas.size(); i++) {
      rows.add(new Stepper[] {replicas.get(i).stepper});
      samples[i] = replicas.get(i).samplesSeen;
    }
    MergeChecks.learnedSinceBase(samplesSeen, samples);
    samplesSeen += ParameterMerging.addDeltas(new Stepper[] {stepper}, rows, samplesSeen, samples);
  }

  /** Installs a copied or restored state. */
  final void restoreState(Stepper state, long samples) {
    this.stepper = state;
    this.samplesSeen = samples;
  }

  final String describe() {
    return "{dimension=" + dimension + ", loss=" + loss.name() + ", optimizer=" + optimizer
        + ", samplesSeen=" + samplesSeen + "}";
  }
}
