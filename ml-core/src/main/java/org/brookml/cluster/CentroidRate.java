package org.brookml.cluster;

import java.util.Locale;

/**
 * How far a centre moves toward each example assigned to it, {@code c <- (1 - eta) c + eta x}.
 *
 * <ul>
 *   <li>{@link #perCenterCount()}: {@code eta = 1 / v[c]}, where {@code v[c]} counts the examples
 *       the centre has won (Sculley 2010, Algorithm 1). Each centre is the running mean of its
 *       examples. The default.
 *   <li>{@link #constant(double)}: {@code eta = alpha}. An exponentially weighted mean per centre;
 *       follows drift, never settles.
 *   <li>{@link #decay(double, DecayUnit)} / {@link #halfLife(double, DecayUnit)}: forgetting as in
 *       Spark's {@code StreamingKMeans}: before each batch every count is discounted,
 *       {@code v <- v * a} (or {@code a^m} for a batch of {@code m} points when the unit is
 *       {@link DecayUnit#POINTS}), then {@code eta = 1 / v[c]} as above. That makes each centre the
 *       decay-weighted mean {@code (v a c + sum x) / (v a + m)}. A half-life {@code h} means
 *       {@code a = exp(ln 0.5 / h)}: data {@code h} units old weighs half as much as new data.
 *       {@code a = 1} is {@link #perCenterCount()}; {@code a = 0} keeps only the latest batch.
 * </ul>
 *
 * <p>Immutable.
 */
public final class CentroidRate {

  /** The unit in which forgetting is counted. */
  public enum DecayUnit {
    /**
     * Counts are discounted once per {@code learnBatch} call; a model forgetting in this unit
     * refuses one-point {@code learn} calls, which would each count as a batch.
     */
    BATCHES,
    /** Counts are discounted once per example. */
    POINTS
  }

  enum Kind {
    PER_CENTER_COUNT,
    CONSTANT,
    DECAY
  }

  private static final CentroidRate PER_CENTER_COUNT =
      new CentroidRate(Kind.PER_CENTER_COUNT, 1.0, DecayUnit.BATCHES);

  private final Kind kind;
  private final double value;
  private final DecayUnit unit;

  private CentroidRate(Kind kind, double value, DecayUnit unit) {
    this.kind = kind;
    this.value = value;
    this.unit = unit;
  }

  /** {@code eta = 1 / count}: Sculley's per-centre rate. */
  public static CentroidRate perCenterCount() {
    return PER_CENTER_COUNT;
  }

  /**
   * {@code eta = alpha}.
   *
   * @throws IllegalArgumentException unless {@code 0 < alpha <= 1}
   */
  public static CentroidRate constant(double alpha) {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("constant rate alpha must be in (0, 1], got " + alpha);
    }
    return new CentroidRate(Kind.CONSTANT, alpha, DecayUnit.BATCHES);
  }

  /**
   * Forgetting with decay factor {@code a} per unit.
   *
   * @throws IllegalArgumentException unless {@code 0 <= a <= 1}
   */
  public static CentroidRate decay(double factor, DecayUnit unit) {
    if (!(factor >= 0 && factor <= 1)) {
      throw new IllegalArgumentException("decay factor must be in [0, 1], got " + factor);
    }
    if (unit == null) {
      throw new NullPointerException("unit");
    }
    return new CentroidRate(Kind.DECAY, factor, unit);
  }

  /**
   * Forgetting with a half-life of {@code halfLife} units: {@code a = exp(ln 0.5 / halfLife)}.
   *
   * @throws IllegalArgumentException unless {@code halfLife > 0} and finite
   */
  public static CentroidRate halfLife(double halfLife, DecayUnit unit) {
    if (!(halfLife > 0) || Double.isInfinite(halfLife)) {
      throw new IllegalArgumentException("half-life must be finite and > 0, got " + halfLife);
    }
    return decay(Math.exp(Math.log(0.5) / halfLife), unit);
  }

  Kind kind() {
    return kind;
  }

  /** The constant {@code alpha}, or the decay factor {@code a}; 1 for the per-centre rate. */
  public double value() {
    return value;
  }

  /** The unit of forgetting ({@link DecayUnit#BATCHES} unless this is a decay rate). */
  public DecayUnit unit() {
    return unit;
  }

  /** Discount applied to every count before a batch of {@code rows} examples. */
  double discount(int rows) {
    if (kind != Kind.DECAY) {
      return 1.0;
    }
    return unit == DecayUnit.POINTS ? Math.pow(value, rows) : value;
  }

  static CentroidRate of(Kind kind, double value, DecayUnit unit) {
    switch (kind) {
      case PER_CENTER_COUNT:
        return perCenterCount();
      case CONSTANT:
        return constant(value);
      default:
        return decay(value, unit);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CentroidRate
        && ((CentroidRate) o).kind == kind
        && Double.compare(((CentroidRate) o).value, value) == 0
        && ((CentroidRate) o).unit == unit;
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Double.hashCode(value) * 7 + unit.hashCode();
  }

  @Override
  public String toString() {
    switch (kind) {
      case PER_CENTER_COUNT:
        return "perCenterCount";
      case CONSTANT:
        return "constant(" + value + ")";
      default:
        return String.format(Locale.ROOT, "decay(%s per %s)", value,
            unit.name().toLowerCase(Locale.ROOT));
    }
  }
}
