package org.brookml.optim;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The losses Brook's linear models use. Formulas follow scikit-learn's {@code _sgd_fast} and River's
 * {@code optim.losses}; each is written to stay finite for large margins.
 */
public final class Losses {

  private static final Map<String, Loss> REGISTERED = new ConcurrentHashMap<>();

  private Losses() {}

  /** Squared loss {@code (p - y)^2 / 2}: least squares regression. */
  public static RegressionLoss squared() {
    return SQUARED;
  }

  /**
   * Huber loss: squared within {@code delta} of the target, linear beyond, so outliers pull with a
   * bounded force.
   */
  public static RegressionLoss huber(double delta) {
    requirePositive(delta, "delta");
    return new NamedRegression("huber(" + format(delta) + ")") {
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
  public static RegressionLoss epsilonInsensitive(double epsilon) {
    requireNonNegative(epsilon, "epsilon");
    return new NamedRegression("epsilonInsensitive(" + format(epsilon) + ")") {
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
  public static RegressionLoss quantile(double tau) {
    if (!(tau > 0 && tau < 1)) {
      throw new IllegalArgumentException("quantile tau must be in (0, 1), got " + tau);
    }
    return new NamedRegression("quantile(" + format(tau) + ")") {
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
  public static ClassificationLoss log() {
    return LOG;
  }

  /** Hinge loss {@code max(0, 1 - y p)}: the linear SVM. */
  public static ClassificationLoss hinge() {
    return HINGE;
  }

  /**
   * Modified Huber loss: {@code max(0, 1 - y p)^2} for {@code y p >= -1}, {@code -4 y p} below; a
   * smooth hinge that also yields probability estimates.
   */
  public static ClassificationLoss modifiedHuber() {
    return MODIFIED_HUBER;
  }

  /**
   * Poisson loss {@code exp(p) - y p} (negative log-likelihood up to a constant) with log link:
   * mean function {@code exp(p)}, {@code y >= 0} a count or rate. The linear predictor is
   * exponentiated at most at 250, so that a prediction or a gradient never overflows.
   */
  public static RegressionLoss poisson() {
    return POISSON;
  }

  /**
   * Makes a loss of your own known by its {@link Loss#name()}, so that models may use it and their
   * snapshots restore. Registering the same instance again does nothing.
   *
   * @throws IllegalArgumentException if the name is a built-in loss's or another loss's
   */
  public static void register(Loss loss) {
    Objects.requireNonNull(loss, "loss");
    String name = Objects.requireNonNull(loss.name(), "loss name");
    if (!(loss instanceof ClassificationLoss) && !(loss instanceof RegressionLoss)) {
      throw new IllegalArgumentException("loss '" + name
          + "' must implement ClassificationLoss or RegressionLoss");
    }
    if (builtIn(name) != null) {
      throw new IllegalArgumentException("'" + name + "' is the name of a built-in loss");
    }
    Loss previous = REGISTERED.putIfAbsent(name, loss);
    if (previous != null && previous != loss) {
      throw new IllegalArgumentException("another loss is registered as '" + name + "'");
    }
  }

  /**
   * Checks that snapshots of a model using {@code loss} can be restored: the loss that its name
   * restores (built in or registered) is of the same class.
   *
   * @throws IllegalArgumentException naming the loss and how to register it
   */
  public static <L extends Loss> L requireRestorable(L loss) {
    Objects.requireNonNull(loss, "loss");
    Loss known = byName(loss.name());
    if (known == null || known.getClass() != loss.getClass()) {
      throw new IllegalArgumentException("loss '" + loss.name() + "' is neither built in nor "
          + "registered, so a snapshot of the model could not be restored: call "
          + "Losses.register(loss) first");
    }
    return loss;
  }

  /**
   * The classification loss with this {@link Loss#name()}, built in or registered: how snapshots
   * store a classifier's loss.
   *
   * @throws IllegalArgumentException for an unknown name or a regression loss
   */
  public static ClassificationLoss classificationByName(String name) {
    Loss loss = byName(name);
    if (!(loss instanceof ClassificationLoss)) {
      throw new IllegalArgumentException(describe(name, loss, "classification"));
    }
    return (ClassificationLoss) loss;
  }

  /**
   * The regression loss with this {@link Loss#name()}, built in or registered: how snapshots store
   * a regressor's loss.
   *
   * @throws IllegalArgumentException for an unknown name or a classification loss
   */
  public static RegressionLoss regressionByName(String name) {
    Loss loss = byName(name);
    if (!(loss instanceof RegressionLoss)) {
      throw new IllegalArgumentException(describe(name, loss, "regression"));
    }
    return (RegressionLoss) loss;
  }

  private static String describe(String name, Loss found, String wanted) {
    return found == null ? "unknown loss '" + name + "': neither built in nor registered with "
        + "Losses.register" : "loss '" + name + "' is not a " + wanted + " loss";
  }

  private static Loss byName(String name) {
    Loss builtIn = builtIn(Objects.requireNonNull(name, "name"));
    return builtIn != null ? builtIn : REGISTERED.get(name);
  }

  /** The built-in loss of this name, or null. */
  private static Loss builtIn(String name) {
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
        return null;
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
    return null;
  }

  /** The logistic function {@code 1 / (1 + exp(-p))}, computed without overflow. */
  public static double sigmoid(double p) {
    if (p >= 0) {
      return 1 / (1 + Math.exp(-p));
    }
    double e = Math.exp(p);
    return e / (1 + e);
  }

  private static final RegressionLoss SQUARED = new NamedRegression("squared") {
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

  private static final ClassificationLoss LOG = new NamedClassification("log") {
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

  private static final ClassificationLoss HINGE = new NamedClassification("hinge") {
    @Override
    public double loss(double p, double y) {
      return Math.max(0, 1 - y * p);
    }

    @Override
    public double derivative(double p, double y) {
      return y * p < 1 ? -y : 0;
    }

    @Override
    public double meanFunction(double p) {
      return p > 0 ? 1 : 0; // no probability estimate: the decision
    }
  };

  private static final ClassificationLoss MODIFIED_HUBER = new NamedClassification("modifiedHuber") {
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

  /**
   * The largest linear predictor the Poisson loss exponentiates: {@code exp(250)} is about 4e108,
   * far above any count a target within {@code Vectors.MAX_MAGNITUDE} can be, and finite.
   */
  private static final double MAX_LOG_MEAN = 250;

  private static final RegressionLoss POISSON = new NamedRegression("poisson") {
    @Override
    public double loss(double p, double y) {
      return Math.exp(Math.min(p, MAX_LOG_MEAN)) - y * p;
    }

    @Override
    public double derivative(double p, double y) {
      return Math.exp(Math.min(p, MAX_LOG_MEAN)) - y;
    }

    @Override
    public double meanFunction(double p) {
      return Math.exp(Math.min(p, MAX_LOG_MEAN));
    }

    @Override
    public boolean acceptsTarget(double y) {
      return y >= 0 && y < Double.POSITIVE_INFINITY;
    }

    @Override
    public String domain() {
      return "Poisson regression needs a finite target >= 0";
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

  /** A built-in regression loss. */
  private abstract static class NamedRegression extends Named implements RegressionLoss {
    NamedRegression(String name) {
      super(name);
    }
  }

  /** A built-in classification loss. */
  private abstract static class NamedClassification extends Named
      implements ClassificationLoss {
    NamedClassification(String name) {
      super(name);
    }
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
