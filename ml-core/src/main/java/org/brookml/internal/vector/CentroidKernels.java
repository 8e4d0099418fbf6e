package org.brookml.internal.vector;

/**
 * Nearest-centre search for k-means over centres stored coordinate-major, for one point or a block
 * of rows, and the moves of a centre toward the rows assigned to it. No argument checking: callers
 * have checked every range.
 */
public interface CentroidKernels {

  /**
   * Index of the centre with the smallest {@code norms[c] - 2 * (x . centre c)}, that is the centre
   * nearest to {@code x} in Euclidean distance.
   *
   * @param x the point, read at {@code x[xOff .. xOff+d)}
   * @param transposedCenters centre coordinates laid out coordinate-major: coordinate {@code j} of
   *     centre {@code c} is at {@code j * stride + c}; {@code stride} is a multiple of 16
   * @param norms squared norms of the centres, {@code +Infinity} in padding slots
   * @param scratch at least {@code stride} doubles, overwritten
   */
  int nearestCenter(
      double[] x, int xOff, int d, double[] transposedCenters, double[] norms, int stride,
      double[] scratch);

  /**
   * {@link #nearestCenter} for each of {@code rows} consecutive rows of {@code d} values starting at
   * {@code xs[xOff]}; row {@code r}'s answer goes to {@code out[r]}. Implementations may process
   * several rows at once, which hides the latency of the multiply-adds.
   *
   * @return whether every row's best score was finite; false whenever a row holds a NaN or an
   *     infinity (every score of such a row is then NaN or infinite), so callers may skip checking
   *     finiteness up front and check only when this returns false
   */
  boolean nearestCenters(
      double[] xs, int xOff, int rows, int d, double[] transposedCenters, double[] norms,
      int stride, int[] out, double[] scratch);

  /**
   * Moves one centre toward rows in turn: for {@code i} from {@code from} to {@code to - 1}, with
   * row {@code r = rows[i]}, {@code c[cOff+j] += etas[i] * (xs[xOff + r*d + j] - c[cOff+j])} for
   * every {@code j < d}. Each coordinate gets the same operations, in the same order, as it would
   * from one call per row, so the centre's bits do not depend on how the rows are grouped;
   * implementations may fuse the multiply and the add, the same way for every call. The centre
   * stays in registers across rows, which spares a store and a load per coordinate and row.
   */
  void moveTowardRows(double[] xs, int xOff, int d, int[] rows, int from, int to, double[] etas,
      double[] c, int cOff);
}
