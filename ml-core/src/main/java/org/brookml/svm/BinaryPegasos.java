package org.brookml.svm;

import java.util.Arrays;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.vector.SparseVector;
import org.brookml.vector.Vectors;

/**
 * One binary Pegasos model (labels -1 and +1): the weight vector kept as {@code w = s v} so the
 * shrink {@code (1 - eta lambda)} and the projection are O(1), {@code ||v||^2} kept up to date so
 * the projection needs no pass over the weights, and, when averaging, lazy sums of iterates as in
 * the linear package's averaged SGD. The intercept is either a regularized constant feature
 * ({@link PegasosSvm.Bias#AUGMENTED}, stored in {@code v}'s units) or an unregularized term whose
 * steps are scaled by the intercept rate.
 */
final class BinaryPegasos {

  private static final double MIN_SCALE = 1e-9;

  private final int dimension;
  private final PegasosSvm.Bias bias;
  private final double interceptRate;
  private final double[] v;
  private double scale;
  private double biasV; // AUGMENTED: the constant feature's weight, in v's units
  private double interceptFree; // UNREGULARIZED intercept
  private double normSq; // ||v||^2, bias feature included when AUGMENTED
  // Averaging (null unless enabled).
  private final double[] sumOfIterates;
  private final double[] scaleSumAtChange;
  private double scaleSum;
  private double biasSum; // sum over steps of the effective intercept
  private long steps;
  // Online Platt scaling of the margin: P(y = +1 | f) = 1 / (1 + exp(plattA f + plattB)).
  private double plattA;
  private double plattB;

  BinaryPegasos(int dimension, PegasosSvm.Bias bias, double interceptRate, boolean averaging) {
    this.dimension = dimension;
    this.bias = bias;
    this.interceptRate = interceptRate;
    this.v = new double[dimension];
    this.sumOfIterates = averaging ? new double[dimension] : null;
    this.scaleSumAtChange = averaging ? new double[dimension] : null;
    reset();
  }

  void reset() {
    Arrays.fill(v, 0);
    scale = 1;
    biasV = 0;
    interceptFree = 0;
    normSq = 0;
    if (sumOfIterates != null) {
      Arrays.fill(sumOfIterates, 0);
      Arrays.fill(scaleSumAtChange, 0);
    }
    scaleSum = 0;
    biasSum = 0;
    steps = 0;
    plattA = -1;
    plattB = 0;
  }

  private double intercept() {
    return bias == PegasosSvm.Bias.AUGMENTED ? scale * biasV : interceptFree;
  }

  /** {@code w . x + b} with the current iterate. */
  double margin(double[] x) {
    return margin(x, 0);
  }

  /** The margin of the row {@code xs[offset .. offset + dimension)}. */
  double margin(double[] xs, int offset) {
    return marginFromDot(dot(xs, offset));
  }

  /** {@code v . x} for the row at {@code offset}: the margin before scaling. */
  double dot(double[] xs, int offset) {
    return Vectors.dot(v, 0, xs, offset, dimension);
  }

  /** The margin for a precomputed {@code v . x}. */
  double marginFromDot(double vDotX) {
    return scale * vDotX + intercept();
  }

  double margin(SparseVector x) {
    return scale * Vectors.dot(x, v) + intercept();
  }

  /** The margin predictions use: the averaged model's when averaging. */
  double predictionMargin(double[] x) {
    if (sumOfIterates == null || steps == 0) {
      return margin(x);
    }
    double sum = 0;
    for (int i = 0; i < dimension; i++) {
      sum += averageWeight(i) * x[i];
    }
    return sum + biasSum / steps;
  }

  double predictionMargin(SparseVector x) {
    if (sumOfIterates == null || steps == 0) {
      return margin(x);
    }
    double sum = 0;
    for (int k = 0; k < x.size(); k++) {
      sum += averageWeight(x.index(k)) * x.value(k);
    }
    return sum + biasSum / steps;
  }

  private double averageWeight(int i) {
    return (sumOfIterates[i] + v[i] * (scaleSum - scaleSumAtChange[i])) / steps;
  }

  double weight(int i) {
    return sumOfIterates != null && steps > 0 ? averageWeight(i) : scale * v[i];
  }

  double bias() {
    return sumOfIterates != null && steps > 0 ? biasSum / steps : intercept();
  }

