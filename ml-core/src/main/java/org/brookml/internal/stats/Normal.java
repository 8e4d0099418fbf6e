package org.brookml.internal.stats;

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
    double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277))))))));
    double value = t * Math.exp(-z * z + poly);
    return x >= 0 ? value : 2 - value;
  }
}
