package org.brookml.internal.optim;

import java.util.Arrays;
import org.brookml.internal.vector.VectorKernelsProvider;
import org.brookml.io.SnapshotFormatException;
import org.brookml.io.SnapshotReader;
import org.brookml.vector.SparseVector;
import org.brookml.vector.Vectors;

/**
 * A weight vector kept as {@code w = s v} (Bottou; Shalev-Shwartz et al.'s Pegasos), so that
 * multiplying every weight (an L2 shrink, a projection) costs O(1) and a sparse step
 * O(non-zeros), with, when averaging, the lazily kept sum of every iterate (Polyak and Juditsky):
 * with {@code S} the running sum of the scales after each step, coordinate i's sum grows by
 * {@code v_i (S - S_i)} over the steps in which {@code v_i} did not change, and is brought up to
 * date ({@link #catchUp}) only just before {@code v_i} changes. Shared by plain and averaged SGD
 * and by Pegasos. Not thread-safe; nothing allocates after construction, except merging.
 */
public final class ScaledWeights {

  /** Below this scale, {@link #shrink} folds the scale into {@code v}. */
  public static final double MIN_SCALE = 1e-9;

  private final double[] v;
  private final double[] sumOfIterates; // null unless averaging
  private final double[] scaleSumAtChange;
  private double scale;
  private double scaleSum;
  private long steps;

  /** Zero weights of {@code dimension} coordinates, with sums of iterates if {@code averaging}. */
  public ScaledWeights(int dimension, boolean averaging) {
    v = new double[dimension];
    sumOfIterates = averaging ? new double[dimension] : null;
    scaleSumAtChange = averaging ? new double[dimension] : null;
    reset();
  }

  /** Zero weights, scale 1, no steps. */
  public void reset() {
    Arrays.fill(v, 0);
    if (sumOfIterates != null) {
      Arrays.fill(sumOfIterates, 0);
      Arrays.fill(scaleSumAtChange, 0);
    }
    scale = 1;
    scaleSum = 0;
    steps = 0;
  }

  /**
   * {@code w <- factor w} through the scale; when the scale falls below {@link #MIN_SCALE} it is
   * folded into {@code v} (sums of iterates brought up to date first) and 1 again.
   *
   * @return the factor {@code v} itself was multiplied by: 1 unless the scale was folded, so that
   *     a {@code v . x} computed before stays valid times it
   */
  public double shrink(double factor) {
    scale *= factor;
    if (scale < MIN_SCALE) {
      double folded = scale;
      catchUpAll();
      Vectors.scale(folded, v);
      scale = 1;
      return folded;
    }
    return 1;
  }

  /** {@code w <- factor w} through the scale alone, never folding (a projection's factor). */
  public void multiplyScale(double factor) {
    scale *= factor;
  }

  /** All weights to exactly 0 (sums of iterates brought up to date first), scale 1. */
  public void restartAtZero() {
    catchUpAll();
    Arrays.fill(v, 0);
    scale = 1;
  }

  /** {@code v . x} for the row at {@code xs[offset]}: the margin before scaling. */
  public double dot(double[] xs, int offset) {
    return Vectors.dot(v, 0, xs, offset, v.length);
  }

  /**
   * {@code out[outOff + r] = v . x_r} for the {@code rows} rows from {@code xs[offset]}, each as
   * {@link #dot} gives it.
   */
  public void dots(double[] xs, int offset, int rows, double[] out, int outOff) {
    VectorKernelsProvider.primitives().dots(v, 0, xs, offset, rows, v.length, out, outOff);
  }

  /** {@code v . x} of a sparse row. */
  public double dot(SparseVector x) {
    return Vectors.dot(x, v);
  }

  /** {@code w += step * scale * x} for a dense row: {@code v += step x}, sums caught up first. */
  public void add(double step, double[] xs, int offset) {
    if (sumOfIterates != null) {
      for (int i = 0; i < v.length; i++) {
        if (xs[offset + i] != 0) {
          catchUp(i);
        }
      }
    }
    if (step != 0) {
      Vectors.axpy(step, xs, offset, v, 0, v.length);
    }
  }

  /** Brings the sums of iterates of the coordinates a sparse row touches up to date. */
  public void catchUp(SparseVector x) {
    if (sumOfIterates != null) {
      int[] indices = x.indices();
      for (int k = 0, n = x.size(); k < n; k++) {
        catchUp(indices[k]);
      }
    }
  }

  /** Adds coordinate i's unchanged iterates since its last change to its sum (when averaging). */
  public void catchUp(int i) {
    if (sumOfIterates != null) {
      sumOfIterates[i] += v[i] * (scaleSum - scaleSumAtChange[i]);
      scaleSumAtChange[i] = scaleSum;
    }
  }

  private void catchUpAll() {
    if (sumOfIterates != null) {
      for (int i = 0; i < v.length; i++) {
        catchUp(i);
      }
    }
  }

  /** Ends a step: one more iterate in the averages. */
  public void finishStep() {
    steps++;
    scaleSum += scale;
  }

