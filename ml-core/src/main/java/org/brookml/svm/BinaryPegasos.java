package org.brookml.svm;

import org.brookml.internal.optim.ScaledWeights;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.vector.SparseVector;
import org.brookml.vector.Vectors;

/**
 * One binary Pegasos model (labels -1 and +1): the weight vector kept as {@code w = s v}
 * ({@link ScaledWeights}, shared with SGD, with its lazy sums of iterates when averaging) so the
 * shrink {@code (1 - eta lambda)} and the projection are O(1), and {@code ||v||^2} kept up to date
 * so the projection needs no pass over the weights. The intercept is either a regularized constant
 * feature ({@link PegasosSvm.Bias#AUGMENTED}, stored in {@code v}'s units) or an unregularized
 * term whose steps are scaled by the intercept rate.
 */
final class BinaryPegasos {

  private final int dimension;
  private final PegasosSvm.Bias bias;
  private final double interceptRate;
  private final boolean averaging;
  private final ScaledWeights weights;
  private double biasV; // AUGMENTED: the constant feature's weight, in v's units
  private double interceptFree; // UNREGULARIZED intercept
  private double normSq; // ||v||^2, bias feature included when AUGMENTED
  private double biasSum; // sum over steps of the effective intercept
  // Online Platt scaling of the margin: P(y = +1 | f) = 1 / (1 + exp(plattA f + plattB)).
  /** The flattest Platt slope allowed: probabilities must still follow the margin. */
  static final double MIN_SLOPE = 1e-9;

  private double plattA;
  private double plattB;

  BinaryPegasos(int dimension, PegasosSvm.Bias bias, double interceptRate, boolean averaging) {
    this.dimension = dimension;
    this.bias = bias;
    this.interceptRate = interceptRate;
    this.averaging = averaging;
    this.weights = new ScaledWeights(dimension, averaging);
    reset();
  }

  void reset() {
    weights.reset();
    biasV = 0;
    interceptFree = 0;
    normSq = 0;
    biasSum = 0;
    plattA = -1;
    plattB = 0;
  }

  private double intercept() {
    return bias == PegasosSvm.Bias.AUGMENTED ? weights.scale() * biasV : interceptFree;
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
    return weights.dot(xs, offset);
  }

  /** The margin for a precomputed {@code v . x}. */
  double marginFromDot(double vDotX) {
    return weights.scale() * vDotX + intercept();
  }

  double margin(SparseVector x) {
    return weights.scale() * weights.dot(x) + intercept();
  }

  /** The margin predictions use: the averaged model's when averaging. */
  double predictionMargin(double[] x) {
    return weights.hasAverage() ? weights.averagedDot(x, 0) + biasSum / weights.steps()
        : margin(x);
  }

  double predictionMargin(SparseVector x) {
    return weights.hasAverage() ? weights.averagedDot(x) + biasSum / weights.steps() : margin(x);
  }

  double weight(int i) {
    return weights.weight(i);
  }

  double bias() {
    return weights.hasAverage() ? biasSum / weights.steps() : intercept();
  }

  /**
   * {@code w <- (1 - eta lambda) w}; at t = 1 that factor is 0 and the weights restart at 0.
   *
   * @return the factor {@code v} itself was multiplied by: 1 unless the scale was folded into
   *     {@code v} (0 on a restart), so a {@code v . x} computed before stays valid times it
   */
  double shrink(double factor) {
    if (factor <= 0) {
      weights.restartAtZero();
      biasV = 0;
      normSq = 0;
      return 0;
    }
    double folded = weights.shrink(factor);
    if (folded != 1) {
      biasV *= folded;
      normSq *= folded * folded;
    }
    return folded;
  }

  /**
   * {@code w += c x} for the violating row {@code xs[offset .. offset + dimension)}, given
   * {@code v . x} as it is now (the shrink does not change {@code v}).
   */
  void add(double c, double[] xs, int offset, double vDotX) {
    double step = c / weights.scale();
    normSq += 2 * step * vDotX + step * step * Vectors.dot(xs, offset, xs, offset, dimension);
    weights.add(step, xs, offset);
    addToBias(c, step);
  }

  /** {@code w += c x} for a sparse violator. */
  void add(double c, SparseVector x) {
    double step = c / weights.scale();
    weights.catchUp(x);
    // Sum of squares per entry: a repeated index would make this differ from ||x||^2, so compute
    // the change of ||v||^2 entry by entry as the update goes.
    double[] v = weights.v();
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
    double norm = weights.scale() * Math.sqrt(Math.max(0, normSq));
    if (norm > radius) {
      weights.multiplyScale(radius / norm);
    }
  }

  /** Ends a step: adds the new iterate to the averages. */
  void finishStep() {
    weights.finishStep();
    biasSum += intercept();
  }

