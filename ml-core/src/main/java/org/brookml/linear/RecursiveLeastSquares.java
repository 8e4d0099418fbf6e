package org.brookml.linear;

import java.util.List;
import java.util.Objects;
import org.brookml.internal.merge.MergeChecks;
import org.brookml.learner.InputChecks;
import org.brookml.learner.Mergeable;
import org.brookml.learner.OnlineRegressor;
import org.brookml.vector.SparseVector;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

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
 * O(d^2) ({@code P} is a (d+1) x (d+1) EJML matrix); it allocates nothing. Sample weights scale an
 * example's squared error. Not thread-safe.
 *
 * <p>Models merge in information form, {@code A = P^-1} and {@code b = A w}: statistics of disjoint
 * data add, so with {@code lambda = 1} merged models equal one model trained on all the data (the
 * prior counted once). With forgetting the same sums are taken; each model's own decay stays in
 * its statistics, which is an approximation.
 */
public final class RecursiveLeastSquares
    implements OnlineRegressor, Mergeable<RecursiveLeastSquares> {

  final int dimension;
  final double lambda;
  final double delta;
  final double[] w;
  final DMatrixRMaj p;
  private final DMatrixRMaj z;
  private final DMatrixRMaj pz;
  private final DMatrixRMaj zp;
  private final double[] dense;
  long samplesSeen;

  private RecursiveLeastSquares(Builder b) {
    this.dimension = b.dimension;
    this.lambda = b.lambda;
    this.delta = b.delta;
    int n = dimension + 1;
    this.w = new double[n];
    this.p = new DMatrixRMaj(n, n);
    this.z = new DMatrixRMaj(n, 1);
    this.pz = new DMatrixRMaj(n, 1);
    this.zp = new DMatrixRMaj(1, n);
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
    if (!Double.isFinite(y)) {
      throw new IllegalArgumentException("target y is not finite: " + y);
    }
    InputChecks.requireWeight(weight);
    samplesSeen++;
    if (weight == 0) {
      return;
    }
    System.arraycopy(x, 0, z.data, 0, dimension);
    z.data[dimension] = 1;
    // A weight c scales the example's squared error: the same as z * sqrt(c), y * sqrt(c).
    double root = Math.sqrt(weight);
    CommonOps_DDRM.scale(root, z);
    CommonOps_DDRM.mult(p, z, pz);
    double denominator = lambda + CommonOps_DDRM.dot(z, pz);
    double error = root * y - dot(z.data);
    // P is symmetric, so z' P = (P z)'; then P = (P - pz pz' / denominator) / lambda.
    System.arraycopy(pz.data, 0, zp.data, 0, dimension + 1);
    for (int i = 0; i <= dimension; i++) {
      w[i] += pz.data[i] / denominator * error;
    }
    CommonOps_DDRM.multAdd(-1 / denominator, pz, zp, p);
    CommonOps_DDRM.scale(1 / lambda, p);
  }

  private double dot(double[] values) {
    double sum = 0;
    for (int i = 0; i <= dimension; i++) {
      sum += w[i] * values[i];
    }
    return sum;
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
    DMatrixRMaj a = information(this);
    double[] b = informationVector(this, a);
    long samples = samplesSeen;
    for (RecursiveLeastSquares other : others) {
      DMatrixRMaj ai = information(other);
      double[] bi = informationVector(other, ai);
      CommonOps_DDRM.addEquals(a, ai);
      double prior = Math.pow(lambda, other.samplesSeen) / delta;
      for (int i = 0; i < n; i++) {
        a.add(i, i, -prior);
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
    DMatrixRMaj a0 = information(this);
    double[] b0 = informationVector(this, a0);
    DMatrixRMaj a = a0.copy();
    double[] b = b0.clone();
    long samples = samplesSeen;
    for (RecursiveLeastSquares replica : replicas) {
      DMatrixRMaj ar = information(replica);
      double[] br = informationVector(replica, ar);
      CommonOps_DDRM.addEquals(a, ar);
      CommonOps_DDRM.subtractEquals(a, a0);
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
  private static DMatrixRMaj information(RecursiveLeastSquares model) {
    DMatrixRMaj a = new DMatrixRMaj(model.p.numRows, model.p.numCols);
    if (!CommonOps_DDRM.invert(model.p, a)) {
      throw new IllegalArgumentException("a model's P matrix is singular: " + model);
    }
    return a;
  }

  /** {@code b = A w}. */
  private static double[] informationVector(RecursiveLeastSquares model, DMatrixRMaj a) {
    double[] b = new double[model.w.length];
    for (int i = 0; i < b.length; i++) {
      for (int j = 0; j < b.length; j++) {
        b[i] += a.get(i, j) * model.w[j];
      }
    }
    return b;
  }

  /** {@code P = A^-1}, {@code w = P b}; nothing changes if {@code A} cannot be inverted. */
  private void install(DMatrixRMaj a, double[] b, long samples) {
    DMatrixRMaj inverse = new DMatrixRMaj(a.numRows, a.numCols);
    if (!CommonOps_DDRM.invert(a, inverse)) {
      throw new IllegalArgumentException("the merged information matrix is singular");
    }
    p.setTo(inverse);
    for (int i = 0; i < w.length; i++) {
      double sum = 0;
      for (int j = 0; j < w.length; j++) {
        sum += inverse.get(i, j) * b[j];
      }
      w[i] = sum;
    }
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
    copy.p.setTo(p);
    copy.samplesSeen = samplesSeen;
    return copy;
  }

  @Override
  public void reset() {
    java.util.Arrays.fill(w, 0);
    CommonOps_DDRM.setIdentity(p);
    CommonOps_DDRM.scale(delta, p);
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
      if (dimension < 1 || dimension > 1 << 14) {
        throw new IllegalArgumentException("dimension must be in 1..16384 (P has (d+1)^2 "
            + "values), got " + dimension);
      }
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
