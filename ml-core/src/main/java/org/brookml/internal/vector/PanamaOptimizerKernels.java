package org.brookml.internal.vector;

import static org.brookml.internal.vector.PanamaSupport.LANES;
import static org.brookml.internal.vector.PanamaSupport.SPECIES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/** {@link OptimizerKernels} on the incubating Vector API; see {@link PanamaSupport}. */
final class PanamaOptimizerKernels implements OptimizerKernels {

  PanamaOptimizerKernels() {
    PanamaSupport.requireSupportedLanes();
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
    ScalarOptimizerKernels.adaGradRange(g, x, xOff, w, sumSq, i, n, eta, l2, eps);
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
    ScalarOptimizerKernels.ftrlRange(g, x, xOff, w, z, sumSq, i, n, alpha, beta, l1, l2);
  }
}
