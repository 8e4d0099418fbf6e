package org.brookml.preprocess;

import java.util.Objects;
import org.brookml.learner.Batches;
import org.brookml.learner.OnlineRegressor;
import org.brookml.vector.SparseVector;

/**
 * A pipeline of a {@link StandardScaler} in front of any dense {@link OnlineRegressor}; the
 * regression counterpart of {@link ScaledClassifier}, with the same contract: the scaler learns each
 * example first, the model learns it standardized with the updated statistics, predictions use the
 * current statistics, sparse input is rejected, and the pipeline snapshots as one unit.
 */
public final class ScaledRegressor extends Pipeline<OnlineRegressor>
    implements OnlineRegressor {

  final StandardScaler scaler;
  private final double[] scaled;

  ScaledRegressor(StandardScaler scaler, OnlineRegressor model) {
    super(model);
    if (scaler.dimension() != model.dimension()) {
      throw new IllegalArgumentException("scaler dimension " + scaler.dimension()
          + " differs from the model's " + model.dimension());
    }
    this.scaler = scaler;
    this.scaled = new double[model.dimension()];
  }

  /** Standardizes the input of {@code model}, which is owned by the pipeline from now on. */
  public static ScaledRegressor of(OnlineRegressor model) {
    Objects.requireNonNull(model, "model");
    return new ScaledRegressor(new StandardScaler(model.dimension()), model);
  }

  @Override
  public void learn(double[] x, double y, double weight) {
    // Validate everything before the scaler changes: a bad target must leave both parts as they are.
    Batches.requireExample(x, dimension());
    if (!Double.isFinite(y)) {
      throw new IllegalArgumentException("target y is not finite: " + y);
    }
    Batches.requireWeight(weight);
    scaler.learn(x);
    model.learn(scaler.transform(x, scaled), y, weight);
  }

  @Override
  public void learn(SparseVector x, double y, double weight) {
    throw new UnsupportedOperationException(
        "standard scaling centres features, which would make sparse input dense");
  }

  @Override
  public double predict(double[] x) {
    return model.predict(scaler.transform(x, scaled));
  }

  @Override
  public double predict(SparseVector x) {
    throw new UnsupportedOperationException(
        "standard scaling centres features, which would make sparse input dense");
  }

  /** The scaler. */
  public StandardScaler scaler() {
    return scaler;
  }

  @Override
  public ScaledRegressor copy() {
    return new ScaledRegressor(scaler.copy(), model.copy());
  }

  @Override
  public void reset() {
    scaler.reset();
    model.reset();
  }

  @Override
  public String toString() {
    return "ScaledRegressor{dimension=" + dimension() + ", scaler=" + scaler + ", model=" + model
        + "}";
  }
}
