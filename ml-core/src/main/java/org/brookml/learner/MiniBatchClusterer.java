package org.brookml.learner;

/**
 * Mini-batch entry points for clustering. A batch is a flat row-major array: row {@code r} is
 * {@code xs[r * dimension .. (r + 1) * dimension)}, the layout of EJML's {@code DMatrixRMaj.data}
 * and of most matrix libraries.
 * The whole batch is validated before any of it is learned.
 */
public interface MiniBatchClusterer {

  /** Number of features each row must have. */
  int dimension();

  /** Learns from the first {@code rows} rows of {@code xs}. */
  default void learnBatch(double[] xs, int rows) {
    learnBatch(xs, 0, rows);
  }

  /**
   * Learns from rows {@code fromRow .. fromRow+rows} of {@code xs}, so that a large array can be
   * fed in batches without copying.
   */
  void learnBatch(double[] xs, int fromRow, int rows);
}
