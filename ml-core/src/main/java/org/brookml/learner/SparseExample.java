package org.brookml.learner;

import java.util.Objects;
import org.brookml.vector.SparseVector;

/**
 * One sparse example taken out of a {@link SparseExampleStream}: its own copy of the features and
 * the target (a class code for classification).
 *
 * @param features the non-zero feature values (owned by this record)
 * @param target the target: a class code or a real value
 */
public record SparseExample(SparseVector features, double target) {

  /** Checks that {@code features} is not null. */
  public SparseExample {
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
