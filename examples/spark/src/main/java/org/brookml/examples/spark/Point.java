package org.brookml.examples.spark;

import java.io.Serializable;

/** One point of the stream, a Java bean so that Spark's bean encoder maps it to columns. */
public class Point implements Serializable {
  private static final long serialVersionUID = 1L;

  private long index;
  private double[] features;

  /** For the bean encoder. */
  public Point() {}

  /** A point. */
  public Point(long index, double[] features) {
    this.index = index;
    this.features = features;
  }

  /** Position in the stream. */
  public long getIndex() {
    return index;
  }

  /** Sets the position. */
  public void setIndex(long index) {
    this.index = index;
  }

  /** Coordinates. */
  public double[] getFeatures() {
    return features;
  }

  /** Sets the coordinates. */
  public void setFeatures(double[] features) {
    this.features = features;
  }
}
