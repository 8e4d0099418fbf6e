package org.brookml.optim;

/**
 * A loss for binary classification: targets {@code y} are {@code -1} or {@code +1}, and
 * {@link #meanFunction} gives the probability of {@code +1} at score {@code p} (a step at 0 for
 * losses without probability estimates, such as the hinge).
 */
public interface ClassificationLoss extends Loss {

  /** {@code P(y = +1)} at score {@code p}, in {@code [0, 1]}. */
  @Override
  double meanFunction(double p);
}
