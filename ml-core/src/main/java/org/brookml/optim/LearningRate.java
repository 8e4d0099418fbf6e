package org.brookml.optim;

import java.util.Locale;

/**
 * A step-size schedule {@code eta(t)} for plain SGD, {@code t = 0, 1, 2, ...} counting updates:
 *
 * <ul>
 *   <li>{@link #constant(double)}: {@code eta0};
 *   <li>{@link #inverseScaling(double, double)}: {@code eta0 / (t + 1)^power} (scikit-learn's
 *       {@code invscaling}, with its {@code t} counted from 1);
 *   <li>{@link #optimal(double)}: Bottou's {@code 1 / (alpha (t0 + t))}, with {@code t0} chosen
 *       as scikit-learn does so that the first step is about right for a unit-scale problem.
 * </ul>
 *
 * <p>Immutable.
 */
public final class LearningRate {

  enum Kind {
    CONSTANT,
    INVERSE_SCALING,
    OPTIMAL
  }

  private final Kind kind;
  private final double eta0;
  private final double power;
  private final double alpha;
  private final double t0;

  private LearningRate(Kind kind, double eta0, double power, double alpha) {
    this.kind = kind;
    this.eta0 = eta0;
    this.power = power;
    this.alpha = alpha;
    this.t0 = kind == Kind.OPTIMAL ? optimalT0(alpha) : 0;
  }

  /** {@code eta(t) = eta0}. */
  public static LearningRate constant(double eta0) {
    requirePositive(eta0, "eta0");
    return new LearningRate(Kind.CONSTANT, eta0, 0, 0);
  }

  /** {@code eta(t) = eta0 / (t + 1)^power}. */
  public static LearningRate inverseScaling(double eta0, double power) {
    requirePositive(eta0, "eta0");
    if (!(power >= 0) || Double.isInfinite(power)) {
      throw new IllegalArgumentException("power must be finite and >= 0, got " + power);
    }
    return new LearningRate(Kind.INVERSE_SCALING, eta0, power, 0);
  }

  /** Bottou's {@code eta(t) = 1 / (alpha (t0 + t))} for L2 strength {@code alpha}. */
  public static LearningRate optimal(double alpha) {
    requirePositive(alpha, "alpha");
    return new LearningRate(Kind.OPTIMAL, 0, 0, alpha);
  }

  /**
   * scikit-learn's heuristic (from Bottou's SGD code): {@code typw = sqrt(1 / sqrt(alpha))},
   * {@code eta0 = typw / max(1, dloss(-typw, 1))}, {@code t0 = 1 / (eta0 alpha)}. That derivative is
   * negative for every loss scikit-learn offers, so the max is 1 and {@code eta0 = typw}.
   */
  private static double optimalT0(double alpha) {
    double typw = Math.sqrt(1.0 / Math.sqrt(alpha));
    return 1.0 / (typw * alpha);
  }

  /** The step size for update number {@code t} (0-based). */
  public double at(long t) {
    switch (kind) {
      case CONSTANT:
        return eta0;
      case INVERSE_SCALING:
        return eta0 / powerOf(t + 1);
      default:
        return 1.0 / (alpha * (t0 + t));
    }
  }

  /**
   * {@code base^power}. The common powers 1/2 (square root) and 1/4 (scikit-learn's default for
   * regression) take square roots: each correctly rounded and, on the rate's hot path, about 10 ns
   * a step cheaper than {@code Math.pow}; the fourth root so taken can differ from
   * {@code Math.pow}'s in the last bit.
   */
  private double powerOf(double base) {
    if (power == 0.5) {
      return Math.sqrt(base);
    }
    if (power == 0.25) {
      return Math.sqrt(Math.sqrt(base));
    }
    return Math.pow(base, power);
  }

  Kind kind() {
    return kind;
  }

  double eta0() {
    return eta0;
  }

  double power() {
    return power;
  }

  double alpha() {
    return alpha;
  }

  static LearningRate of(Kind kind, double eta0, double power, double alpha) {
    switch (kind) {
      case CONSTANT:
        return constant(eta0);
      case INVERSE_SCALING:
        return inverseScaling(eta0, power);
      default:
        return optimal(alpha);
    }
  }

  private static void requirePositive(double v, String name) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
    }
  }

  @Override
  public String toString() {
    switch (kind) {
      case CONSTANT:
        return String.format(Locale.ROOT, "constant(%s)", eta0);
      case INVERSE_SCALING:
        return String.format(Locale.ROOT, "inverseScaling(%s, %s)", eta0, power);
      default:
        return String.format(Locale.ROOT, "optimal(%s)", alpha);
    }
  }
}
