package org.brookml.internal.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the incubating Vector API, 256-bit lanes (four doubles). Loaded by name only, and only
 * after {@link VectorKernelsProvider} has checked that the module is present; nothing else may touch
 * this class. The 256-bit species is used even where 512-bit is preferred: for the short vectors
 * online learners see (d = 32..100) it leaves no masked tail (see PERFORMANCE notes in the README).
 */
final class PanamaVectorKernels implements VectorKernels {

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;
  private static final int LANES = 4;

  PanamaVectorKernels() {
    if (SPECIES.length() != LANES) {
      throw new UnsupportedOperationException("unexpected lane count " + SPECIES.length());
    }
  }

  @Override
  public String name() {
    return "panama-256";
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
        acc0 = load(a, aOff + i).fma(load(b, bOff + i), acc0);
        acc1 = load(a, aOff + i + LANES).fma(load(b, bOff + i + LANES), acc1);
        acc2 = load(a, aOff + i + 2 * LANES).fma(load(b, bOff + i + 2 * LANES), acc2);
        acc3 = load(a, aOff + i + 3 * LANES).fma(load(b, bOff + i + 3 * LANES), acc3);
      }
      int vectorBound = n - n % LANES;
      for (; i < vectorBound; i += LANES) {
        acc0 = load(a, aOff + i).fma(load(b, bOff + i), acc0);
      }
      sum = acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
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
      load(x, xOff + i).fma(scale, load(y, yOff + i)).intoArray(y, yOff + i);
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
      load(x, off + i).mul(alpha).intoArray(x, off + i);
    }
    for (; i < n; i++) {
      x[off + i] *= alpha;
    }
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
        DoubleVector d0 = load(a, aOff + i).sub(load(b, bOff + i));
        DoubleVector d1 = load(a, aOff + i + LANES).sub(load(b, bOff + i + LANES));
        acc0 = d0.fma(d0, acc0);
        acc1 = d1.fma(d1, acc1);
      }
      sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    }
    for (; i < n; i++) {
      double diff = a[aOff + i] - b[bOff + i];
      sum += diff * diff;
    }
    return sum;
  }

  /**
   * Blocks of 16 centres, four vectors wide. Even and odd coordinates go to separate accumulators so
   * that eight fused multiply-adds are in flight, which hides their latency.
   */
  @Override
  public int nearestCenter(
      double[] x, int xOff, int d, double[] transposedCenters, double[] norms, int stride,
      double[] scratch) {
    for (int block = 0; block < stride; block += 4 * LANES) {
      DoubleVector even0 = DoubleVector.zero(SPECIES);
      DoubleVector even1 = even0;
      DoubleVector even2 = even0;
      DoubleVector even3 = even0;
      DoubleVector odd0 = even0;
      DoubleVector odd1 = even0;
      DoubleVector odd2 = even0;
      DoubleVector odd3 = even0;
      int j = 0;
      for (; j + 1 < d; j += 2) {
        DoubleVector xe = DoubleVector.broadcast(SPECIES, x[xOff + j]);
        DoubleVector xo = DoubleVector.broadcast(SPECIES, x[xOff + j + 1]);
        int re = j * stride + block;
        int ro = re + stride;
        even0 = load(transposedCenters, re).fma(xe, even0);
        even1 = load(transposedCenters, re + LANES).fma(xe, even1);
        even2 = load(transposedCenters, re + 2 * LANES).fma(xe, even2);
        even3 = load(transposedCenters, re + 3 * LANES).fma(xe, even3);
        odd0 = load(transposedCenters, ro).fma(xo, odd0);
        odd1 = load(transposedCenters, ro + LANES).fma(xo, odd1);
        odd2 = load(transposedCenters, ro + 2 * LANES).fma(xo, odd2);
        odd3 = load(transposedCenters, ro + 3 * LANES).fma(xo, odd3);
      }
      if (j < d) {
        DoubleVector xe = DoubleVector.broadcast(SPECIES, x[xOff + j]);
        int re = j * stride + block;
        even0 = load(transposedCenters, re).fma(xe, even0);
        even1 = load(transposedCenters, re + LANES).fma(xe, even1);
        even2 = load(transposedCenters, re + 2 * LANES).fma(xe, even2);
        even3 = load(transposedCenters, re + 3 * LANES).fma(xe, even3);
      }
      score(even0.add(odd0), norms, block, scratch);
      score(even1.add(odd1), norms, block + LANES, scratch);
      score(even2.add(odd2), norms, block + 2 * LANES, scratch);
      score(even3.add(odd3), norms, block + 3 * LANES, scratch);
    }
    int best = 0;
    double bestScore = Double.POSITIVE_INFINITY;
    for (int c = 0; c < stride; c++) {
      double s = scratch[c];
      if (s < bestScore) {
        bestScore = s;
        best = c;
      }
    }
    return best;
  }

  private static void score(DoubleVector dots, double[] norms, int offset, double[] out) {
    dots.mul(-2.0).add(load(norms, offset)).intoArray(out, offset);
  }

  private static DoubleVector load(double[] array, int offset) {
    return DoubleVector.fromArray(SPECIES, array, offset);
  }
}
