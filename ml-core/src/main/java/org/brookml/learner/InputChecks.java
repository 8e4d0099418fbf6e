package org.brookml.learner;

import java.util.Objects;
import org.brookml.vector.Vectors;

/**
 * Validation shared by every learner's entry points. Each check throws with a message naming the
 * argument and the bad value, so that a learner can validate first and mutate after.
 */
public final class InputChecks {

  private InputChecks() {}

  /** Checks that {@code x} is a finite vector of length {@code dimension}. */
  public static void requireExample(double[] x, int dimension) {
    requireLength(x, dimension);
    Vectors.requireInRange(x, "x");
  }

  private static void requireLength(double[] x, int dimension) {
    Objects.requireNonNull(x, "x");
    if (x.length != dimension) {
      throw new IllegalArgumentException(
          "x has dimension " + x.length + " but the model expects " + dimension);
    }
  }

  /**
   * Checks a row in which NaN means "missing": every other value within
   * {@link Vectors#MAX_MAGNITUDE}, and feature {@code j}'s a whole number in
   * {@code [0, nominalValues[j])} where {@code nominalValues[j] > 0} (a nominal code). The caller
   * checks the row's length. Builds no message unless a value is refused.
   */
  public static void requireValuesOrMissing(double[] x, int[] nominalValues) {
    for (int j = 0; j < x.length; j++) {
      double v = x[j];
      if (Double.isNaN(v)) {
        continue; // missing
      }
      if (!(Math.abs(v) <= Vectors.MAX_MAGNITUDE)) {
        Vectors.requireInRange(v, "feature " + j);
      }
      int values = nominalValues[j];
      if (values > 0 && !(v == Math.rint(v) && v >= 0 && v < values)) {
        throw new IllegalArgumentException("feature " + j + " is nominal with " + values
            + " values: expected a whole number in [0, " + values + "), got " + v);
      }
    }
  }

  /**
   * Checks a row of a learner whose NaN means "missing": its length, then
   * {@link #requireValuesOrMissing}.
   */
  public static void requireRowOrMissing(double[] x, int[] nominalValues) {
    requireLength(x, nominalValues.length);
    requireValuesOrMissing(x, nominalValues);
  }

  /**
   * Checks rows {@code fromRow .. fromRow+rows} ({@code rows >= 1}) of {@code xs} as
   * {@code learner}'s {@link OnlineLearner#requireRow} checks one row: the batch check of a
   * learner whose policy is not the plain one (missing values, nominal codes).
   */
  public static void requireRows(double[] xs, int fromRow, int rows, OnlineLearner learner,
      String what) {
    int d = learner.dimension();
    requireRowRange(xs, fromRow, rows, d, what);
    RowRange.forEach(xs, fromRow, rows, d, (row, r) -> {
      try {
        learner.requireRow(row);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(what + " row " + r + ": " + e.getMessage(), e);
      }
    });
  }

  /** Checks that a mini-batch holds {@code rows >= 1} finite rows of {@code dimension} values. */
  public static void requireRows(double[] xs, int rows, int dimension, String what) {
    requireRows(xs, 0, rows, dimension, what);
  }

  /** Checks rows {@code fromRow .. fromRow+rows} ({@code rows >= 1}) of {@code xs} are finite. */
  public static void requireRows(double[] xs, int fromRow, int rows, int dimension, String what) {
    requireRowRange(xs, fromRow, rows, dimension, what);
    int start = fromRow * dimension;
    int bad = Vectors.indexOutOfRange(xs, start, rows * dimension);
    if (bad >= 0) {
      throw new IllegalArgumentException(what + " row " + (fromRow + bad / dimension)
          + ", column " + bad % dimension + " " + Vectors.outOfRange(xs[start + bad]));
    }
  }

