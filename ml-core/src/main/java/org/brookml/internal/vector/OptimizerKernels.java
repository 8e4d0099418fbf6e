package org.brookml.internal.vector;

/**
 * Per-coordinate optimizer steps of the linear models (AdaGrad, FTRL-Proximal), where a zero
 * feature leaves its coordinate exactly as it is. No argument checking: callers have checked every
 * range.
 */
public interface OptimizerKernels {

  /**
   * One AdaGrad step over {@code n} coordinates, where {@code x_i = 0} leaves a coordinate exactly
   * as it is: {@code g_i = g x_i + (x_i != 0 ? l2 w_i : 0)}, {@code sumSq_i += g_i^2},
   * {@code w_i -= eta g_i / sqrt(sumSq_i + eps)}, with {@code x_i = x[xOff + i]}.
   */
  void adaGradStep(double g, double[] x, int xOff, double[] w, double[] sumSq, int n, double eta, double l2,
      double eps);

  /**
   * One FTRL-Proximal step (McMahan et al. 2013) over {@code n} coordinates; where {@code x_i = 0}
   * nothing changes. With {@code g_i = g x_i}: {@code sigma = (sqrt(n_i + g_i^2) - sqrt(n_i)) /
   * alpha}, {@code z_i += g_i - sigma w_i}, {@code n_i += g_i^2}, and {@code w_i = 0} if
   * {@code |z_i| <= l1}, else {@code -(z_i - sign(z_i) l1) / ((beta + sqrt(n_i)) / alpha + l2)};
   * {@code x_i = x[xOff + i]}.
   */
  void ftrlStep(double g, double[] x, int xOff, double[] w, double[] z, double[] sumSq, int n, double alpha,
      double beta, double l1, double l2);
}
