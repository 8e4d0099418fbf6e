package org.brookml.examples.flink;

/** A keyed model's answer for one point, made before it learned the point (a Flink POJO). */
public class Prediction {
  /** The model's key. */
  public String key;
  /** The point's position in the stream. */
  public long index;
  /** The point's true label. */
  public int label;
  /** The predicted class. */
  public int predicted;
  /** Its probability. */
  public double probability;

  /** For Flink's POJO serializer. */
  public Prediction() {}

  /** A prediction. */
  public Prediction(String key, long index, int label, int predicted, double probability) {
    this.key = key;
    this.index = index;
    this.label = label;
    this.predicted = predicted;
    this.probability = probability;
  }
}
