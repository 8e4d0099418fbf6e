package org.brookml.internal.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.brookml.internal.stats.Normal;

/**
 * Kernels on the incubating Vector API. Loaded by name only, and only after
 * {@link VectorKernelsProvider} has checked that the module is present; nothing else may touch this
 * class.
 *
 * <p>Every kernel uses one species, the platform's preferred one (512-bit where AVX-512 is on, else
 * 256-bit): on JDK 17, using a second species in the same JVM made C2 give up intrinsics in the
 * Vector API's shared code (448 B allocated per {@code predict}, measured with ThreadMXBean).
 * Helpers never take or return vectors, for the same reason: one that C2 declines to inline
 * (NodeCountInliningCutoff) turns every vector into an allocation. Sums across lanes are written
 * out pairwise in a fixed order, never {@code reduceLanes(ADD)}, which may add in any order: on
 * Java 25 its compiled and interpreted forms gave other last bits (a dot product differed between
 * a cold and a warm call in 26 of 50 cases), and a model must not depend on how warm the JIT is.
 * For the same reason there is no lanewise {@code LOG} or {@code EXP} (see {@link VectorKernels}).
 * The nearest-centre search works on blocks of 16 centres: four vectors of 4 or two of 8, each with
 * its own code below.
 */
final class PanamaVectorKernels implements VectorKernels {

  private static final VectorSpecies<Double> SPECIES =
      DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512
          ? DoubleVector.SPECIES_512
          : DoubleVector.SPECIES_256;
  private static final int LANES = SPECIES.length();

  // Centre numbers within a 512-bit block, as doubles: lanes of the lower and upper half, and a
  // number larger than any, for lanes that do not hold the minimum.
  private static final DoubleVector LOWER_HALF = iota(0);
  private static final DoubleVector UPPER_HALF = iota(LANES);
  private static final DoubleVector NO_CENTRE = DoubleVector.broadcast(SPECIES, 2 * LANES);
  // LANES zeros, then LANES ones: read from LANES - k, the weights of a step whose first k lanes
  // were counted already.
  private static final double[] STEP_WEIGHTS = new double[2 * LANES];

  static {
    java.util.Arrays.fill(STEP_WEIGHTS, LANES, 2 * LANES, 1.0);
  }

  private static DoubleVector iota(int start) {
    double[] lanes = new double[LANES];
    for (int i = 0; i < LANES; i++) {
      lanes[i] = start + i;
    }
    return DoubleVector.fromArray(SPECIES, lanes, 0);
  }

  PanamaVectorKernels() {
    if (LANES != 4 && LANES != 8) {
      throw new UnsupportedOperationException("unexpected lane count " + LANES);
    }
  }

