package org.brookml.learner;

import org.brookml.vector.SparseVector;

/**
 * A pull-based stream of sparse examples; the sparse counterpart of {@link DenseExampleStream}. The
 * {@link SparseVector} returned by {@link #features()} is reused by the next call.
 */
public interface SparseExampleStream extends AutoCloseable {

  /** Number of features (indices lie in {@code [0, dimension)}). */
  int dimension();

  /** Advances to the next example; false at the end of the stream. */
  boolean next();

  /** Features of the current example (a reused vector). */
  SparseVector features();

  /** Target of the current example. */
  double target();

  /** Releases any file behind the stream; unchecked. */
  @Override
  void close();
}
