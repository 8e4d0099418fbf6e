package org.brookml.bench.cluster;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.brookml.bench.ReadCeiling;

/**
 * The compute ceiling of mini-batch k-means: the distance computation alone. For every row it
 * computes {@code |c|^2 - 2 x.c} for every centre, the score the nearest-centre search compares,
 * with nothing else: no argument checks, no choice of the nearest centre, no update. Centres are
 * stored coordinate-major and four rows share each load of {@code 2 * lanes} centre coordinates,
 * so eight multiply-add chains are in flight. The smallest score seen is returned, to keep the work
 * alive. Needs {@code --add-modules jdk.incubator.vector} at run time. Its lanes are as wide as
 * Brook's kernels' ({@code brook.vector.bits}): one species per JVM, as the kernels need.
 */
final class DistanceCeiling {

  private static final VectorSpecies<Double> SPECIES = ReadCeiling.DOUBLES;
  private static final int LANES = SPECIES.length();

  private final int d;
  private final int stride;
  private final double[] transposed;
  private final double[] norms;

  /** Prepares the centres; their count is padded to a multiple of {@code 2 * lanes}. */
  DistanceCeiling(double[][] centers) {
    d = centers[0].length;
    stride = (centers.length + 2 * LANES - 1) / (2 * LANES) * (2 * LANES);
    transposed = new double[d * stride];
    norms = new double[stride];
    Arrays.fill(norms, Double.POSITIVE_INFINITY);
    for (int c = 0; c < centers.length; c++) {
      double norm = 0;
      for (int j = 0; j < d; j++) {
        transposed[j * stride + c] = centers[c][j];
        norm += centers[c][j] * centers[c][j];
      }
      norms[c] = norm;
    }
  }

  /** Scores {@code rows & ~3} rows of {@code xs} against every centre; the least score. */
  double scoreRows(double[] xs, int rows) {
    DoubleVector least = DoubleVector.broadcast(SPECIES, Double.POSITIVE_INFINITY);
    for (int r = 0; r + 3 < rows; r += 4) {
      int x0 = r * d;
      for (int block = 0; block < stride; block += 2 * LANES) {
        DoubleVector a0 = DoubleVector.zero(SPECIES);
        DoubleVector a1 = a0;
        DoubleVector b0 = a0;
        DoubleVector b1 = a0;
        DoubleVector c0 = a0;
        DoubleVector c1 = a0;
        DoubleVector e0 = a0;
        DoubleVector e1 = a0;
        for (int j = 0; j < d; j++) {
          int at = j * stride + block;
          DoubleVector t0 = DoubleVector.fromArray(SPECIES, transposed, at);
          DoubleVector t1 = DoubleVector.fromArray(SPECIES, transposed, at + LANES);
          DoubleVector x = DoubleVector.broadcast(SPECIES, xs[x0 + j]);
          a0 = t0.fma(x, a0);
          a1 = t1.fma(x, a1);
          x = DoubleVector.broadcast(SPECIES, xs[x0 + d + j]);
          b0 = t0.fma(x, b0);
          b1 = t1.fma(x, b1);
          x = DoubleVector.broadcast(SPECIES, xs[x0 + 2 * d + j]);
          c0 = t0.fma(x, c0);
          c1 = t1.fma(x, c1);
          x = DoubleVector.broadcast(SPECIES, xs[x0 + 3 * d + j]);
          e0 = t0.fma(x, e0);
          e1 = t1.fma(x, e1);
        }
        DoubleVector n0 = DoubleVector.fromArray(SPECIES, norms, block);
        DoubleVector n1 = DoubleVector.fromArray(SPECIES, norms, block + LANES);
        DoubleVector rowsAB = a0.mul(-2.0).add(n0).min(a1.mul(-2.0).add(n1))
            .min(b0.mul(-2.0).add(n0).min(b1.mul(-2.0).add(n1)));
        DoubleVector rowsCE = c0.mul(-2.0).add(n0).min(c1.mul(-2.0).add(n1))
            .min(e0.mul(-2.0).add(n0).min(e1.mul(-2.0).add(n1)));
        least = least.min(rowsAB.min(rowsCE));
      }
    }
    return least.reduceLanes(VectorOperators.MIN);
  }
}