  @Override
  public String name() {
    return "panama-" + SPECIES.vectorBitSize();
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
  public void adaGradStep(double g, double[] x, int xOff, double[] w, double[] sumSq, int n,
      double eta, double l2, double eps) {
    int i = 0;
    DoubleVector gv = DoubleVector.broadcast(SPECIES, g);
    DoubleVector l2v = DoubleVector.broadcast(SPECIES, l2);
    DoubleVector etav = DoubleVector.broadcast(SPECIES, eta);
    DoubleVector epsv = DoubleVector.broadcast(SPECIES, eps);
    DoubleVector zero = DoubleVector.zero(SPECIES);
    for (int bound = n - n % LANES; i < bound; i += LANES) {
      DoubleVector xi = DoubleVector.fromArray(SPECIES, x, xOff + i);
      DoubleVector wi = DoubleVector.fromArray(SPECIES, w, i);
      // The penalty only where x_i != 0, so untouched coordinates stay exactly as they are.
      DoubleVector penalty = zero.blend(wi.mul(l2v), xi.compare(VectorOperators.NE, 0.0));
      DoubleVector gi = xi.mul(gv).add(penalty);
      DoubleVector sum = DoubleVector.fromArray(SPECIES, sumSq, i).add(gi.mul(gi));
      sum.intoArray(sumSq, i);
      wi.sub(etav.mul(gi).div(sum.add(epsv).sqrt())).intoArray(w, i);
    }
    ScalarVectorKernels.adaGradRange(g, x, xOff, w, sumSq, i, n, eta, l2, eps);
  }

  @Override
  public void ftrlStep(double g, double[] x, int xOff, double[] w, double[] z, double[] sumSq,
      int n, double alpha, double beta, double l1, double l2) {
    int i = 0;
    DoubleVector gv = DoubleVector.broadcast(SPECIES, g);
    DoubleVector alphaV = DoubleVector.broadcast(SPECIES, alpha);
    DoubleVector betaV = DoubleVector.broadcast(SPECIES, beta);
    DoubleVector l1V = DoubleVector.broadcast(SPECIES, l1);
    DoubleVector minusL1V = DoubleVector.broadcast(SPECIES, -l1);
    DoubleVector l2V = DoubleVector.broadcast(SPECIES, l2);
    DoubleVector zero = DoubleVector.zero(SPECIES);
    for (int bound = n - n % LANES; i < bound; i += LANES) {
      DoubleVector gi = DoubleVector.fromArray(SPECIES, x, xOff + i).mul(gv);
      DoubleVector before = DoubleVector.fromArray(SPECIES, sumSq, i);
      DoubleVector after = before.add(gi.mul(gi));
      DoubleVector root = after.sqrt();
      DoubleVector wi = DoubleVector.fromArray(SPECIES, w, i);
      DoubleVector zi = DoubleVector.fromArray(SPECIES, z, i)
          .add(gi.sub(root.sub(before.sqrt()).div(alphaV).mul(wi)));
      zi.intoArray(z, i);
      after.intoArray(sumSq, i);
      DoubleVector signedL1 = l1V.blend(minusL1V, zi.compare(VectorOperators.LT, 0.0));
      DoubleVector next = zi.sub(signedL1).neg()
          .div(betaV.add(root).div(alphaV).add(l2V));
      next.blend(zero, zi.abs().compare(VectorOperators.LE, l1V)).intoArray(w, i);
    }
    ScalarVectorKernels.ftrlRange(g, x, xOff, w, z, sumSq, i, n, alpha, beta, l1, l2);
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

  /**
   * Blocks of 16 centres, four vectors wide. Even and odd coordinates go to separate accumulators so
   * that eight fused multiply-adds are in flight, which hides their latency.
   */
  @Override
  public int nearestCenter(
      double[] x, int xOff, int d, double[] transposedCenters, double[] norms, int stride,
      double[] scratch) {
    if (LANES == 8) {
      scoresWide(x, xOff, d, transposedCenters, norms, stride, scratch);
    } else {
      scoresNarrow(x, xOff, d, transposedCenters, norms, stride, scratch);
    }
    return ScalarVectorKernels.indexOfMin(scratch, stride);
  }

  /**
   * {@code scratch[c] = norms[c] - 2 (x . centre c)} with 256-bit vectors: even and odd coordinates
   * go to separate accumulators so that eight multiply-adds are in flight.
   */
  private static void scoresNarrow(double[] x, int xOff, int d, double[] transposedCenters,
      double[] norms, int stride, double[] scratch) {
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
        even0 = DoubleVector.fromArray(SPECIES, transposedCenters, re).fma(xe, even0);
        even1 = DoubleVector.fromArray(SPECIES, transposedCenters, re + LANES).fma(xe, even1);
        even2 = DoubleVector.fromArray(SPECIES, transposedCenters, re + 2 * LANES).fma(xe, even2);
        even3 = DoubleVector.fromArray(SPECIES, transposedCenters, re + 3 * LANES).fma(xe, even3);
        odd0 = DoubleVector.fromArray(SPECIES, transposedCenters, ro).fma(xo, odd0);
        odd1 = DoubleVector.fromArray(SPECIES, transposedCenters, ro + LANES).fma(xo, odd1);
        odd2 = DoubleVector.fromArray(SPECIES, transposedCenters, ro + 2 * LANES).fma(xo, odd2);
        odd3 = DoubleVector.fromArray(SPECIES, transposedCenters, ro + 3 * LANES).fma(xo, odd3);
      }
      if (j < d) {
        DoubleVector xe = DoubleVector.broadcast(SPECIES, x[xOff + j]);
        int re = j * stride + block;
        even0 = DoubleVector.fromArray(SPECIES, transposedCenters, re).fma(xe, even0);
        even1 = DoubleVector.fromArray(SPECIES, transposedCenters, re + LANES).fma(xe, even1);
        even2 = DoubleVector.fromArray(SPECIES, transposedCenters, re + 2 * LANES).fma(xe, even2);
        even3 = DoubleVector.fromArray(SPECIES, transposedCenters, re + 3 * LANES).fma(xe, even3);
      }
      // scratch[c] = norms[c] - 2 (x . centre c), written out by hand: a helper taking vectors
      // that C2 declines to inline makes every vector an allocation.
      even0.add(odd0).mul(-2.0).add(DoubleVector.fromArray(SPECIES, norms, block))
          .intoArray(scratch, block);
      even1.add(odd1).mul(-2.0).add(DoubleVector.fromArray(SPECIES, norms, block + LANES))
          .intoArray(scratch, block + LANES);
      even2.add(odd2).mul(-2.0).add(DoubleVector.fromArray(SPECIES, norms, block + 2 * LANES))
          .intoArray(scratch, block + 2 * LANES);
      even3.add(odd3).mul(-2.0).add(DoubleVector.fromArray(SPECIES, norms, block + 3 * LANES))
          .intoArray(scratch, block + 3 * LANES);
    }
  }

