package org.brookml.preprocess;

import org.brookml.learner.OnlineLearner;

/**
 * An online feature transformer: it learns from the rows that pass through it (scaling statistics,
 * say) and transforms a dense row of {@link #dimension()} features into a caller-owned buffer of
 * {@link #outputDimension()} values, allocating nothing. A transformer is an {@link OnlineLearner}
 * (dimension, rows seen, copy, reset) and snapshots through {@link org.brookml.io.Snapshots} alone
 * or inside a {@link Pipeline}.
 *
 * <p>Learning has two phases so that a pipeline can refuse an example before anything changes:
 * {@link #prepare} validates the row, computes the state after learning it without making it
 * visible, and returns the row transformed with that state; {@link #commit} then makes the
 * prepared state the current one. A prepared state that is never committed is dropped by the next
 * {@code prepare}. {@link #learn} is both phases at once.
 */
public interface Transformer extends OnlineLearner {

  /** Values a transformed row has. */
  int outputDimension();

  /**
   * Validates {@code x}, computes the state after learning it (invisible until {@link #commit}),
   * and writes {@code x} transformed with that state to {@code out}, which it returns.
   *
   * @throws IllegalArgumentException if {@code x} has the wrong dimension or a value the
   *     transformer refuses (NaN, infinite, or one whose update would overflow); nothing changes
   */
  double[] prepare(double[] x, double[] out);

  /** Makes the state the last {@link #prepare} computed the current one. */
  void commit();

  /** Learns {@code x}: {@link #prepare} into a scratch buffer, then {@link #commit}. */
  void learn(double[] x);

  /**
   * Writes {@code x} transformed with the current state to {@code out} and returns it.
   *
   * @throws IllegalArgumentException if {@code x} or {@code out} has the wrong length, or {@code x}
   *     is not finite
   */
  double[] transform(double[] x, double[] out);

  @Override
  Transformer copy();
}