  /**
   * {@code w <- (1 - eta lambda) w}; at t = 1 that factor is 0 and the weights restart at 0.
   *
   * @return the factor {@code v} itself was multiplied by: 1 unless the scale was folded into
   *     {@code v} (0 on a restart), so a {@code v . x} computed before stays valid times it
   */
  double shrink(double factor) {
    if (factor <= 0) {
      catchUpAll();
      Arrays.fill(v, 0);
      biasV = 0;
      normSq = 0;
      scale = 1;
      return 0;
    }
    scale *= factor;
    if (scale < MIN_SCALE) {
      double folded = scale;
      catchUpAll();
      Vectors.scale(folded, v);
      biasV *= folded;
      normSq *= folded * folded;
      scale = 1;
      return folded;
    }
    return 1;
  }

  /**
   * {@code w += c x} for the violating row {@code xs[offset .. offset + dimension)}, given
   * {@code v . x} as it is now (the shrink does not change {@code v}).
   */
  void add(double c, double[] xs, int offset, double vDotX) {
    double step = c / scale;
    if (sumOfIterates != null) {
      for (int i = 0; i < dimension; i++) {
        if (xs[offset + i] != 0) {
          catchUp(i);
        }
      }
    }
    normSq += 2 * step * vDotX + step * step * Vectors.dot(xs, offset, xs, offset, dimension);
    Vectors.axpy(step, xs, offset, v, 0, dimension);
    addToBias(c, step);
  }

  /** {@code w += c x} for a sparse violator. */
  void add(double c, SparseVector x) {
    double step = c / scale;
    if (sumOfIterates != null) {
      for (int k = 0; k < x.size(); k++) {
        catchUp(x.index(k));
      }
    }
    // Sum of squares per entry: a repeated index would make this differ from ||x||^2, so compute
    // the change of ||v||^2 entry by entry as the update goes.
    int[] indices = x.indices();
    double[] values = x.values();
    for (int k = 0, n = x.size(); k < n; k++) {
      int i = indices[k];
      double before = v[i];
      v[i] += step * values[k];
      normSq += v[i] * v[i] - before * before;
    }
    addToBias(c, step);
  }

  private void addToBias(double c, double step) {
    if (bias == PegasosSvm.Bias.AUGMENTED) {
      double before = biasV;
      biasV += step;
      normSq += biasV * biasV - before * before;
    } else if (bias == PegasosSvm.Bias.UNREGULARIZED) {
      interceptFree += interceptRate * c;
    }
  }

  /** Projection onto the ball of radius {@code radius}: O(1) through the scale. */
  void project(double radius) {
    double norm = scale * Math.sqrt(Math.max(0, normSq));
    if (norm > radius) {
      scale *= radius / norm;
    }
  }

  /** Ends a step: adds the new iterate to the averages. */
  void finishStep() {
    steps++;
    scaleSum += scale;
    biasSum += intercept();
  }

  private void catchUp(int i) {
    sumOfIterates[i] += v[i] * (scaleSum - scaleSumAtChange[i]);
    scaleSumAtChange[i] = scaleSum;
  }

  private void catchUpAll() {
    if (sumOfIterates != null) {
      for (int i = 0; i < dimension; i++) {
        catchUp(i);
      }
    }
  }

  /** Platt's sigmoid of a margin: the probability of the positive class. */
  double probability(double margin) {
    double z = plattA * margin + plattB;
    return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
  }

  /** One online step of Platt's log loss on (margin, +/-1 label), learning rate {@code rate}. */
  void updatePlatt(double margin, double y, double rate) {
    double target = y > 0 ? 1 : 0;
    double error = target - probability(margin);
    plattA -= rate * error * margin;
    plattB -= rate * error;
  }

