package org.brookml.linear;

import java.util.Objects;
import org.brookml.io.ModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.io.Snapshots;
import org.brookml.learner.Batches;
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
 */
public final class RecursiveLeastSquares implements OnlineRegressor {

  private static final ModelCodec<RecursiveLeastSquares> CODEC = new Codec();

  private final int dimension;
  private final double lambda;
  private final double delta;
  private final double[] w;
  private final DMatrixRMaj p;
  private final DMatrixRMaj z;
  private final DMatrixRMaj pz;
  private final DMatrixRMaj zp;
  private final double[] dense;
  private long samplesSeen;

  private RecursiveLeastSquares(int dimension, double lambda, double delta) {
    this.dimension = dimension;
    this.lambda = lambda;
    this.delta = delta;
    int n = dimension + 1;
    this.w = new double[n];
    this.p = new DMatrixRMaj(n, n);
    this.z = new DMatrixRMaj(n, 1);
    this.pz = new DMatrixRMaj(n, 1);
    this.zp = new DMatrixRMaj(1, n);
    this.dense = new double[dimension];
    reset();
  }

  /**
   * A model over {@code dimension} features.
   *
   * @param lambda forgetting factor in (0, 1]; 1 never forgets
   * @param delta initial scale of {@code P}, {@code > 0}; large means weak prior (ridge 1/delta)
   */
  public static RecursiveLeastSquares create(int dimension, double lambda, double delta) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
    }
    if (!(lambda > 0 && lambda <= 1)) {
      throw new IllegalArgumentException("lambda must be in (0, 1], got " + lambda);
    }
    if (!(delta > 0) || Double.isInfinite(delta)) {
      throw new IllegalArgumentException("delta must be finite and > 0, got " + delta);
    }
    return new RecursiveLeastSquares(dimension, lambda, delta);
  }

  /** The codec that snapshots this model type; registered with {@link Snapshots}. */
  public static ModelCodec<RecursiveLeastSquares> codec() {
    return CODEC;
  }

  @Override
  public void learn(double[] x, double y, double weight) {
    Batches.requireExample(x, dimension);
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
    Batches.requireWeight(weight);
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
    Batches.requireExample(x, dimension);
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
    RecursiveLeastSquares copy = new RecursiveLeastSquares(dimension, lambda, delta);
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

  private static final class Codec implements ModelCodec<RecursiveLeastSquares> {
    @Override
    public String modelType() {
      return "brook.linear.RecursiveLeastSquares";
    }

    @Override
    public Class<RecursiveLeastSquares> modelClass() {
      return RecursiveLeastSquares.class;
    }

    @Override
    public int stateVersion() {
      return 1;
    }

    @Override
    public void write(RecursiveLeastSquares m, SnapshotWriter out) {
      out.writeInt(m.dimension).writeDouble(m.lambda).writeDouble(m.delta)
          .writeLong(m.samplesSeen).writeDoubles(m.w).writeDoubles(m.p.data);
    }

    @Override
    public RecursiveLeastSquares read(SnapshotReader in, int stateVersion) {
      int dimension = in.readInt("dimension", 1, 1 << 14);
      long n = dimension + 1L;
      if (8 * n * n > in.remaining()) {
        throw in.error("dimension", dimension + " does not fit the snapshot");
      }
      RecursiveLeastSquares model = create(dimension, in.readDouble("lambda"),
          in.readDouble("delta"));
      model.samplesSeen = in.readLong("samples seen", 0);
      System.arraycopy(in.readDoubles("weights", dimension + 1, true), 0, model.w, 0,
          dimension + 1);
      System.arraycopy(in.readDoubles("P", (int) (n * n), true), 0, model.p.data, 0,
          (int) (n * n));
      return model;
    }
  }
}
