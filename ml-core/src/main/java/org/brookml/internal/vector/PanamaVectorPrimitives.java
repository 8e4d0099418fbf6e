package org.brookml.internal.vector;

import static org.brookml.internal.vector.PanamaSupport.LANES;
import static org.brookml.internal.vector.PanamaSupport.SPECIES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/** {@link VectorPrimitives} on the incubating Vector API; see {@link PanamaSupport}. */
final class PanamaVectorPrimitives implements VectorPrimitives {

  /** Ints as many to a vector as {@link PanamaSupport#SPECIES} holds doubles, and longs. */
  private static final VectorSpecies<Integer> INTS =
      VectorSpecies.of(int.class, VectorShape.forBitSize(LANES * Integer.SIZE));
  private static final VectorSpecies<Long> LONGS = SPECIES.withLanes(long.class);

  PanamaVectorPrimitives() {
    PanamaSupport.requireSupportedLanes();
  }

  @Override
  public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
    int i = 0;
    double sum = 0;
    if (n >= 2 * LANES) {
      DoubleVector acc0 = DoubleVector.zero(SPECIES);
      DoubleVector acc1 = DoubleVector.zero(SPECIES);
      DoubleVector acc2 = DoubleVector.zero(SPECIES);
      DoubleVector acc3 = DoubleVector.zero(SPECIES);
      int unrolled = n - n % (4 * LANES);
      for (; i < unrolled; i += 4 * LANES) {
        acc0 = DoubleVector.fromArray(SPECIES, a, aOff + i).fma(DoubleVector.fromArray(SPECIES, b, bOff + i), acc0);
        acc1 = DoubleVector.fromArray(SPECIES, a, aOff + i + LANES).fma(DoubleVector.fromArray(SPECIES, b, bOff + i + LANES), acc1);
        acc2 = DoubleVector.fromArray(SPECIES, a, aOff + i + 2 * LANES).fma(DoubleVector.fromArray(SPECIES, b, bOff + i + 2 * LANES), acc2);
        acc3 = DoubleVector.fromArray(SPECIES, a, aOff + i + 3 * LANES).fma(DoubleVector.fromArray(SPECIES, b, bOff + i + 3 * LANES), acc3);
      }
      int vectorBound = n - n % LANES;
      for (; i < vectorBound; i += LANES) {
        acc0 = DoubleVector.fromArray(SPECIES, a, aOff + i).fma(DoubleVector.fromArray(SPECIES, b, bOff + i), acc0);
      }
      DoubleVector total = acc0.add(acc1).add(acc2.add(acc3));
      sum = (total.lane(0) + total.lane(1)) + (total.lane(2) + total.lane(3));
      if (LANES == 8) {
        sum += (total.lane(4) + total.lane(5)) + (total.lane(6) + total.lane(7));
      }
    }
    for (; i < n; i++) {
      sum += a[aOff + i] * b[bOff + i];
    }
    return sum;
  }

  /**
   * Two rows at a time, so each vector of {@code a} is loaded once for both; each row keeps the
   * four accumulators, the order and the tail of {@link #dot}, so its result has the same bits.
   */
  @Override
  public void dots(double[] a, int aOff, double[] xs, int xsOff, int rows, int n, double[] out,
      int outOff) {
    int r = 0;
    if (n >= 2 * LANES) {
      int unrolled = n - n % (4 * LANES);
      int vectorBound = n - n % LANES;
      for (; r + 1 < rows; r += 2) {
        int b = xsOff + r * n;
        int c = b + n;
        DoubleVector p0 = DoubleVector.zero(SPECIES);
        DoubleVector p1 = p0;
        DoubleVector p2 = p0;
        DoubleVector p3 = p0;
        DoubleVector q0 = p0;
        DoubleVector q1 = p0;
        DoubleVector q2 = p0;
        DoubleVector q3 = p0;
        int i = 0;
        for (; i < unrolled; i += 4 * LANES) {
          DoubleVector a0 = DoubleVector.fromArray(SPECIES, a, aOff + i);
          p0 = a0.fma(DoubleVector.fromArray(SPECIES, xs, b + i), p0);
          q0 = a0.fma(DoubleVector.fromArray(SPECIES, xs, c + i), q0);
          DoubleVector a1 = DoubleVector.fromArray(SPECIES, a, aOff + i + LANES);
          p1 = a1.fma(DoubleVector.fromArray(SPECIES, xs, b + i + LANES), p1);
          q1 = a1.fma(DoubleVector.fromArray(SPECIES, xs, c + i + LANES), q1);
          DoubleVector a2 = DoubleVector.fromArray(SPECIES, a, aOff + i + 2 * LANES);
          p2 = a2.fma(DoubleVector.fromArray(SPECIES, xs, b + i + 2 * LANES), p2);
          q2 = a2.fma(DoubleVector.fromArray(SPECIES, xs, c + i + 2 * LANES), q2);
          DoubleVector a3 = DoubleVector.fromArray(SPECIES, a, aOff + i + 3 * LANES);
          p3 = a3.fma(DoubleVector.fromArray(SPECIES, xs, b + i + 3 * LANES), p3);
          q3 = a3.fma(DoubleVector.fromArray(SPECIES, xs, c + i + 3 * LANES), q3);
        }
        for (; i < vectorBound; i += LANES) {
          DoubleVector a0 = DoubleVector.fromArray(SPECIES, a, aOff + i);
          p0 = a0.fma(DoubleVector.fromArray(SPECIES, xs, b + i), p0);
          q0 = a0.fma(DoubleVector.fromArray(SPECIES, xs, c + i), q0);
        }
        DoubleVector pt = p0.add(p1).add(p2.add(p3));
        DoubleVector qt = q0.add(q1).add(q2.add(q3));
        double p = (pt.lane(0) + pt.lane(1)) + (pt.lane(2) + pt.lane(3));
        double q = (qt.lane(0) + qt.lane(1)) + (qt.lane(2) + qt.lane(3));
        if (LANES == 8) {
          p += (pt.lane(4) + pt.lane(5)) + (pt.lane(6) + pt.lane(7));
          q += (qt.lane(4) + qt.lane(5)) + (qt.lane(6) + qt.lane(7));
        }
        for (; i < n; i++) {
          p += a[aOff + i] * xs[b + i];
          q += a[aOff + i] * xs[c + i];
        }
        out[outOff + r] = p;
        out[outOff + r + 1] = q;
      }
    }
    for (; r < rows; r++) {
      out[outOff + r] = dot(a, aOff, xs, xsOff + r * n, n);
    }
  }

  @Override
  public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
    int i = 0;
    DoubleVector scale = DoubleVector.broadcast(SPECIES, alpha);
    int vectorBound = n - n % LANES;
    for (; i < vectorBound; i += LANES) {
      DoubleVector.fromArray(SPECIES, x, xOff + i).fma(scale, DoubleVector.fromArray(SPECIES, y, yOff + i)).intoArray(y, yOff + i);
    }
    for (; i < n; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  @Override
  public void scale(double alpha, double[] x, int off, int n) {
    int i = 0;
    int vectorBound = n - n % LANES;
    for (; i < vectorBound; i += LANES) {
      DoubleVector.fromArray(SPECIES, x, off + i).mul(alpha).intoArray(x, off + i);
    }
    for (; i < n; i++) {
      x[off + i] *= alpha;
    }
  }

  @Override
  public boolean allWithin(double[] x, int off, int n, double limit) {
    // A rounded sum of squares is at least its largest rounded square, so a sum within
    // (limit / 2)^2 proves every magnitude within the limit; NaN or infinity fails the test. Only
    // a row that fails it is checked value by value. The sum is the row's dot product with itself:
    // a version with lanewise max and compare made JDK 17's C2 compile the nearest-centre search
    // about 7x slower (MiniBatchKMeansBenchmark).
    double quarterSquare = limit * limit / 4;
    if (quarterSquare > 0 && quarterSquare < Double.POSITIVE_INFINITY
        && dot(x, off, x, off, n) <= quarterSquare) {
      return true;
    }
    return ScalarVectorPrimitives.INSTANCE.allWithin(x, off, n, limit);
  }

  /**
   * A vector of indices and one of values at a time: the scalar test lane by lane, OR-ed into
   * one accumulator each and reduced once; the entries left over go through the scalar test.
   */
  @Override
  public boolean sparseEntriesValid(int[] indices, double[] values, int n, int dimension,
      double limit) {
    long limitBits = Double.doubleToRawLongBits(limit);
    int i = 0;
    if (n >= LANES) {
      IntVector outside = IntVector.zero(INTS);
      LongVector beyond = LongVector.zero(LONGS);
      for (int bound = n - n % LANES; i < bound; i += LANES) {
        IntVector index = IntVector.fromArray(INTS, indices, i);
        outside = outside.or(index).or(index.neg().add(dimension - 1));
        LongVector bits = DoubleVector.fromArray(SPECIES, values, i).reinterpretAsLongs()
            .and(Long.MAX_VALUE);
        beyond = beyond.or(bits.neg().add(limitBits));
      }
      if (outside.reduceLanes(VectorOperators.OR) < 0
          || beyond.reduceLanes(VectorOperators.OR) < 0) {
        return false;
      }
    }
    return ScalarVectorPrimitives.sparseIndicesValid(indices, i, n, dimension)
        && ScalarVectorPrimitives.valuesWithin(values, i, n, limitBits);
  }

  @Override
  public double squaredDistance(double[] a, int aOff, double[] b, int bOff, int n) {
    int i = 0;
    double sum = 0;
    if (n >= 2 * LANES) {
      DoubleVector acc0 = DoubleVector.zero(SPECIES);
      DoubleVector acc1 = DoubleVector.zero(SPECIES);
      int unrolled = n - n % (2 * LANES);
      for (; i < unrolled; i += 2 * LANES) {
        DoubleVector d0 = DoubleVector.fromArray(SPECIES, a, aOff + i).sub(DoubleVector.fromArray(SPECIES, b, bOff + i));
        DoubleVector d1 = DoubleVector.fromArray(SPECIES, a, aOff + i + LANES).sub(DoubleVector.fromArray(SPECIES, b, bOff + i + LANES));
        acc0 = d0.fma(d0, acc0);
        acc1 = d1.fma(d1, acc1);
      }
      DoubleVector total = acc0.add(acc1);
      sum = (total.lane(0) + total.lane(1)) + (total.lane(2) + total.lane(3));
      if (LANES == 8) {
        sum += (total.lane(4) + total.lane(5)) + (total.lane(6) + total.lane(7));
      }
    }
    for (; i < n; i++) {
      double diff = a[aOff + i] - b[bOff + i];
      sum += diff * diff;
    }
    return sum;
  }
}
