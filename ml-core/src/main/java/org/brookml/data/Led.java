package org.brookml.data;

import java.util.ArrayList;
import java.util.List;
import org.brookml.learner.FeatureSchema;

/**
 * The seven-segment LED display (Breiman et al., CART 1984), as MOA's {@code LEDGenerator} and
 * {@code LEDGeneratorDrift}: a digit 0-9 drawn uniformly is the class; its seven segments are the
 * first seven binary features (nominal "0"/"1"), each inverted with the noise percentage (10 by
 * default); 17 irrelevant random bits follow unless suppressed. With {@code driftingFeatures = k}
 * (0 to 7), segment {@code i < k} swaps places with irrelevant feature {@code 7 + i}, a concept
 * whose relevant features have moved. The same settings and seed give MOA's stream.
 */
public final class Led extends Generator {

  /** Segments lit for each digit, in MOA's segment order. */
  private static final int[][] SEGMENTS = {
      {1, 1, 1, 0, 1, 1, 1}, {0, 0, 1, 0, 0, 1, 0}, {1, 0, 1, 1, 1, 0, 1}, {1, 0, 1, 1, 0, 1, 1},
      {0, 1, 1, 1, 0, 1, 0}, {1, 1, 0, 1, 0, 1, 1}, {1, 1, 0, 1, 1, 1, 1}, {1, 0, 1, 0, 0, 1, 0},
      {1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 0, 1, 1}};
  private static final int IRRELEVANT = 17;

  private final int noisePercent;
  private final boolean irrelevant;
  /** Where feature {@code i} of the undrifted layout is written. */
  private final int[] place;

  private Led(Builder b) {
    super("led", schemaOfLed(b.irrelevant), b.seed);
    noisePercent = b.noisePercent;
    irrelevant = b.irrelevant;
    place = new int[7 + IRRELEVANT];
    for (int i = 0; i < place.length; i++) {
      place[i] = i;
    }
    if (irrelevant) {
      for (int i = 0; i < b.driftingFeatures; i++) {
        place[i] = 7 + i;
        place[7 + i] = i;
      }
    }
  }

  private static FeatureSchema schemaOfLed(boolean irrelevant) {
    List<FeatureSchema.Feature> features = new ArrayList<>();
    for (int i = 1; i <= (irrelevant ? 7 + IRRELEVANT : 7); i++) {
      features.add(FeatureSchema.nominal("att" + i, "0", "1"));
    }
    return FeatureSchema.of(features, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
  }

  /** A builder with MOA's defaults: 10% noise, irrelevant features, no drift, seed 1. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether segment {@code s} (0 to 6) is lit for {@code digit}. */
  public static boolean lit(int digit, int s) {
    return SEGMENTS[digit][s] == 1;
  }

  @Override
  double generate(double[] out) {
    int digit = random.nextInt(10);
    for (int s = 0; s < 7; s++) {
      int segment = SEGMENTS[digit][s];
      out[place[s]] = noise(noisePercent) ? 1 - segment : segment;
    }
    if (irrelevant) {
      for (int i = 7; i < 7 + IRRELEVANT; i++) {
        out[place[i]] = random.nextInt(2);
      }
    }
    return digit;
  }

  /** Settings of {@link Led}. */
  public static final class Builder extends Settings<Builder> {
    private int noisePercent = 10;
    private boolean irrelevant = true;
    private int driftingFeatures;

    private Builder() {}

    /** Percentage chance that each segment is inverted, 0 to 100. */
    public Builder noisePercent(int noisePercent) {
      this.noisePercent = requireBetween("noisePercent", noisePercent, 0, 100);
      return this;
    }

    /** Whether the 17 irrelevant bits follow the segments (MOA: yes). */
    public Builder irrelevantFeatures(boolean irrelevant) {
      this.irrelevant = irrelevant;
      return this;
    }

    /** How many segments swap places with irrelevant features, 0 to 7 (needs them). */
    public Builder driftingFeatures(int driftingFeatures) {
      this.driftingFeatures = requireBetween("driftingFeatures", driftingFeatures, 0, 7);
      return this;
    }

    /** The generator. */
    public Led build() {
      if (driftingFeatures > 0 && !irrelevant) {
        throw new IllegalArgumentException("driftingFeatures swaps segments with irrelevant "
            + "features, which are suppressed");
      }
      return new Led(this);
    }
  }
}
