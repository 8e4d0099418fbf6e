package org.brookml.internal.vector;

import static org.brookml.internal.vector.PanamaSupport.LANES;
import static org.brookml.internal.vector.PanamaSupport.SPECIES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
/** {@link SplitKernels} on the incubating Vector API; see {@link PanamaSupport}. */
final class PanamaSplitKernels implements SplitKernels {

  PanamaSplitKernels() {
    PanamaSupport.requireSupportedLanes();
  }

  @Override
  public void normalSplitWeights(double[] thresholds, double[] weight, double[] mean, double[] sd,
      double[] min, double[] max, int off, int n, double[] left, double[] right, int outOff) {
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
      t.intoArray(right, outOff + j);
      a.neg().mul(a).add(poly).intoArray(left, outOff + j);
    }
    for (int out = outOff; out < outOff + bound; out++) {
      left[out] = Math.exp(left[out]);
    }
    for (int j = 0; j < bound; j += LANES) {
      int cell = off + j;
      DoubleVector v = DoubleVector.fromArray(SPECIES, thresholds, j);
      DoubleVector w = DoubleVector.fromArray(SPECIES, weight, cell);
      DoubleVector mu = DoubleVector.fromArray(SPECIES, mean, cell);
      DoubleVector s = DoubleVector.fromArray(SPECIES, sd, cell);
      VectorMask<Double> spread = s.compare(VectorOperators.GT, 0.0);
      int out = outOff + j;
      DoubleVector value = DoubleVector.fromArray(SPECIES, right, out)
          .mul(DoubleVector.fromArray(SPECIES, left, out));
      VectorMask<Double> upper = v.sub(mu).div(one.blend(s, spread)).neg().div(sqrt2)
          .compare(VectorOperators.GE, 0.0);
      DoubleVector erfc = two.sub(value).blend(value, upper);
      DoubleVector l = w.mul(half.mul(erfc))
          .blend(zero.blend(w, v.compare(VectorOperators.GE, mu)), spread.not())
          .blend(w, v.compare(VectorOperators.GE, DoubleVector.fromArray(SPECIES, max, cell)))
          .blend(zero, w.compare(VectorOperators.EQ, 0.0)
              .or(v.compare(VectorOperators.LT, DoubleVector.fromArray(SPECIES, min, cell))));
      l.intoArray(left, out);
      w.sub(l).intoArray(right, out);
    }
    ScalarSplitKernels.normalSplitWeightsRange(thresholds, weight, mean, sd, min, max, off, bound,
        n, left, right, outOff);
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
    // Second pass: ScalarSplitKernels.entropy / gini and the merit, lane by lane.
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
        leftImpurity = leftImpurity.div(ScalarSplitKernels.LN2);
        rightImpurity = rightImpurity.div(ScalarSplitKernels.LN2);
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
    ScalarSplitKernels.splitMeritsRange(left, right, numClasses, n, bound, n, parentImpurity,
        gini, minBranchFraction, merits);
  }
}