  /** Whether averages of the iterates exist and have at least one step. */
  public boolean hasAverage() {
    return sumOfIterates != null && steps > 0;
  }

  /** Averaged weight i: (sum of its effective iterates) / steps. Needs {@link #hasAverage}. */
  public double averageWeight(int i) {
    return (sumOfIterates[i] + v[i] * (scaleSum - scaleSumAtChange[i])) / steps;
  }

  /** The weight predictions use: the average when averaging, else {@code s v_i}. */
  public double weight(int i) {
    return hasAverage() ? averageWeight(i) : scale * v[i];
  }

  /** The averaged weights' dot product with the dense row at {@code xs[offset]}. */
  public double averagedDot(double[] xs, int offset) {
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      sum += averageWeight(i) * xs[offset + i];
    }
    return sum;
  }

  /** The averaged weights' dot product with a sparse row. */
  public double averagedDot(SparseVector x) {
    int[] indices = x.indices();
    double[] values = x.values();
    double sum = 0;
    for (int k = 0, n = x.size(); k < n; k++) {
      sum += averageWeight(indices[k]) * values[k];
    }
    return sum;
  }

  /** Coordinate i's sum of effective iterates, brought up to date. */
  private double caughtUpSum(int i) {
    return sumOfIterates[i] + v[i] * (scaleSum - scaleSumAtChange[i]);
  }

  /**
   * Makes this the combination of {@code replicas} relative to {@code base}: effective weights
   * {@code base + sum_r shares[r] (replica_r - base)}; step count, sum of scales and (averaging)
   * sums of iterates {@code base + sum_r (replica_r - base)}; scale 1. {@code this} may be the base
   * or a replica.
   */
  public void combine(ScaledWeights base, ScaledWeights[] replicas, double[] shares) {
    int n = v.length;
    double[] merged = new double[n];
    double[] sums = sumOfIterates == null ? null : new double[n];
    for (int i = 0; i < n; i++) {
      double baseWeight = base.scale * base.v[i];
      double w = baseWeight;
      for (int r = 0; r < replicas.length; r++) {
        w += shares[r] * (replicas[r].scale * replicas[r].v[i] - baseWeight);
      }
      merged[i] = w;
      if (sums != null) {
        double baseSum = base.caughtUpSum(i);
        double sum = baseSum;
        for (ScaledWeights replica : replicas) {
          sum += replica.caughtUpSum(i) - baseSum;
        }
        sums[i] = sum;
      }
    }
    double mergedScaleSum = base.scaleSum;
    long mergedSteps = base.steps;
    for (ScaledWeights replica : replicas) {
      mergedScaleSum += replica.scaleSum - base.scaleSum;
      mergedSteps += replica.steps - base.steps;
    }
    System.arraycopy(merged, 0, v, 0, n);
    if (sums != null) {
      System.arraycopy(sums, 0, sumOfIterates, 0, n);
      Arrays.fill(scaleSumAtChange, mergedScaleSum);
    }
    scale = 1;
    scaleSum = mergedScaleSum;
    steps = mergedSteps;
  }

  /** Makes this equal to {@code other}, of the same size and averaging; allocates nothing. */
  public void copyFrom(ScaledWeights other) {
    System.arraycopy(other.v, 0, v, 0, v.length);
    if (sumOfIterates != null) {
      System.arraycopy(other.sumOfIterates, 0, sumOfIterates, 0, v.length);
      System.arraycopy(other.scaleSumAtChange, 0, scaleSumAtChange, 0, v.length);
    }
    scale = other.scale;
    scaleSum = other.scaleSum;
    steps = other.steps;
  }

  /** The scale {@code s}. */
  public double scale() {
    return scale;
  }

  /** Steps finished. */
  public long steps() {
    return steps;
  }

  /** The running sum of the scales after each step. */
  public double scaleSum() {
    return scaleSum;
  }

  /** {@code v}, live: for codecs and for updates that keep their own statistics of it. */
  public double[] v() {
    return v;
  }

  /** The sums of iterates, live, or null without averaging: for codecs. */
  public double[] sumOfIterates() {
    return sumOfIterates;
  }

  /** The sum of scales at each coordinate's last change, live, or null: for codecs. */
  public double[] scaleSumAtChange() {
    return scaleSumAtChange;
  }

  /**
   * Sets the scalars a codec read, after the arrays were filled through their accessors, and
   * checks what they make together: a scale in (0, 1] (shrinking only ever lowers it) and finite
   * effective and averaged weights, which finite parts alone do not guarantee.
   *
   * @throws SnapshotFormatException naming the first weight that overflows
   */
  public void restore(SnapshotReader in, double scale, double scaleSum, long steps) {
    if (!(scale > 0 && scale <= 1)) {
      throw in.error("weight scale", "must be in (0, 1], got " + scale);
    }
    this.scale = scale;
    this.scaleSum = scaleSum;
    this.steps = steps;
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(scale * v[i]) || (hasAverage() && !Double.isFinite(averageWeight(i)))) {
        throw in.error("weights", "weight " + i + " overflows (scale " + scale + ", stored "
            + v[i] + ")");
      }
    }
  }
}
