package org.brookml.optim;

/**
 * A loss for regression: targets are real numbers in the loss's domain ({@link #acceptsTarget}), and
 * {@link #meanFunction} maps a score to the predicted value (the identity, or the inverse link).
 */
public interface RegressionLoss extends Loss {

  /** Whether {@code y} is a target this loss is defined for; every finite value by default. */
  default boolean acceptsTarget(double y) {
    return Double.isFinite(y);
  }

  /** The targets {@link #acceptsTarget} accepts, in words, for error messages. */
  default String domain() {
    return "any finite value";
  }
}
