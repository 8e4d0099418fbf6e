package org.brookml.eval;

import java.util.Locale;

/**
 * Inertia of a clusterer: the squared distance of each example to its nearest centre, summed since
 * the start and averaged over a sliding window of the last {@code window} examples (the windowed
 * mean shows whether the centres keep up with a drifting stream). Allocation-free per update.
 */
public final class ClusteringMetrics {

  private final SlidingWindow window;
  private long count;
  private double inertia;

  /** @param window length of the sliding window, at least 1 */
  public ClusteringMetrics(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1, got " + window);
    }
    this.window = new SlidingWindow(window);
  }

  /** Records the squared distance of one example to its nearest centre. */
  public void update(double squaredDistance) {
    if (!(squaredDistance >= 0) || Double.isInfinite(squaredDistance)) {
      throw new IllegalArgumentException(
          "squared distance must be finite and >= 0, got " + squaredDistance);
    }
    count++;
    inertia += squaredDistance;
    window.add(squaredDistance);
  }

  /** Examples recorded. */
  public long count() {
    return count;
  }

  /** Sum of squared distances since the start. */
  public double inertia() {
    return inertia;
  }

  /** Mean squared distance since the start. */
  public double meanInertia() {
    return count == 0 ? Double.NaN : inertia / count;
  }

  /** Mean squared distance over the window. */
  public double windowMeanInertia() {
    return window.mean();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "n=%d inertia=%.6g mean=%.6g | window mean=%.6g",
        count, inertia, meanInertia(), windowMeanInertia());
  }
}
