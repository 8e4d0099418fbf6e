package org.brookml.internal.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.brookml.internal.vector.KernelTestSupport.implementations;
import static org.brookml.internal.vector.KernelTestSupport.random;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link VectorKernelsProvider}: which kernels a JVM gets, and that the kernels whose results are
 * promised to be JIT-independent give the scalar bits, cold or compiled.
 */
class VectorKernelsProviderTest {

  @Test
  void panamaIsSelected_whenTheVectorRunAsksForIt() {
    assumeTrue("panama".equals(System.getProperty("brook.vector")),
        "only in the surefire run with --add-modules jdk.incubator.vector");
    assertThat(VectorKernelsProvider.kernels().name()).isIn("panama-256", "panama-512");
    if ("256".equals(System.getProperty("brook.vector.bits"))) { // the vector-api-256 run
      assertThat(VectorKernelsProvider.kernels().name()).isEqualTo("panama-256");
      assertThat(PanamaSupport.LANES).isEqualTo(4);
    }
  }

  @Test
  void scalarIsSelected_withoutTheModule() {
    assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty(),
        "only when the Vector API module is absent");
    assertThat(VectorKernelsProvider.kernels().name()).isEqualTo("scalar");
    assertThat(VectorKernelsProvider.panamaOrNull()).isNull();
  }

  /**
   * The kernels with logarithms and exponentials give the scalar kernels' bits exactly, so that a
   * tree or naive Bayes model does not depend on the Vector API module or on the JIT's state.
   */
  @ParameterizedTest
  @MethodSource("org.brookml.internal.vector.KernelTestSupport#sizes")
  void transcendentalKernels_giveTheScalarBitsExactly(int n) {
    assertThat(transcendentalMismatches(n)).isEmpty();
  }

  /**
   * The same after C2 has compiled the kernels: the lanewise LOG and EXP that these kernels avoid
   * gave other bits once compiled than interpreted.
   */
  @Test
  void transcendentalKernels_giveTheScalarBitsExactly_onceCompiled() {
    List<String> mismatches = new ArrayList<>();
    for (int round = 0; round < 5_000; round++) {
      mismatches.addAll(transcendentalMismatches(17 + round % 48));
    }
    assertThat(mismatches).isEmpty();
  }

  /** Which outputs of which implementation differ from the scalar kernels' bits, for size n. */
  private static List<String> transcendentalMismatches(int n) {
    SplittableRandom rnd = new SplittableRandom(7000 + n);
    int cells = 2 * n;
    double[] weight = new double[cells];
    double[] mean = new double[cells];
    double[] m2 = new double[cells];
    double[] sd = new double[cells];
    double[] min = new double[cells];
    double[] max = new double[cells];
    for (int cell = 0; cell < cells; cell++) {
      weight[cell] = rnd.nextInt(5) == 0 ? rnd.nextInt(2) : rnd.nextDouble(1, 500);
      mean[cell] = rnd.nextDouble(-5, 5);
      m2[cell] = rnd.nextInt(5) == 0 ? 0 : rnd.nextDouble(0, 1000);
      sd[cell] = Math.sqrt(weight[cell] > 1 ? m2[cell] / (weight[cell] - 1) : 0);
      min[cell] = mean[cell] - rnd.nextDouble(0, 10);
      max[cell] = mean[cell] + rnd.nextDouble(0, 10);
    }
    double[] thresholds = random(rnd, n);
    KernelSet scalar = KernelSet.SCALAR;
    double[] half = new double[cells];
    double[] log = new double[cells];
    scalar.gaussians().gaussianTerms(weight, m2, 0, cells, 1e-9, half, log);
    double[] left = new double[cells];
    double[] right = new double[cells];
    for (int c = 0; c < 2; c++) {
      scalar.splits().normalSplitWeights(thresholds, weight, mean, sd, min, max, c * n, n, left,
          right, c * n);
    }
    double[] gains = new double[n];
    double[] ginis = new double[n];
    scalar.splits().splitMerits(left, right, 2, n, 0.9, false, 0.01, gains, new double[5 * n]);
    scalar.splits().splitMerits(left, right, 2, n, 0.4, true, 0.01, ginis, new double[5 * n]);
    List<String> mismatches = new ArrayList<>();
    for (KernelSet k : implementations()) {
      double[] kHalf = new double[cells];
      double[] kLog = new double[cells];
      k.gaussians().gaussianTerms(weight, m2, 0, cells, 1e-9, kHalf, kLog);
      double[] kLeft = new double[cells];
      double[] kRight = new double[cells];
      for (int c = 0; c < 2; c++) {
        k.splits().normalSplitWeights(thresholds, weight, mean, sd, min, max, c * n, n, kLeft,
            kRight, c * n);
      }
      double[] kGains = new double[n];
      double[] kGinis = new double[n];
      k.splits().splitMerits(left, right, 2, n, 0.9, false, 0.01, kGains, new double[5 * n]);
      k.splits().splitMerits(left, right, 2, n, 0.4, true, 0.01, kGinis, new double[5 * n]);
      double[][] got = {kHalf, kLog, kLeft, kRight, kGains, kGinis};
      double[][] expected = {half, log, left, right, gains, ginis};
      String[] names = {"halfPrecision", "logNormalizer", "left", "right", "gains", "ginis"};
      for (int o = 0; o < names.length; o++) {
        if (!java.util.Arrays.equals(got[o], expected[o])) {
          mismatches.add(k.name() + " " + names[o] + " n=" + n);
        }
      }
    }
    return mismatches;
  }

}