  /** {@link #scoresNarrow} with 512-bit vectors: two per block, even and odd coordinates apart. */
  private static void scoresWide(double[] x, int xOff, int d, double[] t, double[] norms,
      int stride, double[] scratch) {
    for (int block = 0; block < stride; block += 2 * LANES) {
      DoubleVector even0 = DoubleVector.zero(SPECIES);
      DoubleVector even1 = even0;
      DoubleVector odd0 = even0;
      DoubleVector odd1 = even0;
      int j = 0;
      for (; j + 1 < d; j += 2) {
        DoubleVector xe = DoubleVector.broadcast(SPECIES, x[xOff + j]);
        DoubleVector xo = DoubleVector.broadcast(SPECIES, x[xOff + j + 1]);
        int re = j * stride + block;
        int ro = re + stride;
        even0 = DoubleVector.fromArray(SPECIES, t, re).fma(xe, even0);
        even1 = DoubleVector.fromArray(SPECIES, t, re + LANES).fma(xe, even1);
        odd0 = DoubleVector.fromArray(SPECIES, t, ro).fma(xo, odd0);
        odd1 = DoubleVector.fromArray(SPECIES, t, ro + LANES).fma(xo, odd1);
      }
      if (j < d) {
        DoubleVector xe = DoubleVector.broadcast(SPECIES, x[xOff + j]);
        int re = j * stride + block;
        even0 = DoubleVector.fromArray(SPECIES, t, re).fma(xe, even0);
        even1 = DoubleVector.fromArray(SPECIES, t, re + LANES).fma(xe, even1);
      }
      even0.add(odd0).mul(-2.0).add(DoubleVector.fromArray(SPECIES, norms, block))
          .intoArray(scratch, block);
      even1.add(odd1).mul(-2.0).add(DoubleVector.fromArray(SPECIES, norms, block + LANES))
          .intoArray(scratch, block + LANES);
    }
  }

  @Override
  public boolean nearestCenters(
      double[] xs, int xOff, int rows, int d, double[] transposedCenters, double[] norms,
      int stride, int[] out, double[] scratch) {
    boolean finite = LANES == 8
        ? nearestFourRowsAtATime(xs, xOff, rows, d, transposedCenters, norms, stride, out, scratch)
        : nearestTwoRowsAtATime(xs, xOff, rows, d, transposedCenters, norms, stride, out, scratch);
    int done = LANES == 8 ? rows & ~3 : rows & ~1;
    double check = 0;
    for (int r = done; r < rows; r++) {
      out[r] = nearestCenter(xs, xOff + r * d, d, transposedCenters, norms, stride, scratch);
      check += scratch[out[r]] * 0.0; // NaN once any best score is not finite
    }
    return finite && check == 0.0;
  }

