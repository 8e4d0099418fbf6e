package org.brookml.examples.flink;

import java.util.SplittableRandom;

/**
 * A replayable stream of labelled points: point {@code i} depends only on {@code i} (so a source
 * restarted from a checkpoint yields the same points), key {@code "k" + (i % keys)}, two Gaussian
 * features, and a linear concept that differs per key.
 */
public final class Points {

  private Points() {}

  /** Point {@code index} of a stream with {@code keys} keys. */
  public static LabelledPoint at(long index, int keys) {
    SplittableRandom random = new SplittableRandom(index * 0x9E3779B97F4A7C15L + 17);
    int key = (int) (index % keys);
    double x1 = random.nextGaussian();
    double x2 = random.nextGaussian();
    double angle = Math.PI * key / keys;
    double score = Math.cos(angle) * x1 + Math.sin(angle) * x2 + 0.2 * random.nextGaussian();
    return new LabelledPoint("k" + key, index, score > 0 ? 1 : 0, new double[] {x1, x2});
  }
}
