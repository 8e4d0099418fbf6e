package org.brookml.data;

import java.util.List;
import org.brookml.learner.FeatureSchema;

/**
 * Sine concepts (Gama et al., SBIA 2004), as MOA's {@code SineGenerator}: {@code x, y} uniform
 * in [0, 1], then two irrelevant uniform features (unless suppressed). Concept 1: class 0
 * ("positive") when {@code y < sin(x)}; concept 2 reverses it; concept 3: class 0 when
 * {@code y < 0.5 + 0.3 sin(3 pi x)}; concept 4 reverses that. No noise. The same settings and
 * seed give MOA's stream.
 */
public final class Sine extends BalancedGenerator {

  private final int concept;
  private final boolean irrelevant;

  private Sine(Builder b) {
    super("sine", FeatureSchema.of(FeatureSchema.numeric("att", b.irrelevant ? 4 : 2),
        List.of("positive", "negative")), b);
    this.concept = b.concept;
    this.irrelevant = b.irrelevant;
  }

  /** A builder with MOA's defaults: concept 1, irrelevant features, unbalanced, seed 1. */
  public static Builder builder() {
    return new Builder();
  }

  /** The class of {@code (x, y)} under concept {@code c} (1 to 4). */
  public static int concept(int c, double x, double y) {
    switch (c) {
      case 1:
        return y < Math.sin(x) ? 0 : 1;
      case 2:
        return y >= Math.sin(x) ? 0 : 1;
      case 3:
        return y < 0.5 + 0.3 * Math.sin(3 * Math.PI * x) ? 0 : 1;
      case 4:
        return y >= 0.5 + 0.3 * Math.sin(3 * Math.PI * x) ? 0 : 1;
      default:
        throw new IllegalArgumentException("concept must be in [1, 4], got " + c);
    }
  }

  @Override
  int draw(double[] out) {
    out[0] = random.nextDouble();
    out[1] = random.nextDouble();
    return concept(concept, out[0], out[1]);
  }

  @Override
  double finish(double[] out, int label) {
    if (irrelevant) {
      out[2] = random.nextDouble();
      out[3] = random.nextDouble();
    }
    return label;
  }

  /** Settings of {@link Sine}. */
  public static final class Builder extends BalancedSettings<Builder> {
    private int concept = 1;
    private boolean irrelevant = true;

    private Builder() {}

    /** Which of the four concepts, 1 to 4. */
    public Builder concept(int concept) {
      this.concept = requireBetween("concept", concept, 1, 4);
      return this;
    }

    /** Whether the two irrelevant features follow the two relevant ones (MOA: yes). */
    public Builder irrelevantFeatures(boolean irrelevant) {
      this.irrelevant = irrelevant;
      return this;
    }

    /** The generator. */
    public Sine build() {
      return new Sine(this);
    }
  }
}
