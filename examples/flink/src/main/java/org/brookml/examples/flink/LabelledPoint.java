package org.brookml.examples.flink;

import java.util.Arrays;

/**
 * One labelled example for a keyed model: a Flink POJO (public fields, no-argument constructor),
 * so Flink serializes it without Kryo.
 */
public class LabelledPoint {
  /** Which model learns it. */
  public String key;
  /** Position in the stream. */
  public long index;
  /** Class code. */
  public int label;
  /** Feature values. */
  public double[] features;

  /** For Flink's POJO serializer. */
  public LabelledPoint() {}

  /** A point. */
  public LabelledPoint(String key, long index, int label, double[] features) {
    this.key = key;
    this.index = index;
    this.label = label;
    this.features = features;
  }

  @Override
  public String toString() {
    return key + "#" + index + " " + label + " " + Arrays.toString(features);
  }
}
