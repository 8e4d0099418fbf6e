package org.brookml.learner;

import org.brookml.vector.SparseVector;
import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;

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

  /**
   * Learns the first {@code rows} rows of the row-major {@code xs} with their targets, weight 1.
   * The default validates the whole batch first, then learns row by row.
   */
  default void learnBatch(double[] xs, int rows, double[] ys) {
    Batches.requireRows(xs, rows, dimension(), "xs");
    Batches.requireTargets(ys, rows);
    double[] row = new double[dimension()];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(xs, r * dimension(), row, 0, dimension());
      learn(row, ys[r], 1.0);
    }
  }

  /** Learns every row of {@code xs} with its target. */
  default void learnBatch(DMatrixRMaj xs, double[] ys) {
    Batches.requireColumns(xs, dimension());
    learnBatch(xs.data, xs.numRows, ys);
  }

  /** Learns every row of {@code xs} (a dense real matrix) with its target. */
  default void learnBatch(SimpleMatrix xs, double[] ys) {
    learnBatch(Batches.denseRows(xs), ys);
  }

  @Override
  OnlineRegressor copy();
}