  /**
   * Makes this the combination of {@code replicas} relative to {@code base}: the effective weights,
   * intercept and Platt parameters become {@code base + sum_r shares[r] (replica_r - base)}; the
   * step count and (averaging) the sums of iterates become {@code base + sum_r (replica_r - base)}.
   * {@code this} may be the base or a replica.
   */
  void combine(BinaryPegasos base, BinaryPegasos[] replicas, double[] shares) {
    double[] merged = new double[dimension];
    double[] sums = sumOfIterates == null ? null : new double[dimension];
    for (int i = 0; i < dimension; i++) {
      double w = base.scale * base.v[i];
      double sum = sums == null ? 0 : base.caughtUpSum(i);
      for (int r = 0; r < replicas.length; r++) {
        w += shares[r] * (replicas[r].scale * replicas[r].v[i] - base.scale * base.v[i]);
        if (sums != null) {
          sum += replicas[r].caughtUpSum(i) - base.caughtUpSum(i);
        }
      }
      merged[i] = w;
      if (sums != null) {
        sums[i] = sum;
      }
    }
    double mergedBiasV = base.scale * base.biasV;
    double mergedIntercept = base.interceptFree;
    double mergedA = base.plattA;
    double mergedB = base.plattB;
    double mergedScaleSum = base.scaleSum;
    double mergedBiasSum = base.biasSum;
    long mergedSteps = base.steps;
    for (int r = 0; r < replicas.length; r++) {
      BinaryPegasos x = replicas[r];
      mergedBiasV += shares[r] * (x.scale * x.biasV - base.scale * base.biasV);
      mergedIntercept += shares[r] * (x.interceptFree - base.interceptFree);
      mergedA += shares[r] * (x.plattA - base.plattA);
      mergedB += shares[r] * (x.plattB - base.plattB);
      mergedScaleSum += x.scaleSum - base.scaleSum;
      mergedBiasSum += x.biasSum - base.biasSum;
      mergedSteps += x.steps - base.steps;
    }
    System.arraycopy(merged, 0, v, 0, dimension);
    if (sums != null) {
      System.arraycopy(sums, 0, sumOfIterates, 0, dimension);
      Arrays.fill(scaleSumAtChange, mergedScaleSum);
    }
    scale = 1;
    biasV = mergedBiasV;
    interceptFree = mergedIntercept;
    normSq = Vectors.dot(v, v) + (bias == PegasosSvm.Bias.AUGMENTED ? biasV * biasV : 0);
    plattA = mergedA;
    plattB = mergedB;
    scaleSum = mergedScaleSum;
    biasSum = mergedBiasSum;
    steps = mergedSteps;
  }

  private double caughtUpSum(int i) {
    return sumOfIterates[i] + v[i] * (scaleSum - scaleSumAtChange[i]);
  }

  BinaryPegasos copy() {
    BinaryPegasos copy = new BinaryPegasos(dimension, bias, interceptRate, sumOfIterates != null);
    System.arraycopy(v, 0, copy.v, 0, dimension);
    copy.scale = scale;
    copy.biasV = biasV;
    copy.interceptFree = interceptFree;
    copy.normSq = normSq;
    if (sumOfIterates != null) {
      System.arraycopy(sumOfIterates, 0, copy.sumOfIterates, 0, dimension);
      System.arraycopy(scaleSumAtChange, 0, copy.scaleSumAtChange, 0, dimension);
    }
    copy.scaleSum = scaleSum;
    copy.biasSum = biasSum;
    copy.steps = steps;
    copy.plattA = plattA;
    copy.plattB = plattB;
    return copy;
  }

  void write(SnapshotWriter out) {
    out.writeDouble(scale).writeDouble(biasV).writeDouble(interceptFree).writeDouble(normSq)
        .writeDouble(scaleSum).writeDouble(biasSum).writeLong(steps).writeDouble(plattA)
        .writeDouble(plattB).writeDoubles(v);
    if (sumOfIterates != null) {
      out.writeDoubles(sumOfIterates).writeDoubles(scaleSumAtChange);
    }
  }

  void read(SnapshotReader in) {
    scale = in.readFiniteDouble("weight scale");
    if (!(scale > 0)) {
      throw in.error("weight scale", "must be > 0, got " + scale);
    }
    biasV = in.readFiniteDouble("bias feature weight");
    interceptFree = in.readFiniteDouble("intercept");
    normSq = in.readFiniteDouble("squared norm");
    scaleSum = in.readFiniteDouble("sum of scales");
    biasSum = in.readFiniteDouble("sum of intercepts");
    steps = in.readLong("steps", 0);
    plattA = in.readFiniteDouble("Platt A");
    plattB = in.readFiniteDouble("Platt B");
    System.arraycopy(in.readDoubles("weights", dimension, true), 0, v, 0, dimension);
    if (sumOfIterates != null) {
      System.arraycopy(in.readDoubles("sums of iterates", dimension, true), 0, sumOfIterates, 0,
          dimension);
      System.arraycopy(in.readDoubles("scale sums at last change", dimension, true), 0,
          scaleSumAtChange, 0, dimension);
    }
  }
}
