package org.brookml.data;

import java.util.List;
import org.brookml.learner.FeatureSchema;

/**
 * SEA concepts (Street &amp; Kim, KDD 2001): three features uniform in [0, 10]; the class is 1
 * when {@code x1 + x2} exceeds the concept's threshold (8, 9, 7 and 9.5 for concepts 1 to 4), else
 * 0; {@code x3} is irrelevant. Label noise flips the class with the given percentage (10 by
 * default, as MOA). MOA's {@code SEAGenerator} with the same settings and seed gives the same
 * stream.
 */
public final class Sea extends BalancedGenerator {

  private static final double[] THRESHOLDS = {8, 9, 7, 9.5};

  private final double threshold;
  private final int noisePercent;

  private Sea(Builder b) {
    super("sea", FeatureSchema.of(FeatureSchema.numeric("attrib", 3),
        List.of("groupA", "groupB")), b);
    this.threshold = THRESHOLDS[b.concept - 1];
    this.noisePercent = b.noisePercent;
  }

  /** A builder with MOA's defaults: concept 1, 10% noise, unbalanced, seed 1. */
  public static Builder builder() {
    return new Builder();
  }

  /** The concept's rule, noise aside: the class of {@code (x1, x2)} under threshold {@code t}. */
  public static int concept(double x1, double x2, double threshold) {
    return x1 + x2 <= threshold ? 0 : 1;
  }

  /** The threshold of concept {@code c} (1 to 4). */
  public static double threshold(int concept) {
    return THRESHOLDS[requireBetween("concept", concept, 1, 4) - 1];
  }

  @Override
  int draw(double[] out) {
    for (int j = 0; j < 3; j++) {
      out[j] = 10 * random.nextDouble();
    }
    return concept(out[0], out[1], threshold);
  }

  @Override
  double finish(double[] out, int label) {
    return noise(noisePercent) ? 1 - label : label;
  }

  /** Settings of {@link Sea}. */
  public static final class Builder extends BalancedSettings<Builder> {
    private int concept = 1;
    private int noisePercent = 10;

    private Builder() {}

    /** Which of the four concepts, 1 to 4. */
    public Builder concept(int concept) {
      this.concept = requireBetween("concept", concept, 1, 4);
      return this;
    }

    /** Percentage of labels flipped, 0 to 100. */
    public Builder noisePercent(int noisePercent) {
      this.noisePercent = requireBetween("noisePercent", noisePercent, 0, 100);
      return this;
    }


    /** The generator. */
    public Sea build() {
      return new Sea(this);
    }
  }
}
