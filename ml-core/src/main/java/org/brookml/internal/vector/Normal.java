package org.brookml.internal.vector;

/** The standard normal distribution's CDF, to about 1e-7 absolute error. */
public final class Normal {

  private Normal() {}

  /** {@code P(Z <= z)} for a standard normal {@code Z}. */
  public static double cdf(double z) {
    return 0.5 * erfc(-z / Math.sqrt(2));
  }

  /**
   * Complementary error function by the Chebyshev fit of Press et al., Numerical Recipes, section
   * 6.2 (fractional error below 1.2e-7 everywhere).
   */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double poly = ERFC_FIT[ERFC_FIT.length - 1];
    for (int i = ERFC_FIT.length - 2; i >= 0; i--) {
      poly = ERFC_FIT[i] + t * poly;
    }
    double value = t * Math.exp(-z * z + poly);
    return x >= 0 ? value : 2 - value;
  }

  /**
   * The fit's coefficients, lowest power of {@code t} first; read by the Vector API kernels, which
   * evaluate the same polynomial lane by lane. Do not modify.
   */
  public static final double[] ERFC_FIT = {-1.26551223, 1.00002368, 0.37409196, 0.09678418,
      -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277};
}
