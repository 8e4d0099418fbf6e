package org.brookml.learner;

/**
 * A pull-based stream of dense examples, each a feature vector and a target (a class code or a
 * real value). {@link #next()} advances; {@link #features()} and {@link #target()} then describe
 * the current example. The feature array is reused by the next call: copy it to keep it.
 */
public interface DenseExampleStream extends AutoCloseable {

  /** Number of features per example. */
  int dimension();

  /** Advances to the next example; false at the end of the stream. */
  boolean next();

  /** Features of the current example (a reused buffer). */
  double[] features();

  /** Target of the current example: the class code for classification. */
  double target();

  /** Releases any file behind the stream; unchecked. */
  @Override
  void close();
}