  /**
   * Checks the shape only: {@code xs} is not null and holds rows {@code fromRow .. fromRow+rows}
   * ({@code rows >= 1}). For learners that find non-finite values on their own first pass and then
   * call {@link #requireRows(double[], int, int, int, String)} before changing anything.
   */
  public static void requireRowRange(
      double[] xs, int fromRow, int rows, int dimension, String what) {
    Objects.requireNonNull(xs, what);
    if (rows < 1) {
      throw new IllegalArgumentException(what + ": a batch needs at least one row, got " + rows);
    }
    if (fromRow < 0) {
      throw new IllegalArgumentException(what + ": fromRow must be >= 0, got " + fromRow);
    }
    long start = (long) fromRow * dimension;
    long end = start + (long) rows * dimension;
    if (end > xs.length) {
      throw new IllegalArgumentException(what + " holds " + xs.length + " values, fewer than "
          + (fromRow + rows) + " rows x " + dimension + " columns = " + end);
    }
  }

  /**
   * A target read as a class code.
   *
   * @throws IllegalArgumentException if it is not a whole number in the int range
   */
  public static int classCode(double target) {
    int label = (int) target;
    if (label != target) {
      throw new IllegalArgumentException("target " + target + " is not a class code");
    }
    return label;
  }

  /** Checks that {@code label} lies in {@code [0, numClasses)}. */
  public static void requireLabel(int label, int numClasses) {
    if (label < 0 || label >= numClasses) {
      throw new IllegalArgumentException(
          "label " + label + " is outside [0, " + numClasses + ")");
    }
  }

  /** Checks that the first {@code rows} labels lie in {@code [0, numClasses)}. */
  public static void requireLabels(int[] labels, int rows, int numClasses) {
    requireLabels(labels, 0, rows, numClasses);
  }

  /**
   * Checks the labels of rows {@code fromRow .. fromRow+rows} (indexed like the rows) are in
   * {@code [0, numClasses)}.
   */
  public static void requireLabels(int[] labels, int fromRow, int rows, int numClasses) {
    Objects.requireNonNull(labels, "labels");
    requireParallel(labels.length, fromRow, rows, 1, "labels");
    for (int r = fromRow; r < fromRow + rows; r++) {
      if (labels[r] < 0 || labels[r] >= numClasses) {
        throw new IllegalArgumentException(
            "label " + labels[r] + " of row " + r + " is outside [0, " + numClasses + ")");
      }
    }
  }

  /** Checks the targets of rows {@code fromRow .. fromRow+rows} (indexed like the rows). */
  public static void requireTargets(double[] ys, int fromRow, int rows) {
    Objects.requireNonNull(ys, "ys");
    requireParallel(ys.length, fromRow, rows, 1, "ys");
    Vectors.requireInRange(ys, fromRow, rows, "ys");
  }

  /**
   * Checks that an array of {@code length} holds {@code width} values for each of rows
   * {@code fromRow .. fromRow+rows}, indexed like the rows: labels, targets, or a caller's buffer
   * for batch predictions.
   */
  public static void requireParallel(int length, int fromRow, int rows, int width, String what) {
    if (fromRow < 0 || rows < 0) {
      throw new IllegalArgumentException(
          what + ": fromRow and rows must be >= 0, got " + fromRow + " and " + rows);
    }
    long needed = ((long) fromRow + rows) * width;
    if (length < needed) {
      throw new IllegalArgumentException(what + " holds " + length + " values, fewer than the "
          + needed + " that rows " + fromRow + " to " + (fromRow + rows - 1) + " need");
    }
  }

  /**
   * The largest importance weight: 1e12. With values within {@code Vectors.MAX_MAGNITUDE} a
   * weighted update stays far below overflow.
   */
  public static final double MAX_WEIGHT = 1e12;

  /** Checks that an importance weight is a number from 0 to {@link #MAX_WEIGHT}. */
  public static void requireWeight(double weight) {
    if (!(weight >= 0 && weight <= MAX_WEIGHT)) {
      throw new IllegalArgumentException("weight must be in [0, 1e12] (InputChecks.MAX_WEIGHT), "
          + "got " + weight);
    }
  }

  /**
   * Checks a regression target: a number within {@code +/-Vectors.MAX_MAGNITUDE}.
   *
   * @return the target
   */
  public static double requireTarget(double y) {
    return Vectors.requireInRange(y, "target y");
  }
}
