package org.brookml.data;

import java.util.List;
import org.brookml.learner.FeatureSchema;

/**
 * STAGGER concepts (Schlimmer &amp; Granger, Machine Learning 1986): three nominal features, size
 * (small, medium, large), colour (red, blue, green) and shape (circle, square, triangle), drawn
 * uniformly; class 1 ("true") when concept 1: size small and colour red; concept 2: colour green
 * or shape circle; concept 3: size medium or large. No noise. MOA's {@code STAGGERGenerator}
 * with the same settings and seed gives the same stream.
 */
public final class Stagger extends BalancedGenerator {

  private final int concept;

  private Stagger(Builder b) {
    super("stagger", FeatureSchema.of(List.of(
        FeatureSchema.nominal("size", "small", "medium", "large"),
        FeatureSchema.nominal("color", "red", "blue", "green"),
        FeatureSchema.nominal("shape", "circle", "square", "triangle")),
        List.of("false", "true")), b);
    this.concept = b.concept;
  }

  /** A builder with MOA's defaults: concept 1, unbalanced, seed 1. */
  public static Builder builder() {
    return new Builder();
  }

  /** The class of (size, colour, shape) value indices under concept {@code c} (1 to 3). */
  public static int concept(int c, int size, int color, int shape) {
    switch (c) {
      case 1:
        return size == 0 && color == 0 ? 1 : 0;
      case 2:
        return color == 2 || shape == 0 ? 1 : 0;
      case 3:
        return size == 1 || size == 2 ? 1 : 0;
      default:
        throw new IllegalArgumentException("concept must be in [1, 3], got " + c);
    }
  }

  @Override
  int draw(double[] out) {
    int size = random.nextInt(3);
    int color = random.nextInt(3);
    int shape = random.nextInt(3);
    out[0] = size;
    out[1] = color;
    out[2] = shape;
    return concept(concept, size, color, shape);
  }

  /** Settings of {@link Stagger}. */
  public static final class Builder extends BalancedSettings<Builder> {
    private int concept = 1;

    private Builder() {}

    /** Which of the three concepts, 1 to 3. */
    public Builder concept(int concept) {
      this.concept = requireBetween("concept", concept, 1, 3);
      return this;
    }


    /** The generator. */
    public Stagger build() {
      return new Stagger(this);
    }
  }
}
