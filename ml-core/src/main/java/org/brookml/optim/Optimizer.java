package org.brookml.optim;

import java.util.Locale;

/**
 * How a linear model turns the loss gradient of one example into a weight update: an immutable
 * configuration; the mutable per-model state lives with the model. Each optimizer touches
 * only the coordinates where the example is non-zero (plus the intercept), so a sparse example
 * costs O(non-zeros) and dense and sparse input give the same model:
 *
 * <ul>
 *   <li>{@link #sgd}: plain SGD, {@code w <- w - eta(t) (g x + alpha d penalty)}, with the L2 part
 *       as one weight scale {@code w = s v} (Bottou) and the L1 part as Tsuruoka et al.'s (2009)
 *       cumulative penalty, in scikit-learn's order: scale, gradient step, L1;
 *   <li>{@link #averagedSgd}: the same steps, but predictions use the average of all iterates
 *       (Polyak and Juditsky 1992; Bottou's ASGD), kept lazily so a sparse step stays O(nnz);
 *   <li>{@link #adaGrad}: Duchi et al. (2011), {@code w_i -= eta g_i / sqrt(G_i + eps)};
 *   <li>{@link #adam}: Kingma and Ba (2015), bias-corrected moments, applied lazily to the
 *       coordinates present in an example (as sparse "lazy Adam" implementations do);
 *   <li>{@link #ftrl}: FTRL-Proximal (McMahan et al. 2013, Algorithm 1) with its own L1 and L2.
 * </ul>
 *
 * <p>For the adaptive optimizers the intercept is one more coordinate, always 1, never penalized;
 * for plain SGD it moves by {@code eta(t) * interceptFactor} (scikit-learn's intercept decay).
 */
public abstract class Optimizer {

  /** Which algorithm an optimizer runs. */
  public enum Kind {
    SGD,
    ADAGRAD,
    ADAM,
    FTRL
  }

  private Optimizer() {}

  /**
   * Plain SGD with elastic-net penalty {@code alpha (l1Ratio |w|_1 + (1 - l1Ratio) |w|^2 / 2)}.
   *
   * @param rate the step-size schedule
   * @param alpha penalty strength, {@code >= 0}
   * @param l1Ratio share of L1 in the penalty, in {@code [0, 1]}
   * @param interceptFactor the intercept's step relative to the weights', {@code >= 0}
   */
  public static Optimizer sgd(LearningRate rate, double alpha, double l1Ratio,
      double interceptFactor) {
    return new Sgd(rate, alpha, l1Ratio, interceptFactor, false);
  }

  /**
   * Averaged SGD: {@link #sgd} steps, predictions from the average of every iterate so far,
   * {@code (w_1 + ... + w_t) / t}, and the intercept likewise. Learning itself follows the
   * iterates.
   */
  public static Optimizer averagedSgd(LearningRate rate, double alpha, double l1Ratio,
      double interceptFactor) {
    return new Sgd(rate, alpha, l1Ratio, interceptFactor, true);
  }

  /**
   * AdaGrad with step 0.1 and no L2, River's {@code optim.AdaGrad} defaults: with online scaling it
   * was the best setting on every data set tried.
   */
  public static Optimizer adaGrad() {
    return adaGrad(0.1, 0);
  }

  /** AdaGrad with step {@code eta}, L2 strength {@code l2} added to the gradient, {@code eps = 1e-8}. */
  public static Optimizer adaGrad(double eta, double l2) {
    return new AdaGrad(eta, l2);
  }

  /**
   * Adam with River's {@code optim.Adam} defaults: step 0.1, moment decays 0.9 and 0.999, no L2 (a
   * larger step than the 0.001 of Kingma and Ba, who train for many passes: online models see
   * each example once).
   */
  public static Optimizer adam() {
    return adam(0.1, 0.9, 0.999, 0);
  }

  /** Adam with step {@code eta}, moment decays {@code beta1, beta2}, {@code eps = 1e-8}, and L2. */
  public static Optimizer adam(double eta, double beta1, double beta2, double l2) {
    return new Adam(eta, beta1, beta2, l2);
  }

  /** FTRL-Proximal with per-coordinate rate {@code alpha / (beta + sqrt(n_i))}, L1 and L2. */
  public static Optimizer ftrl(double alpha, double beta, double l1, double l2) {
    return new Ftrl(alpha, beta, l1, l2);
  }

  /** The algorithm. */
  public abstract Kind kind();

