package org.brookml.learner;

import java.util.Objects;
import org.brookml.vector.SparseVector;

/**
 * An online clustering model with {@code k} centres. {@link #predict} returns the index of the
 * nearest centre, in {@code [0, k)}.
 *
 * <p>A clusterer may need a few examples before it can predict (for example to seed its centres);
 * until then {@link #isReady()} is false and {@code predict} throws {@link IllegalStateException}.
 */
public interface OnlineClusterer extends OnlineLearner, MiniBatchClusterer {

  /** Number of clusters. */
  int k();

  /** Whether the centres exist, so that {@link #predict} can answer. */
  boolean isReady();

  /** Learns from one example. */
  void learn(double[] x);

  /** Learns from one sparse example. */
  void learn(SparseVector x);

  /** Index of the centre nearest to {@code x}. */
  int predict(double[] x);

  /** Index of the centre nearest to the sparse {@code x}. */
  int predict(SparseVector x);

  /**
   * Writes the nearest centre of rows {@code fromRow .. fromRow+rows-1} of the row-major {@code xs}
   * to {@code out} (indexed like the rows) and returns it.
   *
   * @throws IllegalStateException if the clusterer is not ready
   */
  default int[] predictBatch(double[] xs, int fromRow, int rows, int[] out) {
    int d = dimension();
    InputChecks.requireRows(xs, fromRow, rows, d, "xs");
    InputChecks.requireParallel(Objects.requireNonNull(out, "out").length, fromRow, rows, 1, "out");
    RowRange.forEach(xs, fromRow, rows, d, (row, r) -> out[r] = predict(row));
    return out;
  }

  /** Squared Euclidean distance from {@code x} to its nearest centre. */
  double squaredDistanceToNearest(double[] x);

  /**
   * A copy of the centres, one row per centre.
   *
   * @throws IllegalStateException if the clusterer is not ready, as {@link #predict} does
   */
  double[][] centers();

  @Override
  OnlineClusterer copy();
}
