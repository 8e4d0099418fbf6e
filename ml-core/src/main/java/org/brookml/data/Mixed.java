package org.brookml.data;

import java.util.List;
import org.brookml.learner.FeatureSchema;

/**
 * Mixed concepts (Gama et al., SBIA 2004), as MOA's {@code MixedGenerator}: two boolean features
 * {@code v, w} (nominal, values "0" and "1") and two numeric {@code x, y} uniform in [0, 1]. With
 * {@code z = y < 0.5 + 0.3 sin(3 pi x)}, an example is "positive" (class 0 under concept 1, class
 * 1 under concept 2) when at least two of {@code v, w, z} hold. No noise. The same settings and
 * seed give MOA's stream.
 */
public final class Mixed extends BalancedGenerator {

  private final int concept;

  private Mixed(Builder b) {
    super("mixed", FeatureSchema.of(List.of(FeatureSchema.nominal("v", "0", "1"),
        FeatureSchema.nominal("w", "0", "1"), FeatureSchema.numeric("x"),
        FeatureSchema.numeric("y")), List.of("positive", "negative")), b);
    this.concept = b.concept;
  }

  /** A builder with MOA's defaults: concept 1, unbalanced, seed 1. */
  public static Builder builder() {
    return new Builder();
  }

  /** The class of {@code (v, w, x, y)} under concept {@code c} (1 or 2). */
  public static int concept(int c, boolean v, boolean w, double x, double y) {
    requireBetween("concept", c, 1, 2);
    boolean z = y < 0.5 + 0.3 * Math.sin(3 * Math.PI * x);
    boolean twoOfThree = (v && w) || (v && z) || (w && z);
    return twoOfThree == (c == 1) ? 0 : 1;
  }

  @Override
  int draw(double[] out) {
    out[0] = random.nextDouble() < 0.5 ? 0 : 1;
    out[1] = random.nextDouble() < 0.5 ? 0 : 1;
    out[2] = random.nextDouble();
    out[3] = random.nextDouble();
    return concept(concept, out[0] == 1, out[1] == 1, out[2], out[3]);
  }

  /** Settings of {@link Mixed}. */
  public static final class Builder extends BalancedSettings<Builder> {
    private int concept = 1;

    private Builder() {}

    /** Which of the two concepts, 1 or 2. */
    public Builder concept(int concept) {
      this.concept = requireBetween("concept", concept, 1, 2);
      return this;
    }

    /** The generator. */
    public Mixed build() {
      return new Mixed(this);
    }
  }
}
