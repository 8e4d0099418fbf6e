package org.brookml.internal.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What the kernel families' differential tests share: each compares the scalar and Vector API
 * implementations with a naive reference on every size from 0 to 70 (every loop tail) and a few
 * large ones, at non-zero offsets, with tolerances that scale with the length, since the
 * implementations add in different orders.
 */
final class KernelTestSupport {

  private KernelTestSupport() {}

  static Stream<Integer> sizes() {
    return Stream.concat(IntStream.rangeClosed(0, 70).boxed(), Stream.of(127, 128, 129, 1000,
        4099));
  }

  static List<KernelSet> implementations() {
    List<KernelSet> kernels = new ArrayList<>();
    kernels.add(KernelSet.SCALAR);
    KernelSet panama = VectorKernelsProvider.panamaOrNull();
    if (panama != null) {
      kernels.add(panama);
    }
    return kernels;
  }

  static double[] random(SplittableRandom rnd, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextDouble(-10, 10);
    }
    return x;
  }

  /** {@code x} stored from {@code offset} on, after values a kernel must not read (NaN). */
  static double[] shifted(double[] x, int offset) {
    double[] padded = new double[offset + x.length];
    java.util.Arrays.fill(padded, 0, offset, Double.NaN);
    System.arraycopy(x, 0, padded, offset, x.length);
    return padded;
  }

  static double tolerance(int n) {
    return 1e-12 * (n + 1) * 100;
  }

}
