package org.brookml.internal.vector;

import static org.brookml.internal.vector.PanamaSupport.LANES;
import static org.brookml.internal.vector.PanamaSupport.SPECIES;

import jdk.incubator.vector.DoubleVector;

/** {@link VectorPrimitives} on the incubating Vector API; see {@link PanamaSupport}. */
final class PanamaVectorPrimitives implements VectorPrimitives {

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
  public void moveToward(double eta, double[] x, int xOff, double[] c, int cOff, int n) {
    int i = 0;
    DoubleVector step = DoubleVector.broadcast(SPECIES, eta);
    for (int bound = n - n % LANES; i < bound; i += LANES) {
      DoubleVector ci = DoubleVector.fromArray(SPECIES, c, cOff + i);
      DoubleVector.fromArray(SPECIES, x, xOff + i).sub(ci).fma(step, ci).intoArray(c, cOff + i);
    }
    for (; i < n; i++) {
      c[cOff + i] += eta * (x[xOff + i] - c[cOff + i]);
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
    // A Vector API version made JDK 17's C2 compile the nearest-centre search about 7x slower
    // (MiniBatchKMeansBenchmark); the scalar loop costs about 0.7 ns per value.
    return ScalarVectorPrimitives.INSTANCE.allWithin(x, off, n, limit);
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
