package org.brookml.learner;

import org.brookml.vector.SparseVector;
import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;

/**
 * An online classifier over {@code numClasses()} classes labelled {@code 0 .. numClasses()-1}. Map
 * your own labels to these with a {@link LabelEncoder} at the edge of the pipeline.
 *
 * <p>{@link #predictProba} writes class probabilities into a caller-owned buffer and returns it, so
 * that no call allocates. Weights are non-negative importance weights; weight 1 is a plain example.
 */
public interface OnlineClassifier extends OnlineLearner {

  /** Number of classes. */
  int numClasses();

  /** Learns one weighted example. */
  void learn(double[] x, int label, double weight);

  /** Learns one weighted sparse example. */
  void learn(SparseVector x, int label, double weight);

  /** Learns one example with weight 1. */
  default void learn(double[] x, int label) {
    learn(x, label, 1.0);
  }

  /** Learns one sparse example with weight 1. */
  default void learn(SparseVector x, int label) {
    learn(x, label, 1.0);
  }

  /** The most probable class of {@code x}. */
  int predict(double[] x);

  /** The most probable class of the sparse {@code x}. */
  int predict(SparseVector x);

  /**
   * Writes {@code P(class | x)} for every class into {@code out} (length {@code numClasses()}) and
   * returns it.
   */
  double[] predictProba(double[] x, double[] out);

  /** Sparse counterpart of {@link #predictProba(double[], double[])}. */
  double[] predictProba(SparseVector x, double[] out);

  /**
   * Learns the first {@code rows} rows of the row-major {@code xs} with their labels, weight 1. The
   * default validates the whole batch first, then learns row by row; learners with a true
   * mini-batch update override it.
   */
  default void learnBatch(double[] xs, int rows, int[] labels) {
    Batches.requireRows(xs, rows, dimension(), "xs");
    Batches.requireLabels(labels, rows, numClasses());
    double[] row = new double[dimension()];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(xs, r * dimension(), row, 0, dimension());
      learn(row, labels[r], 1.0);
    }
  }

  /** Learns every row of {@code xs} with its label. */
  default void learnBatch(DMatrixRMaj xs, int[] labels) {
    Batches.requireColumns(xs, dimension());
    learnBatch(xs.data, xs.numRows, labels);
  }

  /** Learns every row of {@code xs} (a dense real matrix) with its label. */
  default void learnBatch(SimpleMatrix xs, int[] labels) {
    learnBatch(Batches.denseRows(xs), labels);
  }

  @Override
  OnlineClassifier copy();
}
