package org.brookml.internal.stats;

/**
 * Many streaming quantile estimates at once, each by the P-square algorithm (Jain and Chlamtac,
 * "The P2 algorithm for dynamic calculation of quantiles and histograms without storing
 * observations", CACM 1985): five markers whose heights approximate the minimum, the p/2, p and
 * (1+p)/2 quantiles and the maximum, moved by piecewise-parabolic interpolation. O(1) memory and
 * time per value; before the fifth value the estimate is the nearest-rank quantile of the values
 * seen. State is flat arrays, so that {@link #copyFrom} is a few array copies and an update
 * allocates nothing.
 */
public final class P2Quantiles {

  private static final int MARKERS = 5;

  private final double[] quantiles; // p of each estimator
  private final double[] heights;   // q, 5 per estimator
  private final double[] positions; // n, 5 per estimator
  private final double[] desired;   // n', 5 per estimator
  private final long[] counts;

  /** One estimator per entry of {@code ps}, each in (0, 1). */
  public P2Quantiles(double[] ps) {
    quantiles = ps.clone();
    for (double p : quantiles) {
      if (!(p > 0 && p < 1)) {
        throw new IllegalArgumentException("quantile must be in (0, 1), got " + p);
      }
    }
    int cells = Math.multiplyExact(MARKERS, ps.length);
    heights = new double[cells];
    positions = new double[cells];
    desired = new double[cells];
    counts = new long[ps.length];
  }

  /** Number of estimators. */
  public int size() {
    return counts.length;
  }

  /** The quantile estimator {@code e} tracks. */
  public double quantile(int e) {
    return quantiles[e];
  }

  /** Values estimator {@code e} has seen. */
  public long count(int e) {
    return counts[e];
  }

  /** Adds a finite value to estimator {@code e}. */
  public void add(int e, double x) {
    int at = e * MARKERS;
    long n = counts[e]++;
    if (n < MARKERS) {
      int i = (int) n;
      while (i > 0 && heights[at + i - 1] > x) { // insertion into the sorted first values
        heights[at + i] = heights[at + i - 1];
        i--;
      }
      heights[at + i] = x;
      if (n == MARKERS - 1) {
        double p = quantiles[e];
        for (int k = 0; k < MARKERS; k++) {
          positions[at + k] = k + 1;
        }
        desired[at] = 1;
        desired[at + 1] = 1 + 2 * p;
        desired[at + 2] = 1 + 4 * p;
        desired[at + 3] = 3 + 2 * p;
        desired[at + 4] = 5;
      }
      return;
    }
    int cell;
    if (x < heights[at]) {
      heights[at] = x;
      cell = 0;
    } else if (x >= heights[at + 4]) {
      heights[at + 4] = x;
      cell = 3;
    } else {
      cell = 0;
      while (x >= heights[at + cell + 1]) {
        cell++;
      }
    }
    for (int k = cell + 1; k < MARKERS; k++) {
      positions[at + k]++;
    }
    double p = quantiles[e];
    desired[at + 1] += p / 2;
    desired[at + 2] += p;
    desired[at + 3] += (1 + p) / 2;
    desired[at + 4] += 1;
    for (int k = 1; k <= 3; k++) {
      adjust(at, k);
    }
  }

  private void adjust(int at, int k) {
    double[] q = heights;
    double[] m = positions;
    double d = desired[at + k] - m[at + k];
    if ((d >= 1 && m[at + k + 1] - m[at + k] > 1) || (d <= -1 && m[at + k - 1] - m[at + k] < -1)) {
      int s = d > 0 ? 1 : -1;
      double qk = q[at + k];
      double below = q[at + k - 1];
      double above = q[at + k + 1];
      double nk = m[at + k];
      double nBelow = m[at + k - 1];
      double nAbove = m[at + k + 1];
      double parabolic = qk + s / (nAbove - nBelow)
          * ((nk - nBelow + s) * (above - qk) / (nAbove - nk)
              + (nAbove - nk - s) * (qk - below) / (nk - nBelow));
      if (below < parabolic && parabolic < above) {
        q[at + k] = parabolic;
      } else {
        q[at + k] = qk + s * (q[at + k + s] - qk) / (m[at + k + s] - nk);
      }
      m[at + k] += s;
    }
  }

  /**
   * Estimator {@code e}'s current estimate: the middle marker once it has seen five values, the
   * nearest-rank quantile of the values seen before that, 0 before any.
   */
  public double estimate(int e) {
    long n = counts[e];
    int at = e * MARKERS;
    if (n >= MARKERS) {
      return heights[at + 2];
    }
    if (n == 0) {
      return 0;
    }
    return heights[at + (int) Math.round(quantiles[e] * (n - 1))];
  }

  /** Makes this equal to {@code other}, which tracks the same quantiles; allocates nothing. */
  public void copyFrom(P2Quantiles other) {
    System.arraycopy(other.heights, 0, heights, 0, heights.length);
    System.arraycopy(other.positions, 0, positions, 0, positions.length);
    System.arraycopy(other.desired, 0, desired, 0, desired.length);
    System.arraycopy(other.counts, 0, counts, 0, counts.length);
  }

  /** Forgets every value. */
  public void clear() {
    java.util.Arrays.fill(heights, 0);
    java.util.Arrays.fill(positions, 0);
    java.util.Arrays.fill(desired, 0);
    java.util.Arrays.fill(counts, 0);
  }

  /** The live state arrays for a codec, in the order heights, positions, desired positions. */
  public double[][] markers() {
    return new double[][] {heights, positions, desired};
  }

  /** The live per-estimator counts, for a codec. */
  public long[] counts() {
    return counts;
  }
}
