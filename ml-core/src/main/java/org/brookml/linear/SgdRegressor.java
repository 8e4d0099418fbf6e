package org.brookml.linear;

import java.util.List;
import java.util.Objects;
import org.brookml.io.Snapshots;
import org.brookml.learner.InputChecks;
import org.brookml.learner.Mergeable;
import org.brookml.learner.OnlineRegressor;
import org.brookml.learner.SizeLimits;
import org.brookml.optim.LearningRate;
import org.brookml.optim.Losses;
import org.brookml.optim.Optimizer;
import org.brookml.optim.RegressionLoss;
import org.brookml.vector.SparseVector;

/**
 * A linear model of a real target trained one example at a time by a first-order
 * {@link Optimizer}: least squares with {@link Losses#squared()} (the default), robust regression
 * with {@link Losses#huber(double)}, support vector regression with
 * {@link Losses#epsilonInsensitive(double)}, quantile regression with
 * {@link Losses#quantile(double)}, or Poisson regression with {@link Losses#poisson()} (log link:
 * the prediction is {@code exp(w . x + b)} and targets must be {@code >= 0}).
 *
 * <p>{@code learn} and {@code predict} allocate nothing. Not thread-safe. A learning rate large
 * enough to overflow the weights ends in {@link IllegalStateException} on the next call. Snapshots
 * hold the whole optimizer state.
 */
public final class SgdRegressor extends LinearModel<RegressionLoss>
    implements OnlineRegressor, Mergeable<SgdRegressor> {

  private SgdRegressor(Builder b) {
    super(b.dimension, b.loss, b.optimizer);
  }

  /** A builder for {@code dimension} features. */
  public static Builder builder(int dimension) {
    return new Builder(dimension);
  }

  @Override
  public void learn(double[] x, double y, double weight) {
    step(x, requireTarget(y), weight);
  }

  @Override
  public void learn(SparseVector x, double y, double weight) {
    step(x, requireTarget(y), weight);
  }

  /**
   * Learns the rows in order, exactly as {@link #learn(double[], double)} on each would, reading
   * each row once where it lies (no copy); a bad row or target anywhere leaves the model as it was.
   */
  @Override
  public void learnBatch(double[] xs, int fromRow, int rows, double[] ys) {
    InputChecks.requireTargets(ys, fromRow, rows); // finite
    for (int r = fromRow; r < fromRow + rows; r++) {
      requireTarget(ys[r]);
    }
    stepRows(xs, fromRow, rows, null, ys);
  }

  private double requireTarget(double y) {
    InputChecks.requireTarget(y);
    if (!loss.acceptsTarget(y)) {
      throw new IllegalArgumentException("target " + y + " is outside the domain of the '"
          + loss.name() + "' loss: " + loss.domain());
    }
    return y;
  }

  @Override
  public double predict(double[] x) {
    return loss.meanFunction(predictionScore(x));
  }

  @Override
  public double predict(SparseVector x) {
    return loss.meanFunction(predictionScore(x));
  }

  /**
   * {@link #predict(double[])} of each row, the same bits, written into {@code out} indexed like
   * the rows; rows are scored in place, several per pass over the weights. A row with a NaN or
   * infinite value is named; the predictions of rows before it may have been written.
   */
  @Override
  public double[] predictBatch(double[] xs, int fromRow, int rows, double[] out) {
    InputChecks.requireRowRange(xs, fromRow, rows, dimension, "xs");
    InputChecks.requireParallel(Objects.requireNonNull(out, "out").length, fromRow, rows, 1, "out");
    predictionScores(xs, fromRow, rows, out, fromRow);
    for (int r = fromRow; r < fromRow + rows; r++) {
      out[r] = loss.meanFunction(out[r]);
    }
    return out;
  }

  @Override
  public SgdRegressor copy() {
    SgdRegressor copy = toBuilder().build();
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
  public void mergeFrom(List<? extends SgdRegressor> others) {
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
  public void addDeltas(List<? extends SgdRegressor> replicas) {
    addDeltaModels(replicas);
  }

  @Override
  public String toString() {
    return "SgdRegressor" + describe();
  }

  /**
   * Fail-fast configuration of an {@link SgdRegressor}. Defaults follow scikit-learn's
   * {@code SGDRegressor}: squared loss, plain SGD with {@code invscaling(0.01, 0.25)}, L2 with
   * {@code alpha = 1e-4}, intercept step equal to the weights'.
   */
  public static final class Builder {
    private final int dimension;
    private RegressionLoss loss = Losses.squared();
    private Optimizer optimizer =
        Optimizer.sgd(LearningRate.inverseScaling(0.01, 0.25), 1e-4, 0, 1);

    private Builder(int dimension) {
      SizeLimits.dimension(dimension);
      this.dimension = dimension;
    }

    /**
     * A regression loss: squared, Huber, epsilon-insensitive, quantile, Poisson, or one of your own
     * registered with {@link Losses#register}.
     *
     * @throws IllegalArgumentException if the loss is neither built in nor registered (a snapshot
     *     of the model could not be restored)
     */
    public Builder loss(RegressionLoss loss) {
      this.loss = Losses.requireRestorable(loss);
      return this;
    }

    /** The optimizer; see {@link Optimizer}. */
    public Builder optimizer(Optimizer optimizer) {
      this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
      return this;
    }

    /** A new, untrained model. */
    public SgdRegressor build() {
      return new SgdRegressor(this);
    }
  }
}
