package org.brookml.data;

import java.util.Arrays;
import org.brookml.internal.random.SplitMix64;

/**
 * An endless stream of points drawn from {@code k} isotropic Gaussian blobs, optionally drifting.
 * Blob centres start uniformly in {@code [-spread, spread]^d}; with a drift speed {@code s > 0},
 * every centre moves {@code s} per emitted point along its own random unit direction, bouncing off
 * the walls of that box. Each point picks a blob uniformly. Seeded: the same settings and seed give
 * the same stream. Not thread-safe.
 */
public final class GaussianBlobs {

  private final int k;
  private final int dimension;
  private final double sigma;
  private final double spread;
  private final double driftPerPoint;
  private final double[] centers;
  private final double[] directions;
  private final SplitMix64 random;
  private long emitted;

  /**
   * @param k number of blobs, at least 1
   * @param dimension features per point, at least 1
   * @param sigma standard deviation of each blob per coordinate, at least 0
   * @param spread half-width of the box the centres live in, above 0
   * @param driftPerPoint distance every centre moves per emitted point, at least 0
   * @param seed random seed
   */
  public GaussianBlobs(int k, int dimension, double sigma, double spread, double driftPerPoint,
      long seed) {
    if (k < 1 || dimension < 1) {
      throw new IllegalArgumentException("k and dimension must be >= 1, got " + k + ", " + dimension);
    }
    if (!(sigma >= 0) || !(spread > 0) || !(driftPerPoint >= 0)
        || Double.isInfinite(sigma + spread + driftPerPoint)) {
      throw new IllegalArgumentException("need sigma >= 0, spread > 0, drift >= 0, all finite; got "
          + sigma + ", " + spread + ", " + driftPerPoint);
    }
    this.k = k;
    this.dimension = dimension;
    this.sigma = sigma;
    this.spread = spread;
    this.driftPerPoint = driftPerPoint;
    this.random = new SplitMix64(seed);
    this.centers = new double[k * dimension];
    this.directions = new double[k * dimension];
    for (int i = 0; i < centers.length; i++) {
      centers[i] = (2 * random.nextDouble() - 1) * spread;
    }
    for (int c = 0; c < k; c++) {
      double norm = 0;
      for (int j = 0; j < dimension; j++) {
        double g = random.nextGaussian();
        directions[c * dimension + j] = g;
        norm += g * g;
      }
      norm = Math.sqrt(norm);
      for (int j = 0; j < dimension; j++) {
        directions[c * dimension + j] /= norm;
      }
    }
  }

  /** Writes the next point into {@code out} (length {@code dimension}) and returns its blob. */
  public int next(double[] out) {
    return next(out, 0);
  }

  /** Writes the next point into {@code out[offset ..]} and returns its blob. */
  public int next(double[] out, int offset) {
    int blob = random.nextInt(k);
    for (int j = 0; j < dimension; j++) {
      out[offset + j] = centers[blob * dimension + j] + sigma * random.nextGaussian();
    }
    if (driftPerPoint > 0) {
      move();
    }
    emitted++;
    return blob;
  }

  /** Fills {@code rows} rows of the row-major {@code xs}; writes blobs to {@code labels} if not null. */
  public void fill(double[] xs, int rows, int[] labels) {
    for (int r = 0; r < rows; r++) {
      int blob = next(xs, r * dimension);
      if (labels != null) {
        labels[r] = blob;
      }
    }
  }

  private void move() {
    for (int i = 0; i < centers.length; i++) {
      double next = centers[i] + driftPerPoint * directions[i];
      if (next > spread || next < -spread) {
        directions[i] = -directions[i];
        next = centers[i] + driftPerPoint * directions[i];
      }
      centers[i] = next;
    }
  }

  /** Current blob centres, one row per blob (a copy). */
  public double[][] centers() {
    double[][] rows = new double[k][];
    for (int c = 0; c < k; c++) {
      rows[c] = Arrays.copyOfRange(centers, c * dimension, (c + 1) * dimension);
    }
    return rows;
  }

  /** Number of blobs. */
  public int k() {
    return k;
  }

  /** Features per point. */
  public int dimension() {
    return dimension;
  }

  /** Points emitted so far. */
  public long emitted() {
    return emitted;
  }
}
