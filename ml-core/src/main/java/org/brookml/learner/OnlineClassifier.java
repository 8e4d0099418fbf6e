package org.brookml.learner;

import java.util.Objects;
import org.brookml.vector.SparseVector;

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
   * Checks that this classifier can learn an example of this weight, without learning anything:
   * composites (ensembles) ask their members before any of them changes.
   *
   * @throws IllegalArgumentException if the weight would be refused
   */
  default void requireLearnableWeight(double weight) {
    InputChecks.requireWeight(weight);
  }

  /** {@link #learnBatch(double[], int, int, int[])} from row 0. */
  default void learnBatch(double[] xs, int rows, int[] labels) {
    learnBatch(xs, 0, rows, labels);
  }

  /**
   * Learns rows {@code fromRow .. fromRow+rows-1} of the row-major {@code xs}, in order, weight 1:
   * the same model as {@link #learn(double[], int)} on each row in turn. {@code labels} is indexed
   * like the rows. A bad row or label anywhere leaves the model as it was. The default checks the
   * whole range first, then learns row by row through one row buffer per call; learners that read
   * rows in place override it.
   */
  default void learnBatch(double[] xs, int fromRow, int rows, int[] labels) {
    int d = dimension();
    requireBatch(xs, fromRow, rows);
    InputChecks.requireLabels(labels, fromRow, rows, numClasses());
    RowRange.forEach(xs, fromRow, rows, d, (row, r) -> learn(row, labels[r], 1.0));
  }

  /**
   * Test-then-train on one example: returns {@link #predict(double[])}, then learns {@code x} with
   * {@code label} and weight 1; the same answer and model as those two calls. Both are checked
   * before anything changes. Ensembles override it to share work between the two steps (one
   * hand-off to their threads instead of two, or a member's answer used again).
   */
  default int predictThenLearn(double[] x, int label) {
    requireRow(x);
    InputChecks.requireLabel(label, numClasses());
    int predicted = predict(x);
    learn(x, label, 1.0);
    return predicted;
  }

  /**
   * Test-then-train over rows {@code fromRow .. fromRow+rows-1} of the row-major {@code xs}: for
   * each row in order, {@link #predict(double[])} into {@code out} (indexed like the rows), then
   * {@link #learn(double[], int)}; returns {@code out}. The same answers and model as those calls.
   * A bad row or label anywhere leaves the model as it was. The default checks the whole range
   * first, then goes row by row through one row buffer per call; ensembles override it to share
   * work between the two steps or to hand whole blocks of rows to their threads.
   */
  default int[] predictThenLearnBatch(double[] xs, int fromRow, int rows, int[] labels,
      int[] out) {
    requireBatch(xs, fromRow, rows);
    InputChecks.requireLabels(labels, fromRow, rows, numClasses());
    InputChecks.requireParallel(Objects.requireNonNull(out, "out").length, fromRow, rows, 1, "out");
    RowRange.forEach(xs, fromRow, rows, dimension(), (row, r) -> {
      out[r] = predict(row);
      learn(row, labels[r], 1.0);
    });
    return out;
  }

  /**
   * Writes the predicted class of rows {@code fromRow .. fromRow+rows-1} of the row-major
   * {@code xs} to {@code out} (indexed like the rows) and returns it. The default checks the range
   * first, then predicts row by row through one row buffer per call.
   */
  default int[] predictBatch(double[] xs, int fromRow, int rows, int[] out) {
    int d = dimension();
    requireBatch(xs, fromRow, rows);
    InputChecks.requireParallel(Objects.requireNonNull(out, "out").length, fromRow, rows, 1, "out");
    RowRange.forEach(xs, fromRow, rows, d, (row, r) -> out[r] = predict(row));
    return out;
  }

  /**
   * Writes {@code P(class | row)} of rows {@code fromRow .. fromRow+rows-1} to {@code out},
   * row-major ({@code out[r * numClasses() + c]}, indexed like the rows), and returns it.
   */
  default double[] predictProbaBatch(double[] xs, int fromRow, int rows, double[] out) {
    int d = dimension();
    int k = numClasses();
    requireBatch(xs, fromRow, rows);
    InputChecks.requireParallel(Objects.requireNonNull(out, "out").length, fromRow, rows, k, "out");
    double[] proba = new double[k];
    RowRange.forEach(xs, fromRow, rows, d,
        (row, r) -> System.arraycopy(predictProba(row, proba), 0, out, r * k, k));
    return out;
  }

  @Override
  OnlineClassifier copy();

  /**
   * Checks a batch's rows under this classifier's policy: the one-pass finite check, or row by row
   * through {@link #requireRow} for a classifier that takes missing values.
   */
  private void requireBatch(double[] xs, int fromRow, int rows) {
    if (acceptsMissingValues()) {
      InputChecks.requireRows(xs, fromRow, rows, this, "xs");
    } else {
      InputChecks.requireRows(xs, fromRow, rows, dimension(), "xs");
    }
  }
}
