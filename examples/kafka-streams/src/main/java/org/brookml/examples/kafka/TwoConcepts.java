package org.brookml.examples.kafka;

import java.util.SplittableRandom;

/** Example records for two keys whose labels follow different linear concepts. */
final class TwoConcepts {

  /** The keys: one model each. */
  static final String[] KEYS = {"north", "south"};

  private TwoConcepts() {}

  /** A record {@code "label,x1,x2"} for key index {@code key}: x1 + x2 > 0 or x1 - x2 > 0. */
  static String example(int key, SplittableRandom random) {
    double x1 = random.nextGaussian();
    double x2 = random.nextGaussian();
    boolean positive = key == 0 ? x1 + x2 > 0 : x1 - x2 > 0;
    return (positive ? 1 : 0) + "," + x1 + "," + x2;
  }
}
