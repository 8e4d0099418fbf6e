package org.brookml.linear;

import java.util.List;
import java.util.Objects;
import org.brookml.internal.linalg.SquareMatrices;
import org.brookml.internal.merge.MergeChecks;
import org.brookml.learner.InputChecks;
import org.brookml.learner.Mergeable;
import org.brookml.learner.OnlineRegressor;
import org.brookml.learner.SizeLimits;
import org.brookml.vector.SparseVector;

/**
 * Recursive least squares: the exact online solution of (exponentially weighted) least squares,
 * with an intercept. For {@code z = [x, 1]} and forgetting factor {@code lambda} in (0, 1]:
 *
 * <pre>
 *   k = P z / (lambda + z' P z)
 *   w = w + k (y - w' z)
 *   P = (P - k z' P) / lambda
 * </pre>
 *
 * <p>{@code P} starts as {@code delta I}: after n examples with {@code lambda = 1} the weights are
 * the ridge solution with penalty {@code 1 / delta}, so a large {@code delta} gives ordinary least
 * squares. {@code lambda < 1} forgets old examples (weight {@code lambda^age}). Each update costs
 * O(d^2) ({@code P} is a row-major (d+1) x (d+1) array); it allocates nothing. Sample weights scale an
 * example's squared error. Not thread-safe.
 *
 * <p>Models merge in information form, {@code A = P^-1} and {@code b = A w}: statistics of disjoint
 * data add, so with {@code lambda = 1} merged models equal one model trained on all the data (the
 * prior counted once). With forgetting the same sums are taken; each model's own decay stays in
 * its statistics, which is an approximation.
 */