  /** Platt's sigmoid of a margin: the probability of the positive class. */
  double probability(double margin) {
    double z = plattA * margin + plattB;
    return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
  }

  /** The log of {@link #probability}, accurate where the probability itself underflows to 0. */
  double logProbability(double margin) {
    double z = plattA * margin + plattB;
    return z >= 0 ? -z - Math.log1p(Math.exp(-z)) : -Math.log1p(Math.exp(z));
  }

  /** This model's term of the log-loss gradient of the Platt slope on (margin, +/-1 label). */
  double plattGradient(double margin, double y) {
    double target = y > 0 ? 1 : 0;
    return (target - probability(margin)) * margin;
  }

  /**
   * One step of the Platt slope, {@code A -= rate * gradient}, kept at or below
   * {@code -MIN_SLOPE}; the offset {@code B} is not learned (it stays as restored, 0 in new
   * models). See {@link PegasosSvm} for why.
   */
  void stepPlattSlope(double gradient, double rate) {
    plattA = Math.min(-MIN_SLOPE, plattA - rate * gradient);
  }

  /**
   * Makes this the combination of {@code replicas} relative to {@code base}: the effective weights,
   * intercept and Platt parameters become {@code base + sum_r shares[r] (replica_r - base)}; the
   * step count and (averaging) the sums of iterates become {@code base + sum_r (replica_r - base)}.
   * {@code this} may be the base or a replica.
   */
  void combine(BinaryPegasos base, BinaryPegasos[] replicas, double[] shares) {
    double baseScale = base.weights.scale();
    double mergedBiasV = baseScale * base.biasV;
    double mergedIntercept = base.interceptFree;
    double mergedA = base.plattA;
    double mergedB = base.plattB;
    double mergedBiasSum = base.biasSum;
    ScaledWeights[] replicaWeights = new ScaledWeights[replicas.length];
    for (int r = 0; r < replicas.length; r++) {
      BinaryPegasos x = replicas[r];
      mergedBiasV += shares[r] * (x.weights.scale() * x.biasV - baseScale * base.biasV);
      mergedIntercept += shares[r] * (x.interceptFree - base.interceptFree);
      mergedA += shares[r] * (x.plattA - base.plattA);
      mergedB += shares[r] * (x.plattB - base.plattB);
      mergedBiasSum += x.biasSum - base.biasSum;
      replicaWeights[r] = x.weights;
    }
    weights.combine(base.weights, replicaWeights, shares);
    biasV = mergedBiasV;
    interceptFree = mergedIntercept;
    double[] v = weights.v();
    normSq = Vectors.dot(v, v) + (bias == PegasosSvm.Bias.AUGMENTED ? biasV * biasV : 0);
    plattA = mergedA;
    plattB = mergedB;
    biasSum = mergedBiasSum;
  }

  BinaryPegasos copy() {
    BinaryPegasos copy = new BinaryPegasos(dimension, bias, interceptRate, averaging);
    copy.weights.copyFrom(weights);
    copy.biasV = biasV;
    copy.interceptFree = interceptFree;
    copy.normSq = normSq;
    copy.biasSum = biasSum;
    copy.plattA = plattA;
    copy.plattB = plattB;
    return copy;
  }

  void write(SnapshotWriter out) {
    out.writeDouble(weights.scale()).writeDouble(biasV).writeDouble(interceptFree)
        .writeDouble(normSq).writeDouble(weights.scaleSum()).writeDouble(biasSum)
        .writeLong(weights.steps()).writeDouble(plattA).writeDouble(plattB)
        .writeDoubles(weights.v());
    if (averaging) {
      out.writeDoubles(weights.sumOfIterates()).writeDoubles(weights.scaleSumAtChange());
    }
  }

  void read(SnapshotReader in) {
    double scale = in.readFiniteDouble("weight scale");
    if (!(scale > 0)) {
      throw in.error("weight scale", "must be > 0, got " + scale);
    }
    biasV = in.readFiniteDouble("bias feature weight");
    interceptFree = in.readFiniteDouble("intercept");
    normSq = in.readFiniteDouble("squared norm");
    double scaleSum = in.readFiniteDouble("sum of scales");
    biasSum = in.readFiniteDouble("sum of intercepts");
    long steps = in.readLong("steps", 0);
    plattA = in.readFiniteDouble("Platt A");
    plattB = in.readFiniteDouble("Platt B");
    System.arraycopy(in.readDoubles("weights", dimension, true), 0, weights.v(), 0, dimension);
    if (averaging) {
      System.arraycopy(in.readDoubles("sums of iterates", dimension, true), 0,
          weights.sumOfIterates(), 0, dimension);
      System.arraycopy(in.readDoubles("scale sums at last change", dimension, true), 0,
          weights.scaleSumAtChange(), 0, dimension);
    }
    weights.restore(in, scale, scaleSum, steps);
  }
}
