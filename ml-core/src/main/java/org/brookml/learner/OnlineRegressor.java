package org.brookml.learner;

import java.util.Objects;
import org.brookml.vector.SparseVector;

/** An online model of a real-valued target. Weights are non-negative importance weights. */
public interface OnlineRegressor extends OnlineLearner {

  /** Learns one weighted example. */
  void learn(double[] x, double y, double weight);

  /** Learns one weighted sparse example. */
  void learn(SparseVector x, double y, double weight);

  /** Learns one example with weight 1. */
  default void learn(double[] x, double y) {
    learn(x, y, 1.0);
  }

  /** Learns one sparse example with weight 1. */
  default void learn(SparseVector x, double y) {
    learn(x, y, 1.0);
  }

  /** The predicted target of {@code x}. */
  double predict(double[] x);

  /** The predicted target of the sparse {@code x}. */
  double predict(SparseVector x);

  /** {@link #learnBatch(double[], int, int, double[])} from row 0. */
  default void learnBatch(double[] xs, int rows, double[] ys) {
    learnBatch(xs, 0, rows, ys);
  }

  /**
   * Learns rows {@code fromRow .. fromRow+rows-1} of the row-major {@code xs}, in order, weight 1:
   * the same model as {@link #learn(double[], double)} on each row in turn. {@code ys} is indexed
   * like the rows. A bad row or target anywhere leaves the model as it was. The default checks the
   * whole range first, then learns row by row through one row buffer per call.
   */
  default void learnBatch(double[] xs, int fromRow, int rows, double[] ys) {
    int d = dimension();
    InputChecks.requireRows(xs, fromRow, rows, d, "xs");
    InputChecks.requireTargets(ys, fromRow, rows);
    RowRange.forEach(xs, fromRow, rows, d, (row, r) -> learn(row, ys[r], 1.0));
  }

  /**
   * Writes the predictions for rows {@code fromRow .. fromRow+rows-1} of the row-major {@code xs}
   * to {@code out} (indexed like the rows) and returns it.
   */
  default double[] predictBatch(double[] xs, int fromRow, int rows, double[] out) {
    int d = dimension();
    InputChecks.requireRows(xs, fromRow, rows, d, "xs");
    InputChecks.requireParallel(Objects.requireNonNull(out, "out").length, fromRow, rows, 1, "out");
    RowRange.forEach(xs, fromRow, rows, d, (row, r) -> out[r] = predict(row));
    return out;
  }

  @Override
  OnlineRegressor copy();
}