  /**
   * The numeric settings in a fixed order per kind, a fresh array: SGD {@code alpha, l1Ratio,
   * interceptFactor, averaged (0 or 1)}; AdaGrad {@code eta, l2}; Adam {@code eta, beta1, beta2,
   * l2}; FTRL {@code alpha, beta, l1, l2}.
   */
  public abstract double[] settings();

  static Optimizer of(Kind kind, double[] s, LearningRate rate) {
    switch (kind) {
      case SGD:
        return new Sgd(rate, s[0], s[1], s[2], s[3] != 0);
      case ADAGRAD:
        return adaGrad(s[0], s[1]);
      case ADAM:
        return adam(s[0], s[1], s[2], s[3]);
      default:
        return ftrl(s[0], s[1], s[2], s[3]);
    }
  }

  /** Whether predictions use the average of every iterate (averaged SGD) rather than the last. */
  public boolean averagesIterates() {
    return false;
  }

  /** The schedule of plain SGD, or null for the adaptive optimizers. */
  public LearningRate learningRate() {
    return null;
  }

  static double requireNonNegative(double v, String name) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
    }
    return v;
  }

  static double requirePositive(double v, String name) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
    }
    return v;
  }

  static double requireFraction(double v, String name) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
    }
    return v;
  }

  static final class Sgd extends Optimizer {
    final LearningRate rate;
    final double alpha;
    final double l1Ratio;
    final double interceptFactor;
    final boolean averaged;

    Sgd(LearningRate rate, double alpha, double l1Ratio, double interceptFactor,
        boolean averaged) {
      if (rate == null) {
        throw new NullPointerException("rate");
      }
      this.rate = rate;
      this.alpha = requireNonNegative(alpha, "alpha");
      this.l1Ratio = requireFraction(l1Ratio, "l1Ratio");
      this.interceptFactor = requireNonNegative(interceptFactor, "interceptFactor");
      this.averaged = averaged;
    }

    @Override
    public Kind kind() {
      return Kind.SGD;
    }

    @Override
    public double[] settings() {
      return new double[] {alpha, l1Ratio, interceptFactor, averaged ? 1 : 0};
    }

    @Override
    public LearningRate learningRate() {
      return rate;
    }

    @Override
    public boolean averagesIterates() {
      return averaged;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s(%s, alpha=%s, l1Ratio=%s, interceptFactor=%s)",
          averaged ? "averagedSgd" : "sgd", rate, alpha, l1Ratio, interceptFactor);
    }
  }

  static final class AdaGrad extends Optimizer {
    final double eta;
    final double l2;

    AdaGrad(double eta, double l2) {
      this.eta = requirePositive(eta, "eta");
      this.l2 = requireNonNegative(l2, "l2");
    }

    @Override
    public Kind kind() {
      return Kind.ADAGRAD;
    }

    @Override
    public double[] settings() {
      return new double[] {eta, l2};
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "adaGrad(eta=%s, l2=%s)", eta, l2);
    }
  }

  static final class Adam extends Optimizer {
    final double eta;
    final double beta1;
    final double beta2;
    final double l2;

    Adam(double eta, double beta1, double beta2, double l2) {
      this.eta = requirePositive(eta, "eta");
      this.beta1 = requireFraction(beta1, "beta1");
      this.beta2 = requireFraction(beta2, "beta2");
      if (beta1 == 1 || beta2 == 1) {
        throw new IllegalArgumentException("beta1 and beta2 must be below 1");
      }
      this.l2 = requireNonNegative(l2, "l2");
    }

    @Override
    public Kind kind() {
      return Kind.ADAM;
    }

    @Override
    public double[] settings() {
      return new double[] {eta, beta1, beta2, l2};
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "adam(eta=%s, beta1=%s, beta2=%s, l2=%s)", eta, beta1,
          beta2, l2);
    }
  }

  static final class Ftrl extends Optimizer {
    final double alpha;
    final double beta;
    final double l1;
    final double l2;

    Ftrl(double alpha, double beta, double l1, double l2) {
      this.alpha = requirePositive(alpha, "alpha");
      this.beta = requireNonNegative(beta, "beta");
      this.l1 = requireNonNegative(l1, "l1");
      this.l2 = requireNonNegative(l2, "l2");
    }

    @Override
    public Kind kind() {
      return Kind.FTRL;
    }

    @Override
    public double[] settings() {
      return new double[] {alpha, beta, l1, l2};
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "ftrl(alpha=%s, beta=%s, l1=%s, l2=%s)", alpha, beta, l1,
          l2);
    }
  }
}
