package org.brookml.data;

import java.util.List;
import org.brookml.learner.FeatureSchema;

/**
 * Friedman #1 regression (Friedman, Annals of Statistics 1991): ten features uniform in [0, 1],
 * of which five matter: {@code y = 10 sin(pi x1 x2) + 20 (x3 - 0.5)^2 + 10 x4 + 5 x5 + e}, with
 * {@code e} Gaussian of the given standard deviation (1 by default, as in the paper).
 */
public final class Friedman extends Generator {

  private final double noise;

  private Friedman(Builder b) {
    super("friedman", FeatureSchema.of(FeatureSchema.numeric("x", 10), List.of()), b.seed);
    this.noise = b.noise;
  }

  /** A builder: noise standard deviation 1, seed 1. */
  public static Builder builder() {
    return new Builder();
  }

  /** The noise-free target of a row of at least five features. */
  public static double function(double[] x) {
    return 10 * Math.sin(Math.PI * x[0] * x[1]) + 20 * (x[2] - 0.5) * (x[2] - 0.5) + 10 * x[3]
        + 5 * x[4];
  }

  @Override
  double generate(double[] out) {
    for (int j = 0; j < out.length; j++) {
      out[j] = random.nextDouble();
    }
    return function(out) + noise * random.nextGaussian();
  }

  /** Settings of {@link Friedman}. */
  public static final class Builder extends Settings<Builder> {
    private double noise = 1;

    private Builder() {}

    /** Standard deviation of the Gaussian noise on the target, 0 to 1e6. */
    public Builder noise(double noise) {
      this.noise = requireBetween("noise", noise, 0, 1e6);
      return this;
    }

    /** The generator. */
    public Friedman build() {
      return new Friedman(this);
    }
  }
}
