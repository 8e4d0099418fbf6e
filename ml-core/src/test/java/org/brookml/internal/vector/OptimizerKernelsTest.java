package org.brookml.internal.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.brookml.internal.vector.KernelTestSupport.implementations;
import static org.brookml.internal.vector.KernelTestSupport.random;
import static org.brookml.internal.vector.KernelTestSupport.shifted;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link OptimizerKernels}: each step against its paper's formula, in every implementation and at
 * every tail size.
 */
class OptimizerKernelsTest {

  @ParameterizedTest
  @MethodSource("org.brookml.internal.vector.KernelTestSupport#sizes")
  void adaGradStep_matchesTheFormula_andLeavesZeroCoordinatesAlone(int n) {
    SplittableRandom rnd = new SplittableRandom(2000 + n);
    double[] x = random(rnd, n);
    for (int i = 0; i < n; i += 3) {
      x[i] = 0;
    }
    double[] w0 = random(rnd, n);
    double[] s0 = new double[n];
    for (int i = 0; i < n; i++) {
      s0[i] = Math.abs(w0[i]);
    }
    double[] expectedW = w0.clone();
    double[] expectedS = s0.clone();
    for (int i = 0; i < n; i++) {
      double gi = -0.7 * x[i] + (x[i] != 0 ? 0.01 * w0[i] : 0);
      expectedS[i] += gi * gi;
      expectedW[i] -= 0.3 * gi / Math.sqrt(expectedS[i] + 1e-8);
    }
    for (KernelSet k : implementations()) {
      double[] w = w0.clone();
      double[] s = s0.clone();
      k.optimizerSteps().adaGradStep(-0.7, shifted(x, 5), 5, w, s, n, 0.3, 0.01, 1e-8);
      assertThat(w).as(k.name()).containsExactly(expectedW, within(1e-12));
      assertThat(s).as(k.name()).containsExactly(expectedS, within(1e-12));
      for (int i = 0; i < n; i += 3) {
        assertThat(w[i]).isEqualTo(w0[i]);
        assertThat(s[i]).isEqualTo(s0[i]);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.brookml.internal.vector.KernelTestSupport#sizes")
  void ftrlStep_matchesMcMahanAlgorithm1_andLeavesZeroCoordinatesAlone(int n) {
    SplittableRandom rnd = new SplittableRandom(3000 + n);
    double[] x = random(rnd, n);
    for (int i = 0; i < n; i += 3) {
      x[i] = 0;
    }
    double[] w0 = random(rnd, n);
    double[] z0 = random(rnd, n);
    double[] n0 = new double[n];
    for (int i = 0; i < n; i++) {
      n0[i] = Math.abs(w0[i]) * 3;
      z0[i] *= 0.1; // some |z| below l1 = 0.5, some above
    }
    double alpha = 0.2;
    double beta = 1;
    double l1 = 0.5;
    double l2 = 0.1;
    double g = 0.3;
    double[] ew = w0.clone();
    double[] ez = z0.clone();
    double[] en = n0.clone();
    for (int i = 0; i < n; i++) {
      double gi = g * x[i];
      double sigma = (Math.sqrt(en[i] + gi * gi) - Math.sqrt(en[i])) / alpha;
      ez[i] += gi - sigma * ew[i];
      en[i] += gi * gi;
      ew[i] = Math.abs(ez[i]) <= l1 ? 0
          : -(ez[i] - Math.signum(ez[i]) * l1) / ((beta + Math.sqrt(en[i])) / alpha + l2);
    }
    for (KernelSet k : implementations()) {
      double[] w = w0.clone();
      double[] z = z0.clone();
      double[] sums = n0.clone();
      k.optimizerSteps().ftrlStep(g, shifted(x, 3), 3, w, z, sums, n, alpha, beta, l1, l2);
      assertThat(z).as(k.name()).containsExactly(ez, within(1e-12));
      assertThat(sums).as(k.name()).containsExactly(en, within(1e-12));
      assertThat(w).as(k.name()).containsExactly(ew, within(1e-12));
    }
  }

}
