package org.brookml.data;

import java.util.Objects;
import java.util.Random;
import org.brookml.learner.DenseExampleStream;
import org.brookml.learner.FeatureSchema;

/**
 * An endless, seeded stream of generated examples: {@link #next()} is always true, and
 * {@link #limit} bounds it. Each generator draws from its own {@link Random} in the order MOA's
 * generator of the same name does, so the same settings and seed give MOA's stream, value for
 * value (checked beside MOA in {@code ml-bench}). Nominal features carry their value's index, as
 * {@link #schema()} declares. Not thread-safe.
 */
public abstract class Generator implements DenseExampleStream {

  /** The generator's only source of randomness. */
  final Random random;
  private final String name;
  private final FeatureSchema schema;
  private final double[] features;
  private double target = Double.NaN;
  private long emitted;

  Generator(String name, FeatureSchema schema, long seed) {
    this.name = Objects.requireNonNull(name, "name");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.random = new Random(seed);
    this.features = new double[schema.dimension()];
  }

  /** Writes the next example's features into {@code out} and returns its target. */
  abstract double generate(double[] out);

  /** The features and classes of the examples. */
  public final FeatureSchema schema() {
    return schema;
  }

  /** Number of classes, or 0 for a regression target. */
  public final int numClasses() {
    return schema.classes().size();
  }

  @Override
  public final int dimension() {
    return features.length;
  }

  @Override
  public final boolean next() {
    target = generate(features);
    emitted++;
    return true;
  }

  @Override
  public final double[] features() {
    return features;
  }

  @Override
  public final double target() {
    return target;
  }

  /** Examples generated so far. */
  public final long emitted() {
    return emitted;
  }

  @Override
  public String position() {
    return name + " example " + emitted;
  }

  /** Nothing to release. */
  @Override
  public void close() {}

  /** MOA's label noise: true with probability {@code percent}/100, from one draw. */
  final boolean noise(int percent) {
    return 1 + random.nextInt(100) <= percent;
  }

  /** Settings every generator has: the seed. */
  public abstract static class Settings<B extends Settings<B>> {
    long seed = 1;

    Settings() {}

    @SuppressWarnings("unchecked")
    final B self() {
      return (B) this;
    }

    /** The random seed (1 by default, as MOA's). */
    public final B seed(long seed) {
      this.seed = seed;
      return self();
    }
  }

  /** Settings of a binary generator that can balance its classes, as MOA's can. */
  public abstract static class BalancedSettings<B extends BalancedSettings<B>>
      extends Settings<B> {
    boolean balance;

    BalancedSettings() {}

    /** Whether classes alternate (draws repeat until the wanted class comes); off by default. */
    public final B balance(boolean balance) {
      this.balance = balance;
      return self();
    }
  }

  static int requireBetween(String setting, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(setting + " must be in [" + min + ", " + max + "], got "
          + value);
    }
    return value;
  }

  static double requireBetween(String setting, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(setting + " must be in [" + min + ", " + max + "], got "
          + value);
    }
    return value;
  }
}
