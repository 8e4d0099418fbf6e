package org.brookml.data;

import java.util.List;
import org.brookml.learner.FeatureSchema;

/**
 * Breiman's waveforms (CART 1984), as MOA's {@code WaveformGenerator}: the class picks two of
 * three triangular base waves (classes 0, 1, 2 mix waves 1+2, 1+3, 2+3); the 21 features are
 * {@code u h_a(i) + (1 - u) h_b(i) + e_i} with {@code u} uniform and {@code e_i} standard normal.
 * With noise features, 19 more standard normal values follow (40 in all). The same settings and
 * seed give MOA's stream.
 */
public final class Waveform extends Generator {

  private static final int[][] WAVES = {
      {0, 1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0},
      {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1, 0},
      {0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1, 0, 0, 0, 0, 0}};
  private static final int[][] MIXES = {{0, 1}, {0, 2}, {1, 2}};
  private static final int BASE = 21;
  private static final int WITH_NOISE = 40;

  private Waveform(Builder b) {
    super("waveform", FeatureSchema.of(FeatureSchema.numeric("att", b.noise ? WITH_NOISE : BASE),
        List.of("class1", "class2", "class3")), b.seed);
  }

  /** A builder with MOA's defaults: 21 features, seed 1. */
  public static Builder builder() {
    return new Builder();
  }

  /** The noise-free value of feature {@code i} for class {@code c} with mixing weight {@code u}. */
  public static double wave(int c, double u, int i) {
    return u * WAVES[MIXES[c][0]][i] + (1 - u) * WAVES[MIXES[c][1]][i];
  }

  @Override
  double generate(double[] out) {
    int c = random.nextInt(3);
    double u = random.nextDouble();
    for (int i = 0; i < BASE; i++) {
      out[i] = wave(c, u, i) + random.nextGaussian();
    }
    for (int i = BASE; i < out.length; i++) {
      out[i] = random.nextGaussian();
    }
    return c;
  }

  /** Settings of {@link Waveform}. */
  public static final class Builder extends Settings<Builder> {
    private boolean noise;

    private Builder() {}

    /** Whether 19 pure-noise features follow the 21 (MOA's {@code -n}). */
    public Builder noiseFeatures(boolean noise) {
      this.noise = noise;
      return this;
    }

    /** The generator. */
    public Waveform build() {
      return new Waveform(this);
    }
  }
}
