package org.brookml.ensemble;

import static org.brookml.learner.Probabilities.argMax;
import static org.brookml.learner.Probabilities.normalize;

import java.util.Arrays;

/**
 * A batch's rows taken one block at a time by an ensemble's members, each member going through the
 * whole block on its own, with every member's vote terms on every row of the block; each row's
 * answer sums the terms in member order, so it is the same, bit for bit, as the ensemble's vote on
 * that row alone. A block holds at most 1,024 rows and, together, at most 2^20 row values and 2^20
 * vote terms (at least one row), and no more rows than the largest batch it was given.
 */
final class VoteBlocks {

  private static final int MAX_ROWS = 1024;
  private static final int MAX_VALUES = 1 << 20;

  private final int members;
  private final int classes;
  private final int dimension;
  /** The most rows a block may hold. */
  private final int limit;
  private double[][] rows = new double[0][];
  /** Vote terms, {@code [member][row][class]}. */
  private double[] terms = new double[0];
  private final double[] sum;
  private int size;

  VoteBlocks(int members, int classes, int dimension) {
    this.members = members;
    this.classes = classes;
    this.dimension = dimension;
    this.limit = Math.max(1, Math.min(MAX_ROWS,
        Math.min(MAX_VALUES / (members * classes), MAX_VALUES / dimension)));
    this.sum = new double[classes];
  }

  /**
   * Makes a block hold {@code batchRows} rows, or as many as it may: it grows to the largest batch
   * seen so far (a single row takes one row's buffers, not a full block's). Returns whether it
   * grew.
   */
  boolean reserve(int batchRows) {
    int block = Math.min(limit, batchRows);
    if (rows.length >= block) {
      return false;
    }
    rows = new double[block][dimension];
    terms = new double[members * block * classes];
    return true;
  }

  /** Rows a block holds now. */
  int capacity() {
    return rows.length;
  }

  /** Copies rows {@code first .. first+size-1} of the row-major {@code xs} into the block. */
  void load(double[] xs, int first, int size) {
    for (int i = 0; i < size; i++) {
      System.arraycopy(xs, (first + i) * dimension, rows[i], 0, dimension);
    }
    this.size = size;
  }

  /** Rows loaded. */
  int size() {
    return size;
  }

  /** Row {@code i} of the block; members read it, never write it. */
  double[] row(int i) {
    return rows[i];
  }

  /**
   * Member {@code m}'s terms on row {@code i}: {@code proba} normalized to sum 1, times {@code
   * weight}, as {@link OnlineEnsemble#addNormalized} adds them (zeros where it adds none).
   */
  void writeNormalized(int m, int i, double[] proba, double weight) {
    int at = (m * rows.length + i) * classes;
    Arrays.fill(terms, at, at + classes, 0);
    OnlineEnsemble.addNormalized(proba, weight, terms, at);
  }

  /** Member {@code m}'s terms on row {@code i}: 1 for each class whose code is {@code bit}. */
  void writeCode(int m, int i, int[] code, int bit) {
    int at = (m * rows.length + i) * classes;
    for (int c = 0; c < classes; c++) {
      terms[at + c] = code[c] == bit ? 1 : 0;
    }
  }

  /** Row {@code i}'s answer: the members' terms summed in member order, normalized, arg-max. */
  int answer(int i) {
    Arrays.fill(sum, 0);
    int stride = rows.length * classes;
    for (int at = i * classes; at < terms.length; at += stride) {
      for (int c = 0; c < classes; c++) {
        sum[c] += terms[at + c];
      }
    }
    return argMax(normalize(sum));
  }
}
