package org.brookml.data;

import java.util.List;
import org.brookml.learner.FeatureSchema;

/**
 * A rotating hyperplane (Hulten, Spencer &amp; Domingos, KDD 2001), as MOA's
 * {@code HyperplaneGenerator}: features uniform in [0, 1], weights drawn uniform in [0, 1] at the
 * start; class 1 when {@code sum w_i x_i >= sum w_i / 2}, then a noise percentage of labels is
 * flipped. After every example the first {@code driftFeatures} weights move by
 * {@code magnitude} in their direction, and each direction reverses with probability
 * {@code reversePercent}/100. Defaults are MOA's: 10 features, 2 drifting, magnitude 0 (no
 * drift), 5% noise, 10% reversals. The same settings and seed give MOA's stream.
 */
public final class Hyperplane extends Generator {

  private final double[] weights;
  private final int[] directions;
  private final int driftFeatures;
  private final double magnitude;
  private final int noisePercent;
  private final int reversePercent;

  private Hyperplane(Builder b) {
    super("hyperplane", FeatureSchema.of(FeatureSchema.numeric("att", b.features),
        List.of("class1", "class2")), b.seed);
    weights = new double[b.features];
    directions = new int[b.features];
    driftFeatures = Math.min(b.driftFeatures, b.features);
    magnitude = b.magnitude;
    noisePercent = b.noisePercent;
    reversePercent = b.reversePercent;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextDouble();
      directions[i] = i < driftFeatures ? 1 : 0;
    }
  }

  /** A builder with MOA's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The current weights (a copy): the hyperplane is {@code w . x = sum(w) / 2}. */
  public double[] weights() {
    return weights.clone();
  }

  @Override
  double generate(double[] out) {
    double sum = 0;
    double sumWeights = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = random.nextDouble();
      sum += weights[i] * out[i];
      sumWeights += weights[i];
    }
    int label = sum >= sumWeights * 0.5 ? 1 : 0;
    if (noise(noisePercent)) {
      label = 1 - label;
    }
    for (int i = 0; i < driftFeatures; i++) {
      weights[i] += directions[i] * magnitude;
      if (noise(reversePercent)) {
        directions[i] = -directions[i];
      }
    }
    return label;
  }

  /** Settings of {@link Hyperplane}. */
  public static final class Builder extends Settings<Builder> {
    private int features = 10;
    private int driftFeatures = 2;
    private double magnitude;
    private int noisePercent = 5;
    private int reversePercent = 10;

    private Builder() {}

    /** Number of features, 1 to 2^16. */
    public Builder features(int features) {
      this.features = requireBetween("features", features, 1, 1 << 16);
      return this;
    }

    /** How many of the first features have drifting weights. */
    public Builder driftFeatures(int driftFeatures) {
      this.driftFeatures = requireBetween("driftFeatures", driftFeatures, 0, 1 << 16);
      return this;
    }

    /** How far a drifting weight moves per example, 0 to 1. */
    public Builder magnitude(double magnitude) {
      this.magnitude = requireBetween("magnitude", magnitude, 0, 1);
      return this;
    }

    /** Percentage of labels flipped, 0 to 100. */
    public Builder noisePercent(int noisePercent) {
      this.noisePercent = requireBetween("noisePercent", noisePercent, 0, 100);
      return this;
    }

    /** Percentage chance, per example and drifting weight, that its direction reverses. */
    public Builder reversePercent(int reversePercent) {
      this.reversePercent = requireBetween("reversePercent", reversePercent, 0, 100);
      return this;
    }

    /** The generator. */
    public Hyperplane build() {
      return new Hyperplane(this);
    }
  }
}
