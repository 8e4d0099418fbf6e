package org.brookml.bench.ensemble;

import java.util.SplittableRandom;

/**
 * A reproducible two-class stream of uniform numeric features, Elec2-like at 8 features: the label
 * is a noisy, non-linear function of the first four (a product term, a threshold and a sum), the
 * others are noise. Used by the tree and ensemble benchmarks and the MOA comparison.
 */
public final class NumericStream {

  private final SplittableRandom random;
  private final int features;

  /** A stream of {@code features >= 4} features fixed by {@code seed}. */
  public NumericStream(int features, long seed) {
    if (features < 4) {
      throw new IllegalArgumentException("features must be >= 4, got " + features);
    }
    this.features = features;
    this.random = new SplittableRandom(seed);
  }

  /** Fills {@code x} (length {@code features}) and returns its label, 5% of them flipped. */
  public int next(double[] x) {
    for (int j = 0; j < features; j++) {
      x[j] = random.nextDouble();
    }
    double score = x[0] * x[1] + (x[2] > 0.6 ? 0.3 : 0) + 0.4 * x[3];
    int label = score > 0.55 ? 1 : 0;
    return random.nextInt(20) == 0 ? 1 - label : label;
  }
}
