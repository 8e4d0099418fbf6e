package org.brookml.learner;

/**
 * The walk the default batch calls share: each row of a checked range of a row-major matrix,
 * copied into one buffer per call and handed on with its row index.
 */
final class RowRange {

  /** What a batch call does with one row. */
  interface RowAction {
    void apply(double[] row, int r);
  }

  private RowRange() {}

  /** Rows {@code fromRow .. fromRow+rows-1} of {@code xs}, already checked, in order. */
  static void forEach(double[] xs, int fromRow, int rows, int dimension, RowAction action) {
    double[] row = new double[dimension];
    for (int r = fromRow; r < fromRow + rows; r++) {
      System.arraycopy(xs, r * dimension, row, 0, dimension);
      action.apply(row, r);
    }
  }
}
