package org.brookml.internal.optim;

import java.util.List;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.optim.Optimizer;
import org.brookml.vector.SparseVector;

/**
 * The mutable state an {@link Optimizer} keeps for one linear model: weights, intercept, update
 * count and the optimizer's own per-coordinate statistics. {@code step} applies the gradient factor
 * {@code g = d loss / d score * sampleWeight} of one example; only coordinates where the example is
 * non-zero change (and the intercept), so dense and sparse input give the same state.
 */
public abstract class Stepper {

  /** The raw score {@code w . x + b}. */
  public final double score(double[] x) {
    return score(x, 0);
  }

  /** The raw score of the dense example stored at {@code xs[off .. off + dimension)}. */
  public abstract double score(double[] xs, int off);

  /** The raw score {@code w . x + b} of a sparse example. */
  public abstract double score(SparseVector x);

  /** The score predictions use: {@link #score(double[])} unless the optimizer averages. */
  public final double predictionScore(double[] x) {
    return predictionScore(x, 0);
  }

  /** {@link #predictionScore(double[])} of the dense example at {@code xs[off .. off + d)}. */
  public double predictionScore(double[] xs, int off) {
    return score(xs, off);
  }

  /**
   * {@code out[outOff + r] = predictionScore(xs, off + r d)} for {@code r < rows}, the same bits
   * row by row; optimizers whose weights allow it score several rows per pass over them.
   */
  public void predictionScores(double[] xs, int off, int rows, int d, double[] out, int outOff) {
    for (int r = 0; r < rows; r++) {
      out[outOff + r] = predictionScore(xs, off + r * d);
    }
  }

  /** Sparse counterpart of {@link #predictionScore(double[])}. */
  public double predictionScore(SparseVector x) {
    return score(x);
  }

  /** One update with gradient factor {@code g} for example {@code x}. */
  public final void step(double[] x, double g) {
    step(x, 0, g);
  }

  /** One update for the dense example stored at {@code xs[off .. off + dimension)}. */
  public abstract void step(double[] xs, int off, double g);

  /** One update with gradient factor {@code g} for the sparse example {@code x}. */
  public abstract void step(SparseVector x, double g);

  /** Effective weight {@code i}: the one predictions use (the average, for averaged SGD). */
  public abstract double weight(int i);

  /** The intercept predictions use. */
  public abstract double intercept();

  /**
   * Makes this state the combination of {@code replicas} relative to {@code base} (all of this
   * stepper's class and size): parameters and running averages become
   * {@code base + sum_r shares[r] (replica_r - base)}, additive statistics (update counts, sums
   * of squared gradients, FTRL's z and n, cumulative penalties, sums of iterates) become
   * {@code base + sum_r (replica_r - base)}. {@code this} may be the base or one of the replicas.
   */
  public abstract void combine(Stepper base, List<? extends Stepper> replicas, double[] shares);

  /** {@code base + sum_r shares[r] (values_r - base)} for one quantity. */
  protected static double averaged(double base, double[] values, double[] shares) {
    double result = base;
    for (int r = 0; r < values.length; r++) {
      result += shares[r] * (values[r] - base);
    }
    return result;
  }

  /** {@code base + sum_r (values_r - base)} for one quantity. */
  protected static double summed(double base, double[] values) {
    double result = base;
    for (double v : values) {
      result += v - base;
    }
    return result;
  }

  /** The mutable state an {@code optimizer} keeps for a model of {@code dimension} weights. */
  public static Stepper of(Optimizer optimizer, int dimension) {
    return optimizer.kind() == Optimizer.Kind.SGD ? new SgdStepper(optimizer, dimension)
        : new AdaptiveStepper(optimizer, dimension);
  }

  /** Forgets everything. */
  public abstract void reset();

  /** An independent copy. */
  public abstract Stepper copy();

  /** Makes this state equal to {@code other} (same class and size), allocating nothing. */
  public abstract void copyFrom(Stepper other);

  /** Writes the state (not the configuration). */
  public abstract void write(SnapshotWriter out);

  /** Reads what {@link #write} wrote, validating it. */
  public abstract void read(SnapshotReader in);
}
