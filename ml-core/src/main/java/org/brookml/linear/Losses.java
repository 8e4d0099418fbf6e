package org.brookml.linear;

import java.util.Locale;

/**
 * The losses Brook's linear models use. Formulas follow scikit-learn's {@code _sgd_fast} and River's
 * {@code optim.losses}; each is written to stay finite for large margins.
 */
public final class Losses {

  private Losses() {}

  /** Squared loss {@code (p - y)^2 / 2}: least squares regression. */
  public static Loss squared() {
    return SQUARED;
  }

  /**
   * Huber loss: squared within {@code delta} of the target, linear beyond, so outliers pull with a
   * bounded force.
   */
  public static Loss huber(double delta) {
    requirePositive(delta, "delta");
    return new Named("huber(" + format(delta) + ")") {
      @Override
      public double loss(double p, double y) {
        double r = Math.abs(p - y);
        return r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
      }

      @Override
      public double derivative(double p, double y) {
        double r = p - y;
        return r > delta ? delta : r < -delta ? -delta : r;
      }
    };
  }

  /** Epsilon-insensitive loss {@code max(0, |p - y| - epsilon)}: support vector regression. */
  public static Loss epsilonInsensitive(double epsilon) {
    requireNonNegative(epsilon, "epsilon");
    return new Named("epsilonInsensitive(" + format(epsilon) + ")") {
      @Override
      public double loss(double p, double y) {
        return Math.max(0, Math.abs(p - y) - epsilon);
      }

      @Override
      public double derivative(double p, double y) {
        double r = p - y;
        return r > epsilon ? 1 : r < -epsilon ? -1 : 0;
      }
    };
  }

  /**
   * Quantile (pinball) loss for quantile {@code tau} in (0, 1): {@code tau (y - p)} above the
   * prediction, {@code (1 - tau)(p - y)} below. {@code tau = 0.5} is half the absolute error.
   */
  public static Loss quantile(double tau) {
    if (!(tau > 0 && tau < 1)) {
      throw new IllegalArgumentException("quantile tau must be in (0, 1), got " + tau);
    }
    return new Named("quantile(" + format(tau) + ")") {
      @Override
      public double loss(double p, double y) {
        double r = y - p;
        return r >= 0 ? tau * r : (tau - 1) * r;
      }

      @Override
      public double derivative(double p, double y) {
        return y - p > 0 ? -tau : 1 - tau;
      }
    };
  }

  /**
   * Logistic loss {@code ln(1 + exp(-y p))} for {@code y} in {-1, +1}; mean function the sigmoid.
   */
  public static Loss log() {
    return LOG;
  }

  /** Hinge loss {@code max(0, 1 - y p)}: the linear SVM. */
  public static Loss hinge() {
    return HINGE;
  }

  /**
   * Modified Huber loss: {@code max(0, 1 - y p)^2} for {@code y p >= -1}, {@code -4 y p} below; a
   * smooth hinge that also yields probability estimates.
   */
  public static Loss modifiedHuber() {
    return MODIFIED_HUBER;
  }

  /**
   * Poisson loss {@code exp(p) - y p} (negative log-likelihood up to a constant) with log link:
   * mean function {@code exp(p)}, {@code y >= 0} a count or rate.
   */
  public static Loss poisson() {
    return POISSON;
  }

  /**
   * The built-in loss with this {@link Loss#name()}, e.g. {@code huber(1.35)}: how snapshots
   * store a model's loss.
   *
   * @throws IllegalArgumentException for a name no built-in loss has
   */
  public static Loss byName(String name) {
    switch (name) {
      case "squared":
        return squared();
      case "log":
        return log();
      case "hinge":
        return hinge();
      case "modifiedHuber":
        return modifiedHuber();
      case "poisson":
        return poisson();
      default:
        break;
    }
    int open = name.indexOf('(');
    if (open > 0 && name.endsWith(")")) {
      double parameter;
      try {
        parameter = Double.parseDouble(name.substring(open + 1, name.length() - 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("unknown loss '" + name + "'");
      }
      switch (name.substring(0, open)) {
        case "huber":
          return huber(parameter);
        case "epsilonInsensitive":
          return epsilonInsensitive(parameter);
        case "quantile":
          return quantile(parameter);
        default:
          break;
      }
    }
    throw new IllegalArgumentException("unknown loss '" + name + "'");
  }

  /** The logistic function {@code 1 / (1 + exp(-p))}, computed without overflow. */
  public static double sigmoid(double p) {
    if (p >= 0) {
      return 1 / (1 + Math.exp(-p));
    }
    double e = Math.exp(p);
    return e / (1 + e);
  }

  private static final Loss SQUARED = new Named("squared") {
    @Override
    public double loss(double p, double y) {
      double r = p - y;
      return 0.5 * r * r;
    }

    @Override
    public double derivative(double p, double y) {
      return p - y;
    }
  };

  private static final Loss LOG = new Named("log") {
    @Override
    public double loss(double p, double y) {
      double z = p * y;
      // ln(1 + e^-z) = max(0, -z) + ln(1 + e^-|z|): no overflow for large |z|.
      return Math.max(0, -z) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    @Override
    public double derivative(double p, double y) {
      // -y / (1 + e^{y p}) = -y * sigmoid(-y p)
      return -y * sigmoid(-y * p);
    }

    @Override
    public double meanFunction(double p) {
      return sigmoid(p);
    }
  };

  private static final Loss HINGE = new Named("hinge") {
    @Override
    public double loss(double p, double y) {
      return Math.max(0, 1 - y * p);
    }

    @Override
    public double derivative(double p, double y) {
      return y * p < 1 ? -y : 0;
    }
  };

  private static final Loss MODIFIED_HUBER = new Named("modifiedHuber") {
    @Override
    public double loss(double p, double y) {
      double z = y * p;
      if (z >= 1) {
        return 0;
      }
      return z >= -1 ? (1 - z) * (1 - z) : -4 * z;
    }

    @Override
    public double derivative(double p, double y) {
      double z = y * p;
      if (z >= 1) {
        return 0;
      }
      return z >= -1 ? -2 * y * (1 - z) : -4 * y;
    }

    @Override
    public double meanFunction(double p) {
      // scikit-learn's probability estimate for modified Huber: (clip(p, -1, 1) + 1) / 2.
      return (Math.max(-1, Math.min(1, p)) + 1) / 2;
    }
  };

  private static final Loss POISSON = new Named("poisson") {
    @Override
    public double loss(double p, double y) {
      return Math.exp(p) - y * p;
    }

    @Override
    public double derivative(double p, double y) {
      return Math.exp(p) - y;
    }

    @Override
    public double meanFunction(double p) {
      return Math.exp(p);
    }
  };

  private static void requirePositive(double v, String name) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
    }
  }

  private static void requireNonNegative(double v, String name) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
    }
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%s", v);
  }

  /** Base class carrying the name used in {@code toString()}. */
  private abstract static class Named implements Loss {
    private final String name;

    Named(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
