package org.brookml.internal.vector;

import static org.brookml.internal.vector.PanamaSupport.LANES;
import static org.brookml.internal.vector.PanamaSupport.SPECIES;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/** {@link GaussianKernels} on the incubating Vector API; see {@link PanamaSupport}. */
final class PanamaGaussianKernels implements GaussianKernels {

  // LANES zeros, then LANES ones: read from LANES - k, the weights of a step whose first k lanes
  // were counted already.
  private static final double[] STEP_WEIGHTS = new double[2 * LANES];

  static {
    Arrays.fill(STEP_WEIGHTS, LANES, 2 * LANES, 1.0);
  }

  PanamaGaussianKernels() {
    PanamaSupport.requireSupportedLanes();
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
      DoubleVector.fromArray(SPECIES, m2, cell).add(scaled.mul(v.sub(updated))).max(0.0)
          .intoArray(m2, cell); // as the scalar kernel: never a hair below 0
      total.intoArray(weight, cell);
      DoubleVector lo = DoubleVector.fromArray(SPECIES, min, cell);
      lo.blend(v, v.compare(VectorOperators.LT, lo)).intoArray(min, cell);
      DoubleVector hi = DoubleVector.fromArray(SPECIES, max, cell);
      hi.blend(v, v.compare(VectorOperators.GT, hi)).intoArray(max, cell);
    }
    ScalarGaussianKernels.welfordAddRange(x, w, weight, mean, m2, min, max, off, j, n);
  }

  @Override
  public void gaussianTerms(double[] weight, double[] m2, int off, int n, double epsilon,
      double[] halfPrecision, double[] logNormalizer) {
    int bound = n - n % LANES;
    DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
    DoubleVector zero = DoubleVector.zero(SPECIES);
    for (int i = 0; i < bound; i += LANES) {
      DoubleVector w = DoubleVector.fromArray(SPECIES, weight, off + i);
      VectorMask<Double> counted = w.compare(VectorOperators.GT, 1.0);
      // Cells of weight <= 1 divide by 1 and are then zeroed, so no lane divides by zero.
      DoubleVector variance = zero.blend(DoubleVector.fromArray(SPECIES, m2, off + i)
          .div(one.blend(w.sub(one), counted)), counted).add(epsilon);
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
    ScalarGaussianKernels.gaussianTermsRange(weight, m2, off, bound, n, epsilon, halfPrecision,
        logNormalizer);
  }

  @Override
  public double gaussianLogLikelihood(double[] x, double[] mean, double[] halfPrecision,
      double[] logNormalizer, int off, int n, double floor) {
    if (n < 2 * LANES) {
      // Too short to repay the final reduction across lanes.
      return ScalarGaussianKernels.INSTANCE.gaussianLogLikelihood(x, mean, halfPrecision,
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
}
