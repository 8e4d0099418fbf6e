package org.brookml.internal.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the incubating Vector API. Loaded by name only, and only after
 * {@link VectorKernelsProvider} has checked that the module is present; nothing else may touch this
 * class. Element-wise kernels and reductions use 256-bit vectors (four doubles) even where 512-bit
 * is preferred: for the short vectors online learners see (d = 32..100) they leave a shorter tail.
 * The batched nearest-centre search uses 512-bit vectors where the platform prefers them, because
 * its centre blocks (16 wide) fill them exactly: on the Xeon (AVX-512) of the README's table that
 * took the search from about 80 to about 45 ns per point at d = 32, k = 16.
 */
final class PanamaVectorKernels implements VectorKernels {

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;
  private static final int LANES = 4;
  private static final VectorSpecies<Double> WIDE = DoubleVector.SPECIES_512;
  /** Whether the platform prefers 512-bit vectors (AVX-512): then the batch search uses them. */
  private static final boolean PREFERS_512 = DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512;
  private static final DoubleVector WIDE_LOWER_INDEX =
      DoubleVector.fromArray(WIDE, new double[] {0, 1, 2, 3, 4, 5, 6, 7}, 0);
  private static final DoubleVector WIDE_UPPER_INDEX =
      DoubleVector.fromArray(WIDE, new double[] {8, 9, 10, 11, 12, 13, 14, 15}, 0);
  private static final DoubleVector NO_INDEX = DoubleVector.broadcast(WIDE, 16);

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
  public boolean allFinite(double[] x, int off, int n) {
    // A Vector API version made JDK 17's C2 compile the nearest-centre search about 7x slower
    // (MiniBatchKMeansBenchmark); the scalar loop costs about 0.7 ns per value.
    return ScalarVectorKernels.INSTANCE.allFinite(x, off, n);
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

  @Override
  public void nearestCenters(
      double[] xs, int xOff, int rows, int d, double[] transposedCenters, double[] norms,
      int stride, int[] out, double[] scratch) {
    int r = PREFERS_512
        ? nearestFourRowsAtATime(xs, xOff, rows, d, transposedCenters, norms, stride, out, scratch)
        : nearestTwoRowsAtATime(xs, xOff, rows, d, transposedCenters, norms, stride, out, scratch);
    for (; r < rows; r++) {
      out[r] = nearestCenter(xs, xOff + r * d, d, transposedCenters, norms, stride, scratch);
    }
  }

  /**
   * Four rows share each load of 16 centre coordinates (two 512-bit vectors): eight independent
   * multiply-add chains, half the loads of one row at a time. Returns the rows done.
   */
  private static int nearestFourRowsAtATime(double[] xs, int xOff, int rows, int d, double[] t,
      double[] norms, int stride, int[] out, double[] scratch) {
    int r = 0;
    for (; r + 3 < rows; r += 4) {
      int x0 = xOff + r * d;
      int x1 = x0 + d;
      int x2 = x1 + d;
      int x3 = x2 + d;
      double best0 = Double.POSITIVE_INFINITY;
      double best1 = best0;
      double best2 = best0;
      double best3 = best0;
      out[r] = out[r + 1] = out[r + 2] = out[r + 3] = 0;
      for (int block = 0; block < stride; block += 16) {
        DoubleVector a0 = DoubleVector.zero(WIDE);
        DoubleVector a1 = a0;
        DoubleVector b0 = a0;
        DoubleVector b1 = a0;
        DoubleVector c0 = a0;
        DoubleVector c1 = a0;
        DoubleVector e0 = a0;
        DoubleVector e1 = a0;
        for (int j = 0; j < d; j++) {
          int at = j * stride + block;
          DoubleVector t0 = DoubleVector.fromArray(WIDE, t, at);
          DoubleVector t1 = DoubleVector.fromArray(WIDE, t, at + 8);
          DoubleVector x = DoubleVector.broadcast(WIDE, xs[x0 + j]);
          a0 = t0.fma(x, a0);
          a1 = t1.fma(x, a1);
          x = DoubleVector.broadcast(WIDE, xs[x1 + j]);
          b0 = t0.fma(x, b0);
          b1 = t1.fma(x, b1);
          x = DoubleVector.broadcast(WIDE, xs[x2 + j]);
          c0 = t0.fma(x, c0);
          c1 = t1.fma(x, c1);
          x = DoubleVector.broadcast(WIDE, xs[x3 + j]);
          e0 = t0.fma(x, e0);
          e1 = t1.fma(x, e1);
        }
        DoubleVector n0 = DoubleVector.fromArray(WIDE, norms, block);
        DoubleVector n1 = DoubleVector.fromArray(WIDE, norms, block + 8);
        best0 = pickWide(a0.mul(-2.0).add(n0), a1.mul(-2.0).add(n1), best0, block, out, r);
        best1 = pickWide(b0.mul(-2.0).add(n0), b1.mul(-2.0).add(n1), best1, block, out, r + 1);
        best2 = pickWide(c0.mul(-2.0).add(n0), c1.mul(-2.0).add(n1), best2, block, out, r + 2);
        best3 = pickWide(e0.mul(-2.0).add(n0), e1.mul(-2.0).add(n1), best3, block, out, r + 3);
      }
    }
    return r;
  }

  /**
   * If the block's lowest score beats {@code best}, records its centre in {@code out[row]}. The
   * index is found without branches: lane-wise minimum of the two halves with the matching centre
   * numbers, then the smallest centre number among the lanes holding the minimum (a data-dependent
   * scan cost one mispredicted branch per row).
   */
  private static double pickWide(DoubleVector s0, DoubleVector s1, double best, int block,
      int[] out, int row) {
    VectorMask<Double> upperWins = s1.lt(s0);
    DoubleVector lanewiseMin = s0.min(s1);
    DoubleVector index = WIDE_LOWER_INDEX.blend(WIDE_UPPER_INDEX, upperWins);
    double min = lanewiseMin.reduceLanes(VectorOperators.MIN);
    if (min < best) {
      double first = index.blend(NO_INDEX, lanewiseMin.compare(VectorOperators.NE, min))
          .reduceLanes(VectorOperators.MIN);
      out[row] = block + (int) first;
      return min;
    }
    return best;
  }

  /** Two rows share each load of 16 centre coordinates (four 256-bit vectors). */
  private static int nearestTwoRowsAtATime(double[] xs, int xOff, int rows, int d, double[] t,
      double[] norms, int stride, int[] out, double[] scratch) {
    int r = 0;
    for (; r + 1 < rows; r += 2) {
      int x0 = xOff + r * d;
      int x1 = x0 + d;
      double best0 = Double.POSITIVE_INFINITY;
      double best1 = best0;
      out[r] = out[r + 1] = 0;
      for (int block = 0; block < stride; block += 16) {
        DoubleVector a0 = DoubleVector.zero(SPECIES);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector b0 = a0;
        DoubleVector b1 = a0;
        DoubleVector b2 = a0;
        DoubleVector b3 = a0;
        for (int j = 0; j < d; j++) {
          int at = j * stride + block;
          DoubleVector t0 = load(t, at);
          DoubleVector t1 = load(t, at + LANES);
          DoubleVector t2 = load(t, at + 2 * LANES);
          DoubleVector t3 = load(t, at + 3 * LANES);
          DoubleVector x = DoubleVector.broadcast(SPECIES, xs[x0 + j]);
          a0 = t0.fma(x, a0);
          a1 = t1.fma(x, a1);
          a2 = t2.fma(x, a2);
          a3 = t3.fma(x, a3);
          x = DoubleVector.broadcast(SPECIES, xs[x1 + j]);
          b0 = t0.fma(x, b0);
          b1 = t1.fma(x, b1);
          b2 = t2.fma(x, b2);
          b3 = t3.fma(x, b3);
        }
        best0 = pickNarrow(a0, a1, a2, a3, norms, best0, block, out, r, scratch);
        best1 = pickNarrow(b0, b1, b2, b3, norms, best1, block, out, r + 1, scratch);
      }
    }
    return r;
  }

  private static double pickNarrow(DoubleVector d0, DoubleVector d1, DoubleVector d2,
      DoubleVector d3, double[] norms, double best, int block, int[] out, int row,
      double[] scratch) {
    DoubleVector s0 = d0.mul(-2.0).add(load(norms, block));
    DoubleVector s1 = d1.mul(-2.0).add(load(norms, block + LANES));
    DoubleVector s2 = d2.mul(-2.0).add(load(norms, block + 2 * LANES));
    DoubleVector s3 = d3.mul(-2.0).add(load(norms, block + 3 * LANES));
    double min = s0.min(s1).min(s2.min(s3)).reduceLanes(VectorOperators.MIN);
    if (min < best) {
      s0.intoArray(scratch, 0);
      s1.intoArray(scratch, LANES);
      s2.intoArray(scratch, 2 * LANES);
      s3.intoArray(scratch, 3 * LANES);
      out[row] = block + firstEqual(scratch, min);
      return min;
    }
    return best;
  }

  /** Index of the first of the 16 scores equal to {@code min} (which is one of them). */
  private static int firstEqual(double[] scores, double min) {
    int c = 0;
    while (c < 15 && scores[c] != min) {
      c++;
    }
    return c;
  }

  private static void score(DoubleVector dots, double[] norms, int offset, double[] out) {
    dots.mul(-2.0).add(load(norms, offset)).intoArray(out, offset);
  }

  private static DoubleVector load(double[] array, int offset) {
    return DoubleVector.fromArray(SPECIES, array, offset);
  }
}
