package org.brookml.linear;

import java.util.List;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.vector.SparseVector;

/**
 * The mutable state an {@link Optimizer} keeps for one linear model: weights, intercept, update
 * count and the optimizer's own per-coordinate statistics. {@code step} applies the gradient factor
 * {@code g = d loss / d score * sampleWeight} of one example; only coordinates where the example is
 * non-zero change (and the intercept), so dense and sparse input give the same state.
 */
abstract class Stepper {

  /** The raw score {@code w . x + b}. */
  final double score(double[] x) {
    return score(x, 0);
  }

  /** The raw score of the dense example stored at {@code xs[off .. off + dimension)}. */
  abstract double score(double[] xs, int off);

  /** The raw score {@code w . x + b} of a sparse example. */
  abstract double score(SparseVector x);

  /** The score predictions use: {@link #score(double[])} unless the optimizer averages. */
  double predictionScore(double[] x) {
    return score(x);
  }

  /** Sparse counterpart of {@link #predictionScore(double[])}. */
  double predictionScore(SparseVector x) {
    return score(x);
  }

  /** One update with gradient factor {@code g} for example {@code x}. */
  final void step(double[] x, double g) {
    step(x, 0, g);
  }

  /** One update for the dense example stored at {@code xs[off .. off + dimension)}. */
  abstract void step(double[] xs, int off, double g);

  /** One update with gradient factor {@code g} for the sparse example {@code x}. */
  abstract void step(SparseVector x, double g);

  /** Effective weight {@code i}: the one predictions use (the average, for averaged SGD). */
  abstract double weight(int i);

  /** The intercept predictions use. */
  abstract double intercept();

  /**
   * Makes this state the combination of {@code replicas} relative to {@code base} (all of this
   * stepper's class and size): parameters and running averages become
   * {@code base + sum_r shares[r] (replica_r - base)}, additive statistics (update counts, sums
   * of squared gradients, FTRL's z and n, cumulative penalties, sums of iterates) become
   * {@code base + sum_r (replica_r - base)}. {@code this} may be the base or one of the replicas.
   */
  abstract void combine(Stepper base, List<? extends Stepper> replicas, double[] shares);

  /** {@code base + sum_r shares[r] (values_r - base)} for one quantity. */
  static double averaged(double base, double[] values, double[] shares) {
    double result = base;
    for (int r = 0; r < values.length; r++) {
      result += shares[r] * (values[r] - base);
    }
    return result;
  }

  /** {@code base + sum_r (values_r - base)} for one quantity. */
  static double summed(double base, double[] values) {
    double result = base;
    for (double v : values) {
      result += v - base;
    }
    return result;
  }

  /** Forgets everything. */
  abstract void reset();

  /** An independent copy. */
  abstract Stepper copy();

  /** Makes this state equal to {@code other} (same class and size), allocating nothing. */
  abstract void copyFrom(Stepper other);

  /** Writes the state (not the configuration). */
  abstract void write(SnapshotWriter out);

  /** Reads what {@link #write} wrote, validating it. */
  abstract void read(SnapshotReader in);
}
