package org.brookml.drift;

import java.util.Arrays;

/** The two-sample Kolmogorov-Smirnov test, as KSWIN needs it. */
final class KolmogorovSmirnov {

  private KolmogorovSmirnov() {}

  /** {@code max |F_a - F_b|} of the empirical distributions; sorts both arrays in place. */
  static double statistic(double[] a, double[] b) {
    Arrays.sort(a);
    Arrays.sort(b);
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < a.length && j < b.length) {
      double x = Math.min(a[i], b[j]);
      while (i < a.length && a[i] == x) {
        i++;
      }
      while (j < b.length && b[j] == x) {
        j++;
      }
      d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
    }
    return d;
  }

  /**
   * The exact two-sided p-value {@code P(D >= d)} for two samples of {@code n} values each, by
   * Gnedenko and Korolyuk's sum: {@code 2 sum_j (-1)^(j+1) C(2n, n - jk) / C(2n, n)} with
   * {@code k = round(d n)}, the same figure as scipy's {@code ks_2samp(method="exact")}.
   */
  static double exactPValueEqualSizes(double d, int n) {
    int k = (int) Math.round(d * n);
    if (k <= 0) {
      return 1;
    }
    double sum = 0;
    double ratio = 1; // C(2n, n - t) / C(2n, n), built up as t grows
    int t = 0;
    for (int j = 1; j * k <= n; j++) {
      for (; t < j * k; t++) {
        ratio *= (double) (n - t) / (n + t + 1);
      }
      sum += (j % 2 == 1 ? 1 : -1) * ratio;
    }
    return Math.min(1, Math.max(0, 2 * sum));
  }
}
