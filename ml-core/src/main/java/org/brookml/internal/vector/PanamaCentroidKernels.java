package org.brookml.internal.vector;

import static jdk.incubator.vector.VectorOperators.NE;
import static org.brookml.internal.vector.PanamaSupport.LANES;
import static org.brookml.internal.vector.PanamaSupport.SPECIES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;

/** {@link CentroidKernels} on the incubating Vector API; see {@link PanamaSupport}. */
final class PanamaCentroidKernels implements CentroidKernels {

  // Centre numbers within a 512-bit block, as doubles: lanes of the lower and upper half, and a
  // number larger than any, for lanes that do not hold the minimum.
  private static final DoubleVector LOWER_HALF = iota(0);
  private static final DoubleVector UPPER_HALF = iota(LANES);
  private static final DoubleVector NO_CENTRE = DoubleVector.broadcast(SPECIES, 2 * LANES);
  // With 256-bit vectors a block of 16 centres is four: the third and fourth quarters' numbers.
  private static final DoubleVector THIRD_QUARTER = iota(2 * LANES);
  private static final DoubleVector FOURTH_QUARTER = iota(3 * LANES);
  // Lane orders that bring the other half, and the other lane of each pair, into place (256 bits).
  private static final VectorShuffle<Double> SWAP_HALVES = shuffle(2, 3, 0, 1);
  private static final VectorShuffle<Double> SWAP_PAIRS = shuffle(1, 0, 3, 2);

  PanamaCentroidKernels() {
    PanamaSupport.requireSupportedLanes();
  }

  /** The shuffle for 256-bit vectors; with 512-bit ones (where it is unused) the first four. */
  private static VectorShuffle<Double> shuffle(int... lanes) {
    int[] all = new int[LANES];
    for (int i = 0; i < LANES; i++) {
      all[i] = i < lanes.length ? lanes[i] : i;
    }
    return VectorShuffle.fromValues(SPECIES, all);
  }

