package org.brookml.bench.linear;

/**
 * The in-process baseline: logistic SGD in the two plain loops anyone would write (dot, then
 * axpy), with the same optimal schedule and L2 shrink applied to every weight, no validation.
 */
public final class PlainLogisticSgd {

  private final double[] w;
  private final double alpha;
  private final double t0;
  private double b;
  private long t;

  public PlainLogisticSgd(int dimension, double alpha) {
    this.w = new double[dimension];
    this.alpha = alpha;
    this.t0 = 1 / (Math.sqrt(1 / Math.sqrt(alpha)) * alpha);
  }

  public void learn(double[] x, int label) {
    double y = 2 * label - 1;
    double p = b;
    for (int j = 0; j < w.length; j++) {
      p += w[j] * x[j];
    }
    double eta = 1 / (alpha * (t0 + t));
    double g = -y / (1 + Math.exp(y * p));
    double shrink = 1 - eta * alpha;
    for (int j = 0; j < w.length; j++) {
      w[j] = shrink * w[j] - eta * g * x[j];
    }
    b -= eta * g;
    t++;
  }
}