  /**
   * Four rows share each load of 16 centre coordinates (two 512-bit vectors): eight independent
   * multiply-add chains, a quarter of the loads of one row at a time. Does {@code rows & ~3} rows;
   * returns whether every best score was finite.
   */
  private static boolean nearestFourRowsAtATime(double[] xs, int xOff, int rows, int d, double[] t,
      double[] norms, int stride, int[] out, double[] scratch) {
    double check = 0;
    for (int r = 0; r + 3 < rows; r += 4) {
      int x0 = xOff + r * d;
      int x1 = x0 + d;
      int x2 = x1 + d;
      int x3 = x2 + d;
      double best0 = Double.POSITIVE_INFINITY;
      double best1 = best0;
      double best2 = best0;
      double best3 = best0;
      out[r] = out[r + 1] = out[r + 2] = out[r + 3] = 0;
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
          DoubleVector t0 = DoubleVector.fromArray(SPECIES, t, at);
          DoubleVector t1 = DoubleVector.fromArray(SPECIES, t, at + LANES);
          DoubleVector x = DoubleVector.broadcast(SPECIES, xs[x0 + j]);
          a0 = t0.fma(x, a0);
          a1 = t1.fma(x, a1);
          x = DoubleVector.broadcast(SPECIES, xs[x1 + j]);
          b0 = t0.fma(x, b0);
          b1 = t1.fma(x, b1);
          x = DoubleVector.broadcast(SPECIES, xs[x2 + j]);
          c0 = t0.fma(x, c0);
          c1 = t1.fma(x, c1);
          x = DoubleVector.broadcast(SPECIES, xs[x3 + j]);
          e0 = t0.fma(x, e0);
          e1 = t1.fma(x, e1);
        }
        DoubleVector n0 = DoubleVector.fromArray(SPECIES, norms, block);
        DoubleVector n1 = DoubleVector.fromArray(SPECIES, norms, block + LANES);
        // Written out by hand for each row: see the class comment on helpers taking vectors.
        DoubleVector as0 = a0.mul(-2.0).add(n0);
        DoubleVector as1 = a1.mul(-2.0).add(n1);
        DoubleVector aLow = as0.min(as1);
        double aMin = aLow.reduceLanes(VectorOperators.MIN);
        if (aMin < best0) {
          best0 = aMin;
          out[r] = block + (int) LOWER_HALF.blend(UPPER_HALF, as1.lt(as0))
              .blend(NO_CENTRE, aLow.compare(VectorOperators.NE, aMin))
              .reduceLanes(VectorOperators.MIN);
        }
        DoubleVector bs0 = b0.mul(-2.0).add(n0);
        DoubleVector bs1 = b1.mul(-2.0).add(n1);
        DoubleVector bLow = bs0.min(bs1);
        double bMin = bLow.reduceLanes(VectorOperators.MIN);
        if (bMin < best1) {
          best1 = bMin;
          out[r + 1] = block + (int) LOWER_HALF.blend(UPPER_HALF, bs1.lt(bs0))
              .blend(NO_CENTRE, bLow.compare(VectorOperators.NE, bMin))
              .reduceLanes(VectorOperators.MIN);
        }
        DoubleVector cs0 = c0.mul(-2.0).add(n0);
        DoubleVector cs1 = c1.mul(-2.0).add(n1);
        DoubleVector cLow = cs0.min(cs1);
        double cMin = cLow.reduceLanes(VectorOperators.MIN);
        if (cMin < best2) {
          best2 = cMin;
          out[r + 2] = block + (int) LOWER_HALF.blend(UPPER_HALF, cs1.lt(cs0))
              .blend(NO_CENTRE, cLow.compare(VectorOperators.NE, cMin))
              .reduceLanes(VectorOperators.MIN);
        }
        DoubleVector es0 = e0.mul(-2.0).add(n0);
        DoubleVector es1 = e1.mul(-2.0).add(n1);
        DoubleVector eLow = es0.min(es1);
        double eMin = eLow.reduceLanes(VectorOperators.MIN);
        if (eMin < best3) {
          best3 = eMin;
          out[r + 3] = block + (int) LOWER_HALF.blend(UPPER_HALF, es1.lt(es0))
              .blend(NO_CENTRE, eLow.compare(VectorOperators.NE, eMin))
              .reduceLanes(VectorOperators.MIN);
        }
      }
      // A best score still infinite (every score NaN) or infinite makes the check NaN.
      check += (best0 + best1 + best2 + best3) * 0.0;
    }
    return check == 0.0;
  }

  /**
   * Two rows share each load of 16 centre coordinates (four 256-bit vectors). Does
   * {@code rows & ~1} rows; returns whether every best score was finite.
   */
  private static boolean nearestTwoRowsAtATime(double[] xs, int xOff, int rows, int d, double[] t,
      double[] norms, int stride, int[] out, double[] scratch) {
    double check = 0;
    for (int r = 0; r + 1 < rows; r += 2) {
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
          DoubleVector t0 = DoubleVector.fromArray(SPECIES, t, at);
          DoubleVector t1 = DoubleVector.fromArray(SPECIES, t, at + LANES);
          DoubleVector t2 = DoubleVector.fromArray(SPECIES, t, at + 2 * LANES);
          DoubleVector t3 = DoubleVector.fromArray(SPECIES, t, at + 3 * LANES);
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
        // Written out by hand for each row: see the class comment on helpers taking vectors.
        DoubleVector n0 = DoubleVector.fromArray(SPECIES, norms, block);
        DoubleVector n1 = DoubleVector.fromArray(SPECIES, norms, block + LANES);
        DoubleVector n2 = DoubleVector.fromArray(SPECIES, norms, block + 2 * LANES);
        DoubleVector n3 = DoubleVector.fromArray(SPECIES, norms, block + 3 * LANES);
        DoubleVector as0 = a0.mul(-2.0).add(n0);
        DoubleVector as1 = a1.mul(-2.0).add(n1);
        DoubleVector as2 = a2.mul(-2.0).add(n2);
        DoubleVector as3 = a3.mul(-2.0).add(n3);
        double aMin = as0.min(as1).min(as2.min(as3)).reduceLanes(VectorOperators.MIN);
        if (aMin < best0) {
          best0 = aMin;
          as0.intoArray(scratch, 0);
          as1.intoArray(scratch, LANES);
          as2.intoArray(scratch, 2 * LANES);
          as3.intoArray(scratch, 3 * LANES);
          out[r] = block + firstEqual(scratch, aMin);
        }
        DoubleVector bs0 = b0.mul(-2.0).add(n0);
        DoubleVector bs1 = b1.mul(-2.0).add(n1);
        DoubleVector bs2 = b2.mul(-2.0).add(n2);
        DoubleVector bs3 = b3.mul(-2.0).add(n3);
        double bMin = bs0.min(bs1).min(bs2.min(bs3)).reduceLanes(VectorOperators.MIN);
        if (bMin < best1) {
          best1 = bMin;
          bs0.intoArray(scratch, 0);
          bs1.intoArray(scratch, LANES);
          bs2.intoArray(scratch, 2 * LANES);
          bs3.intoArray(scratch, 3 * LANES);
          out[r + 1] = block + firstEqual(scratch, bMin);
        }
      }
      check += (best0 + best1) * 0.0;
    }
    return check == 0.0;
  }

  /** Index of the first of the 16 scores equal to {@code min} (which is one of them). */
  private static int firstEqual(double[] scores, double min) {
    int c = 0;
    while (c < 15 && scores[c] != min) {
      c++;
    }
    return c;
  }



  @Override
  public void welfordAdd(double[] x, double w, double[] weight, double[] mean, double[] m2,
      double[] min, double[] max, int off, int n) {
    int j = 0;
    for (int bound = n - n % LANES; j < bound; j += LANES) {
      int cell = off + j;
      DoubleVector v = DoubleVector.fromArray(SPECIES, x, j);
      DoubleVector total = DoubleVector.fromArray(SPECIES, weight, cell).add(w);
      DoubleVector mu = DoubleVector.fromArray(SPECIES, mean, cell);
      DoubleVector delta = v.sub(mu);
      DoubleVector scaled = delta.mul(w);
      DoubleVector updated = mu.add(scaled.div(total));
      updated.intoArray(mean, cell);
      DoubleVector.fromArray(SPECIES, m2, cell).add(scaled.mul(v.sub(updated)))
          .intoArray(m2, cell);
      total.intoArray(weight, cell);
      DoubleVector lo = DoubleVector.fromArray(SPECIES, min, cell);
      lo.blend(v, v.compare(VectorOperators.LT, lo)).intoArray(min, cell);
      DoubleVector hi = DoubleVector.fromArray(SPECIES, max, cell);
      hi.blend(v, v.compare(VectorOperators.GT, hi)).intoArray(max, cell);
    }
    ScalarVectorKernels.welfordAddRange(x, w, weight, mean, m2, min, max, off, j, n);
  }

  @Override
  public void gaussianTerms(double[] weight, double[] m2, int off, int n, double[] halfPrecision,
      double[] logNormalizer) {
    int bound = n - n % LANES;
    DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
    DoubleVector zero = DoubleVector.zero(SPECIES);
    for (int i = 0; i < bound; i += LANES) {
      DoubleVector w = DoubleVector.fromArray(SPECIES, weight, off + i);
      VectorMask<Double> counted = w.compare(VectorOperators.GT, 1.0);
      // Cells of weight <= 1 divide by 1 and are then zeroed, so no lane divides by zero.
      DoubleVector variance = zero.blend(DoubleVector.fromArray(SPECIES, m2, off + i)
          .div(one.blend(w.sub(one), counted)), counted);
      VectorMask<Double> positive = variance.compare(VectorOperators.GT, 0.0);
      DoubleVector safe = one.blend(variance, positive);
      zero.blend(DoubleVector.broadcast(SPECIES, 0.5).div(safe), positive)
          .intoArray(halfPrecision, off + i);
      safe.mul(2 * Math.PI).intoArray(logNormalizer, off + i); // the logarithm's argument, for now
    }
    // Math.log, not the lanewise LOG: C2's LOG and its fallback in cold code may differ in the
    // last bit, and a model must not depend on how warm the JIT is.
    for (int cell = off; cell < off + bound; cell++) {
      logNormalizer[cell] = halfPrecision[cell] > 0 ? -0.5 * Math.log(logNormalizer[cell]) : 0;
    }
    ScalarVectorKernels.gaussianTermsRange(weight, m2, off, bound, n, halfPrecision,
        logNormalizer);
  }

  @Override
  public double gaussianLogLikelihood(double[] x, double[] mean, double[] halfPrecision,
      double[] logNormalizer, int off, int n, double floor) {
    if (n < 2 * LANES) {
      // Too short to repay the final reduction across lanes.
      return ScalarVectorKernels.INSTANCE.gaussianLogLikelihood(x, mean, halfPrecision,
          logNormalizer, off, n, floor);
    }
    DoubleVector acc = DoubleVector.zero(SPECIES);
    DoubleVector floorV = DoubleVector.broadcast(SPECIES, floor);
    for (int i = 0; i < n; i += LANES) {
      // The last step reads the last LANES cells and weighs the ones counted before by 0: no
      // scalar tail, which cost as much as a dozen full steps.
      int at = Math.min(i, n - LANES);
      DoubleVector counts = DoubleVector.fromArray(SPECIES, STEP_WEIGHTS, LANES - (i - at));
      DoubleVector d = DoubleVector.fromArray(SPECIES, x, at)
          .sub(DoubleVector.fromArray(SPECIES, mean, off + at));
      DoubleVector h = DoubleVector.fromArray(SPECIES, halfPrecision, off + at);
      DoubleVector logDensity = DoubleVector.fromArray(SPECIES, logNormalizer, off + at)
          .sub(h.mul(d).mul(d));
      // A point mass (h = 0) has log density 0 at its mean, and the floor anywhere else.
      VectorMask<Double> offPointMass = h.compare(VectorOperators.EQ, 0.0)
          .and(d.compare(VectorOperators.NE, 0.0));
      acc = acc.add(logDensity.blend(floorV, offPointMass).max(floorV).mul(counts));
    }
    double sum = (acc.lane(0) + acc.lane(1)) + (acc.lane(2) + acc.lane(3));
    if (LANES == 8) {
      sum += (acc.lane(4) + acc.lane(5)) + (acc.lane(6) + acc.lane(7));
    }
    return sum;
  }

  @Override
  public void normalSplitWeights(double[] thresholds, double[] weight, double[] mean, double[] sd,
      double[] min, double[] max, int off, int n, double[] left, double[] right) {
    int bound = n - n % LANES;
    DoubleVector zero = DoubleVector.zero(SPECIES);
    DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
    DoubleVector half = DoubleVector.broadcast(SPECIES, 0.5);
    DoubleVector two = DoubleVector.broadcast(SPECIES, 2.0);
    double sqrt2 = Math.sqrt(2);
    double[] fit = Normal.ERFC_FIT;
    // Normal.cdf(z) = 0.5 erfc(-z / sqrt 2), with Normal.erfc's operations in its order. First
    // pass: erfc's t into right and the exponent into left; then Math.exp over left (see
    // gaussianTerms for why not the lanewise EXP); then the second pass finishes.
    for (int j = 0; j < bound; j += LANES) {
      int cell = off + j;
      DoubleVector s = DoubleVector.fromArray(SPECIES, sd, cell);
      DoubleVector a = DoubleVector.fromArray(SPECIES, thresholds, j)
          .sub(DoubleVector.fromArray(SPECIES, mean, cell))
          .div(one.blend(s, s.compare(VectorOperators.GT, 0.0))).neg().div(sqrt2).abs();
      DoubleVector t = one.div(one.add(half.mul(a)));
      DoubleVector poly = DoubleVector.broadcast(SPECIES, fit[fit.length - 1]);
      for (int i = fit.length - 2; i >= 0; i--) {
        poly = t.mul(poly).add(fit[i]);
      }
      t.intoArray(right, cell);
      a.neg().mul(a).add(poly).intoArray(left, cell);
    }
    for (int cell = off; cell < off + bound; cell++) {
      left[cell] = Math.exp(left[cell]);
    }
    for (int j = 0; j < bound; j += LANES) {
      int cell = off + j;
      DoubleVector v = DoubleVector.fromArray(SPECIES, thresholds, j);
      DoubleVector w = DoubleVector.fromArray(SPECIES, weight, cell);
      DoubleVector mu = DoubleVector.fromArray(SPECIES, mean, cell);
      DoubleVector s = DoubleVector.fromArray(SPECIES, sd, cell);
      VectorMask<Double> spread = s.compare(VectorOperators.GT, 0.0);
      DoubleVector value = DoubleVector.fromArray(SPECIES, right, cell)
          .mul(DoubleVector.fromArray(SPECIES, left, cell));
      VectorMask<Double> upper = v.sub(mu).div(one.blend(s, spread)).neg().div(sqrt2)
          .compare(VectorOperators.GE, 0.0);
      DoubleVector erfc = two.sub(value).blend(value, upper);
      DoubleVector l = w.mul(half.mul(erfc))
          .blend(zero.blend(w, v.compare(VectorOperators.GE, mu)), spread.not())
          .blend(w, v.compare(VectorOperators.GE, DoubleVector.fromArray(SPECIES, max, cell)))
          .blend(zero, w.compare(VectorOperators.EQ, 0.0)
              .or(v.compare(VectorOperators.LT, DoubleVector.fromArray(SPECIES, min, cell))));
      l.intoArray(left, cell);
      w.sub(l).intoArray(right, cell);
    }
    ScalarVectorKernels.normalSplitWeightsRange(thresholds, weight, mean, sd, min, max, off, bound,
        n, left, right);
  }

  @Override
  public void splitMerits(double[] left, double[] right, int numClasses, int n,
      double parentImpurity, boolean gini, double minBranchFraction, double[] merits,
      double[] scratch) {
    int bound = n - n % LANES;
    DoubleVector zero = DoubleVector.zero(SPECIES);
    DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
    DoubleVector none = DoubleVector.broadcast(SPECIES, Double.NEGATIVE_INFINITY);
    int rightOff = numClasses * n;
    int rightWeightOff = 2 * numClasses * n;
    // First pass: each side's weight (left into merits, right after the shares in scratch) and
    // every class share of either side into scratch (left shares, then right ones).
    for (int j = 0; j < bound; j += LANES) {
      DoubleVector leftWeight = zero;
      DoubleVector rightWeight = zero;
      for (int c = 0; c < numClasses; c++) {
        leftWeight = leftWeight.add(DoubleVector.fromArray(SPECIES, left, c * n + j));
      }
      for (int c = 0; c < numClasses; c++) {
        rightWeight = rightWeight.add(DoubleVector.fromArray(SPECIES, right, c * n + j));
      }
      leftWeight.intoArray(merits, j);
      rightWeight.intoArray(scratch, rightWeightOff + j);
      for (int c = 0; c < numClasses; c++) {
        DoubleVector.fromArray(SPECIES, left, c * n + j).div(leftWeight)
            .intoArray(scratch, c * n + j);
        DoubleVector.fromArray(SPECIES, right, c * n + j).div(rightWeight)
            .intoArray(scratch, rightOff + c * n + j);
      }
    }
    if (!gini) { // p log p for p > 0, with Math.log (see gaussianTerms), 0 for the others
      for (int c = 0; c < 2 * numClasses; c++) {
        for (int i = c * n; i < c * n + bound; i++) {
          double p = scratch[i];
          scratch[i] = p > 0 ? p * Math.log(p) : 0;
        }
      }
    }
    // Second pass: ScalarVectorKernels.entropy / gini and the merit, lane by lane.
    for (int j = 0; j < bound; j += LANES) {
      DoubleVector leftWeight = DoubleVector.fromArray(SPECIES, merits, j);
      DoubleVector rightWeight = DoubleVector.fromArray(SPECIES, scratch, rightWeightOff + j);
      DoubleVector leftImpurity = gini ? one : zero;
      DoubleVector rightImpurity = leftImpurity;
      for (int c = 0; c < numClasses; c++) {
        DoubleVector l = DoubleVector.fromArray(SPECIES, scratch, c * n + j);
        DoubleVector r = DoubleVector.fromArray(SPECIES, scratch, rightOff + c * n + j);
        leftImpurity = leftImpurity.sub(gini ? l.mul(l) : l);
        rightImpurity = rightImpurity.sub(gini ? r.mul(r) : r);
      }
      if (!gini) {
        leftImpurity = leftImpurity.div(ScalarVectorKernels.LN2);
        rightImpurity = rightImpurity.div(ScalarVectorKernels.LN2);
      }
      leftImpurity = leftImpurity.blend(zero, leftWeight.compare(VectorOperators.LE, 0.0));
      rightImpurity = rightImpurity.blend(zero, rightWeight.compare(VectorOperators.LE, 0.0));
      DoubleVector total = leftWeight.add(rightWeight);
      DoubleVector merit = DoubleVector.broadcast(SPECIES, parentImpurity).sub(
          leftWeight.mul(leftImpurity).add(rightWeight.mul(rightImpurity)).div(total));
      if (!gini) {
        merit = merit.blend(none,
            leftWeight.div(total).compare(VectorOperators.LE, minBranchFraction)
                .or(rightWeight.div(total).compare(VectorOperators.LE, minBranchFraction)));
      }
      merit.blend(none, total.compare(VectorOperators.LE, 0.0)).intoArray(merits, j);
    }
    ScalarVectorKernels.splitMeritsRange(left, right, numClasses, n, bound, n, parentImpurity,
        gini, minBranchFraction, merits);
  }
}