public final class RecursiveLeastSquares
    implements OnlineRegressor, Mergeable<RecursiveLeastSquares> {

  /** The most features: {@code P} then holds about 16.8 million values (134 MB). */
  public static final int MAX_DIMENSION = 1 << 12;

  final int dimension;
  final double lambda;
  final double delta;
  final double[] w;
  /** {@code P}, row-major {@code (d+1) x (d+1)}. */
  final double[] p;
  private final double[] z;
  private final double[] pz;
  private final double[] dense;
  long samplesSeen;

  private RecursiveLeastSquares(Builder b) {
    this.dimension = b.dimension;
    this.lambda = b.lambda;
    this.delta = b.delta;
    int n = dimension + 1;
    this.w = new double[n];
    this.p = new double[n * n];
    this.z = new double[n];
    this.pz = new double[n];
    this.dense = new double[dimension];
    reset();
  }

  /** A builder for {@code dimension >= 1} features. */
  public static Builder builder(int dimension) {
    return new Builder(dimension);
  }

  /** A builder preset with this model's configuration. */
  public Builder toBuilder() {
    return new Builder(dimension).forgetting(lambda).delta(delta);
  }

  @Override
  public void learn(double[] x, double y, double weight) {
    InputChecks.requireExample(x, dimension);
    update(x, y, weight);
  }

  @Override
  public void learn(SparseVector x, double y, double weight) {
    Objects.requireNonNull(x, "x");
    x.requireValid(dimension);
    update(x.toDense(dense), y, weight);
  }

  private void update(double[] x, double y, double weight) {
    InputChecks.requireTarget(y);
    InputChecks.requireWeight(weight);
    samplesSeen++;
    if (weight == 0) {
      return;
    }
    int n = dimension + 1;
    // A weight c scales the example's squared error: the same as z * sqrt(c), y * sqrt(c).
    double root = Math.sqrt(weight);
    for (int i = 0; i < dimension; i++) {
      z[i] = root * x[i];
    }
    z[dimension] = root;
    SquareMatrices.multiply(p, z, pz, n);
    double zPz = 0;
    double prediction = 0;
    for (int i = 0; i < n; i++) {
      zPz += z[i] * pz[i];
      prediction += w[i] * z[i];
    }
    double denominator = lambda + zPz;
    double error = root * y - prediction;
    for (int i = 0; i < n; i++) {
      w[i] += pz[i] / denominator * error;
    }
    // P is symmetric, so z' P = (P z)'; then P = (P - pz pz' / denominator) / lambda.
    SquareMatrices.rankOneUpdate(p, -1 / denominator, pz, 1 / lambda, n);
  }

  @Override
  public double predict(double[] x) {
    InputChecks.requireExample(x, dimension);
    double sum = w[dimension];
    for (int i = 0; i < dimension; i++) {
      sum += w[i] * x[i];
    }
    return sum;
  }

  @Override
  public double predict(SparseVector x) {
    Objects.requireNonNull(x, "x");
    x.requireValid(dimension);
    double sum = w[dimension];
    for (int k = 0; k < x.size(); k++) {
      sum += w[x.index(k)] * x.value(k);
    }
    return sum;
  }

  /**
   * Pools models trained on disjoint data: {@code A = sum A_i} less the extra priors ({@code
   * lambda^n_i I / delta} for each model but this one), {@code b = sum A_i w_i}, then
   * {@code P = A^-1}, {@code w = P b}.
   *
   * @throws IllegalArgumentException if a model differs in dimension, lambda or delta
   */
  @Override
  public void mergeFrom(List<? extends RecursiveLeastSquares> others) {
    MergeChecks.requireCompatible(this, others, RecursiveLeastSquares::mergeSignature);
    int n = dimension + 1;
    double[] a = information(this);
    double[] b = informationVector(this, a);
    long samples = samplesSeen;
    for (RecursiveLeastSquares other : others) {
      double[] ai = information(other);
      double[] bi = informationVector(other, ai);
      for (int i = 0; i < a.length; i++) {
        a[i] += ai[i];
      }
      double prior = Math.pow(lambda, other.samplesSeen) / delta;
      for (int i = 0; i < n; i++) {
        a[i * n + i] -= prior;
        b[i] += bi[i];
      }
      samples += other.samplesSeen;
    }
    install(a, b, samples);
  }

  /**
   * Adds what each replica (a copy of this model) learned since the copy, in information form:
   * {@code A = A_0 + sum (A_r - A_0)}, {@code b = b_0 + sum (b_r - b_0)}.
   *
   * @throws IllegalArgumentException if a replica is incompatible or has learned fewer examples
   */
  @Override
  public void addDeltas(List<? extends RecursiveLeastSquares> replicas) {
    MergeChecks.requireCompatible(this, replicas, RecursiveLeastSquares::mergeSignature);
    MergeChecks.learnedSinceBase(samplesSeen, replicas);
    int n = dimension + 1;
    double[] a0 = information(this);
    double[] b0 = informationVector(this, a0);
    double[] a = a0.clone();
    double[] b = b0.clone();
    long samples = samplesSeen;
    for (RecursiveLeastSquares replica : replicas) {
      double[] ar = information(replica);
      double[] br = informationVector(replica, ar);
      for (int i = 0; i < a.length; i++) {
        a[i] += ar[i] - a0[i];
      }
      for (int i = 0; i < n; i++) {
        b[i] += br[i] - b0[i];
      }
      samples += replica.samplesSeen() - samplesSeen;
    }
    install(a, b, samples);
  }

  private String mergeSignature() {
    return "RecursiveLeastSquares{dimension=" + dimension + ", lambda=" + lambda + ", delta="
        + delta + "}";
  }

  /** {@code A = P^-1}. */
  private static double[] information(RecursiveLeastSquares model) {
    double[] a = SquareMatrices.inverse(model.p, model.w.length);
    if (a == null) {
      throw new IllegalArgumentException("a model's P matrix is singular: " + model);
    }
    return a;
  }

  /** {@code b = A w}. */
  private static double[] informationVector(RecursiveLeastSquares model, double[] a) {
    double[] b = new double[model.w.length];
    SquareMatrices.multiply(a, model.w, b, b.length);
    return b;
  }

  /** {@code P = A^-1}, {@code w = P b}; nothing changes if {@code A} cannot be inverted. */
  private void install(double[] a, double[] b, long samples) {
    double[] inverse = SquareMatrices.inverse(a, w.length);
    if (inverse == null) {
      throw new IllegalArgumentException("the merged information matrix is singular");
    }
    System.arraycopy(inverse, 0, p, 0, p.length);
    SquareMatrices.multiply(inverse, b, w, w.length);
    samplesSeen = samples;
  }

  /** Weight {@code i}. */
  public double weight(int i) {
    return w[Objects.checkIndex(i, dimension)];
  }

  /** The intercept. */
  public double intercept() {
    return w[dimension];
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public long samplesSeen() {
    return samplesSeen;
  }

  @Override
  public RecursiveLeastSquares copy() {
    RecursiveLeastSquares copy = toBuilder().build();
    System.arraycopy(w, 0, copy.w, 0, w.length);
    System.arraycopy(p, 0, copy.p, 0, p.length);
    copy.samplesSeen = samplesSeen;
    return copy;
  }

  @Override
  public void reset() {
    java.util.Arrays.fill(w, 0);
    java.util.Arrays.fill(p, 0);
    for (int i = 0; i <= dimension; i++) {
      p[i * (dimension + 1) + i] = delta;
    }
    samplesSeen = 0;
  }

  @Override
  public String toString() {
    return "RecursiveLeastSquares{dimension=" + dimension + ", lambda=" + lambda + ", delta="
        + delta + ", samplesSeen=" + samplesSeen + "}";
  }

  /**
   * Fail-fast configuration of a {@link RecursiveLeastSquares}. Defaults: no forgetting
   * ({@code lambda = 1}) and {@code delta = 100}, a ridge penalty of 0.01 that a few hundred
   * examples outweigh.
   */
  public static final class Builder {
    private final int dimension;
    private double lambda = 1;
    private double delta = 100;

    private Builder(int dimension) {
      // P has (d + 1)^2 values, and an update costs as many operations.
      SizeLimits.within("dimension", dimension, 1, MAX_DIMENSION);
      this.dimension = dimension;
    }

    /** The forgetting factor in (0, 1]: an example of age a weighs {@code lambda^a}; 1 keeps all. */
    public Builder forgetting(double lambda) {
      if (!(lambda > 0 && lambda <= 1)) {
        throw new IllegalArgumentException("lambda must be in (0, 1], got " + lambda);
      }
      this.lambda = lambda;
      return this;
    }

    /** The initial scale of {@code P}, {@code > 0}: large means a weak prior (ridge 1/delta). */
    public Builder delta(double delta) {
      if (!(delta > 0) || Double.isInfinite(delta)) {
        throw new IllegalArgumentException("delta must be finite and > 0, got " + delta);
      }
      this.delta = delta;
      return this;
    }

    /** A new, untrained model. */
    public RecursiveLeastSquares build() {
      return new RecursiveLeastSquares(this);
    }
  }
}
