package org.brookml.data;

import org.brookml.learner.FeatureSchema;

/**
 * A binary generator that, like MOA's, can balance its classes: draws repeat until the class
 * wanted next comes (1 first, then 0, alternately), and only then is the example finished (noise,
 * perturbation, irrelevant features), so that the random draws stay MOA's.
 */
abstract class BalancedGenerator extends Generator {

  private final boolean balance;
  private boolean nextClassShouldBeZero;

  BalancedGenerator(String name, FeatureSchema schema, BalancedSettings<?> settings) {
    super(name, schema, settings.seed);
    this.balance = settings.balance;
  }

  /** Draws the features that decide the class into {@code out}; returns that class. */
  abstract int draw(double[] out);

  /** Finishes the accepted example; returns its final target. By default the class itself. */
  double finish(double[] out, int label) {
    return label;
  }

  @Override
  final double generate(double[] out) {
    int label;
    do {
      label = draw(out);
    } while (balance && !acceptBalanced(label));
    return finish(out, label);
  }

  /**
   * MOA's class balancing, for a binary label drawn with its attributes: alternately accepts only
   * class 1 and only class 0 (the draw is repeated until accepted).
   */
  private boolean acceptBalanced(int label) {
    if (nextClassShouldBeZero == (label == 0)) {
      nextClassShouldBeZero = !nextClassShouldBeZero;
      return true;
    }
    return false;
  }
}
