package org.brookml.learner;

/**
 * A model that learns from one example (or one mini-batch) at a time.
 *
 * <p>Contract shared by every Brook learner:
 *
 * <ul>
 *   <li>Inputs are validated before anything changes: a NaN or infinite value, a wrong dimension, a
 *       label out of range, a null or an empty batch throws {@link IllegalArgumentException} (or
 *       {@link NullPointerException} for null), and the model is left exactly as it was. A learner
 *       whose {@link #acceptsMissingValues()} is true reads NaN as "this value is missing"
 *       instead.
 *   <li>{@code learn} and {@code predict} allocate nothing per call once the model is initialised.
 *   <li>Instances are not thread-safe; share a model across threads through the stream adapters, or
 *       give each thread its own {@link #copy()}.
 *   <li>Randomness comes from a seed in the learner's configuration: the same seed and the same
 *       examples give the same model, bit for bit.
 * </ul>
 */
public interface OnlineLearner {

  /** Number of features each example must have. */
  int dimension();

  /** Number of examples learned so far (a batch of n counts n). */
  long samplesSeen();

  /**
   * An independent deep copy: same configuration, same learned state, same random state. It only
   * reads this model, so several threads may copy a model that no thread is changing.
   */
  OnlineLearner copy();

  /** Forgets everything learned; the configuration (and seed) is kept. */
  void reset();

  /**
   * The learner's missing-value policy: true if NaN in a row means "this value is missing" and is
   * learned and predicted around (trees, naive Bayes over mixed features, ensembles of them, a
   * pipeline that starts with an imputer); false, the default, if NaN is refused as bad input.
   */
  default boolean acceptsMissingValues() {
    return false;
  }

  /**
   * Checks one row as {@code learn} would (null, length, every value under this learner's
   * missing-value policy and feature kinds), learning nothing: composites and batch calls check
   * every row before any part changes.
   *
   * @throws IllegalArgumentException naming the problem, or NullPointerException for null
   */
  default void requireRow(double[] x) {
    InputChecks.requireExample(x, dimension());
  }
}
