package org.brookml.eval;

/**
 * A ring of the last {@code capacity} doubles and their running sum, recomputed exactly every
 * {@code capacity} insertions so rounding cannot accumulate. Package-private helper of the metrics.
 */
final class SlidingWindow {

  private final double[] values;
  private int next;
  private int size;
  private double sum;
  private int sinceRecompute;

  SlidingWindow(int capacity) {
    values = new double[capacity];
  }

  /** Adds a value; returns the value it evicted, or NaN if the window was not full. */
  double add(double value) {
    double evicted = Double.NaN;
    if (size == values.length) {
      evicted = values[next];
      sum -= evicted;
    } else {
      size++;
    }
    values[next] = value;
    sum += value;
    next = (next + 1) % values.length;
    if (++sinceRecompute == values.length) {
      sinceRecompute = 0;
      double exact = 0;
      for (int i = 0; i < size; i++) {
        exact += values[i];
      }
      sum = exact;
    }
    return evicted;
  }

  int size() {
    return size;
  }

  double sum() {
    return sum;
  }

  double mean() {
    return size == 0 ? Double.NaN : sum / size;
  }
}
