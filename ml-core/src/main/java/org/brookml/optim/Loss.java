package org.brookml.optim;

/**
 * A loss of a linear model's raw score {@code p = w . x + b} against a target {@code y}, with its
 * derivative in {@code p} (the factor every optimizer multiplies into {@code x}) and the mean
 * function that turns a score into a prediction. A loss is either a {@link ClassificationLoss} or a
 * {@link RegressionLoss}; models accept the kind they can learn. Implementations are immutable,
 * stateless and allocation-free, and stay finite for any finite score (margins of +/-1e4
 * included).
 *
 * <p>Snapshots store a loss by its {@link #name()}: a loss of your own must be registered with
 * {@link Losses#register} before a model uses it, so that the model's snapshots can be restored.
 */
public interface Loss {

  /** The loss at score {@code p} for target {@code y}. */
  double loss(double p, double y);

  /** {@code d loss / d p} at score {@code p} for target {@code y}. */
  double derivative(double p, double y);

  /** The prediction for score {@code p}: identity, sigmoid or exp, as the model's link requires. */
  default double meanFunction(double p) {
    return p;
  }

  /**
   * A short, unique name with parameters, e.g. {@code huber(1.0)}: shown by {@code toString()} and
   * written into snapshots.
   */
  String name();
}