  private static DoubleVector iota(int start) {
    double[] lanes = new double[LANES];
    for (int i = 0; i < LANES; i++) {
      lanes[i] = start + i;
    }
    return DoubleVector.fromArray(SPECIES, lanes, 0);
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
    return ScalarCentroidKernels.indexOfMin(scratch, stride);
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
        ? nearestFourRowsAtATime(xs, xOff, rows, d, transposedCenters, norms, stride, out)
        : nearestTwoRowsAtATime(xs, xOff, rows, d, transposedCenters, norms, stride, out);
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
      double[] norms, int stride, int[] out) {
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
              .blend(NO_CENTRE, aLow.compare(NE, aMin))
              .reduceLanes(VectorOperators.MIN);
        }
        DoubleVector bs0 = b0.mul(-2.0).add(n0);
        DoubleVector bs1 = b1.mul(-2.0).add(n1);
        DoubleVector bLow = bs0.min(bs1);
        double bMin = bLow.reduceLanes(VectorOperators.MIN);
        if (bMin < best1) {
          best1 = bMin;
          out[r + 1] = block + (int) LOWER_HALF.blend(UPPER_HALF, bs1.lt(bs0))
              .blend(NO_CENTRE, bLow.compare(NE, bMin))
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
      double[] norms, int stride, int[] out) {
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
        // Lane by lane, the lower of centres l, l+4, l+8, l+12 (strict comparisons keep the lower
        // number on ties), then across lanes; no NaN-aware minimum, which costs a chain of blends.
        VectorMask<Double> a01 = as1.lt(as0);
        VectorMask<Double> a23 = as3.lt(as2);
        DoubleVector aLow = as0.blend(as1, a01);
        DoubleVector aHigh = as2.blend(as3, a23);
        VectorMask<Double> aUpper = aHigh.lt(aLow);
        DoubleVector aScore = aLow.blend(aHigh, aUpper);
        DoubleVector aCentre = LOWER_HALF.blend(UPPER_HALF, a01)
            .blend(THIRD_QUARTER.blend(FOURTH_QUARTER, a23), aUpper);
        DoubleVector aScoreSwapped = aScore.rearrange(SWAP_HALVES);
        DoubleVector aCentreSwapped = aCentre.rearrange(SWAP_HALVES);
        VectorMask<Double> aTake = aScoreSwapped.lt(aScore)
            .or(aScoreSwapped.eq(aScore).and(aCentreSwapped.lt(aCentre)));
        aScore = aScore.blend(aScoreSwapped, aTake);
        aCentre = aCentre.blend(aCentreSwapped, aTake);
        aScoreSwapped = aScore.rearrange(SWAP_PAIRS);
        aCentreSwapped = aCentre.rearrange(SWAP_PAIRS);
        aTake = aScoreSwapped.lt(aScore)
            .or(aScoreSwapped.eq(aScore).and(aCentreSwapped.lt(aCentre)));
        double aMin = aScore.blend(aScoreSwapped, aTake).lane(0);
        if (aMin < best0) {
          best0 = aMin;
          out[r] = block + (int) aCentre.blend(aCentreSwapped, aTake).lane(0);
        }
        DoubleVector bs0 = b0.mul(-2.0).add(n0);
        DoubleVector bs1 = b1.mul(-2.0).add(n1);
        DoubleVector bs2 = b2.mul(-2.0).add(n2);
        DoubleVector bs3 = b3.mul(-2.0).add(n3);
        VectorMask<Double> b01 = bs1.lt(bs0);
        VectorMask<Double> b23 = bs3.lt(bs2);
        DoubleVector bLow = bs0.blend(bs1, b01);
        DoubleVector bHigh = bs2.blend(bs3, b23);
        VectorMask<Double> bUpper = bHigh.lt(bLow);
        DoubleVector bScore = bLow.blend(bHigh, bUpper);
        DoubleVector bCentre = LOWER_HALF.blend(UPPER_HALF, b01)
            .blend(THIRD_QUARTER.blend(FOURTH_QUARTER, b23), bUpper);
        DoubleVector bScoreSwapped = bScore.rearrange(SWAP_HALVES);
        DoubleVector bCentreSwapped = bCentre.rearrange(SWAP_HALVES);
        VectorMask<Double> bTake = bScoreSwapped.lt(bScore)
            .or(bScoreSwapped.eq(bScore).and(bCentreSwapped.lt(bCentre)));
        bScore = bScore.blend(bScoreSwapped, bTake);
        bCentre = bCentre.blend(bCentreSwapped, bTake);
        bScoreSwapped = bScore.rearrange(SWAP_PAIRS);
        bCentreSwapped = bCentre.rearrange(SWAP_PAIRS);
        bTake = bScoreSwapped.lt(bScore)
            .or(bScoreSwapped.eq(bScore).and(bCentreSwapped.lt(bCentre)));
        double bMin = bScore.blend(bScoreSwapped, bTake).lane(0);
        if (bMin < best1) {
          best1 = bMin;
          out[r + 1] = block + (int) bCentre.blend(bCentreSwapped, bTake).lane(0);
        }
      }
      check += (best0 + best1) * 0.0;
    }
    return check == 0.0;
  }

  /**
   * Blocks of four vectors held in registers across the rows (four independent chains of a
   * subtraction and a fused multiply-add), then single vectors, then the coordinates left one by
   * one, unfused: the same split of the coordinates for every call.
   */
  @Override
  public void moveTowardRows(double[] xs, int xOff, int d, int[] rows, int from, int to,
      double[] etas, double[] c, int cOff) {
    int j = 0;
    for (; j + 4 * LANES <= d; j += 4 * LANES) {
      int at = cOff + j;
      DoubleVector c0 = DoubleVector.fromArray(SPECIES, c, at);
      DoubleVector c1 = DoubleVector.fromArray(SPECIES, c, at + LANES);
      DoubleVector c2 = DoubleVector.fromArray(SPECIES, c, at + 2 * LANES);
      DoubleVector c3 = DoubleVector.fromArray(SPECIES, c, at + 3 * LANES);
      for (int i = from; i < to; i++) {
        int x = xOff + rows[i] * d + j;
        DoubleVector eta = DoubleVector.broadcast(SPECIES, etas[i]);
        c0 = DoubleVector.fromArray(SPECIES, xs, x).sub(c0).fma(eta, c0);
        c1 = DoubleVector.fromArray(SPECIES, xs, x + LANES).sub(c1).fma(eta, c1);
        c2 = DoubleVector.fromArray(SPECIES, xs, x + 2 * LANES).sub(c2).fma(eta, c2);
        c3 = DoubleVector.fromArray(SPECIES, xs, x + 3 * LANES).sub(c3).fma(eta, c3);
      }
      c0.intoArray(c, at);
      c1.intoArray(c, at + LANES);
      c2.intoArray(c, at + 2 * LANES);
      c3.intoArray(c, at + 3 * LANES);
    }
    for (; j + LANES <= d; j += LANES) {
      DoubleVector cj = DoubleVector.fromArray(SPECIES, c, cOff + j);
      for (int i = from; i < to; i++) {
        DoubleVector eta = DoubleVector.broadcast(SPECIES, etas[i]);
        cj = DoubleVector.fromArray(SPECIES, xs, xOff + rows[i] * d + j).sub(cj).fma(eta, cj);
      }
      cj.intoArray(c, cOff + j);
    }
    ScalarCentroidKernels.moveCoordinates(xs, xOff + j, d, rows, from, to, etas, c, cOff + j,
        d - j);
  }
}
