package org.brookml.learner;

import java.util.Objects;

/**
 * One dense example taken out of a {@link DenseExampleStream}: its own copy of the features and
 * the target (a class code for classification). For loops and {@code java.util.stream} code; the
 * stream's {@code next()} / {@code features()} calls read the same rows without a copy.
 *
 * @param features the feature values (owned by this record)
 * @param target the target: a class code or a real value
 */
public record DenseExample(double[] features, double target) {

  /** Checks that {@code features} is not null. */
  public DenseExample {
    Objects.requireNonNull(features, "features");
  }

  /**
   * The target as a class code, for classifiers.
   *
   * @throws IllegalArgumentException if the target is not a whole number in the int range
   */
  public int label() {
    return InputChecks.classCode(target);
  }
}
