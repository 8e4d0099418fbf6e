package org.brookml.drift;

import org.brookml.learner.OnlineLearner;

/**
 * A change detector over a stream of numbers, typically a model's error indicator (1 for a
 * mistake, 0 for a hit) or loss: feed each value with {@link #update}, which returns the state it
 * leads to. After {@link State#DRIFT} the detector forgets the past: the detectors that watch a
 * statistic start a fresh watch at the next value, as in MOA; {@link Adwin} has already dropped the
 * older part of its window. A detector is an {@link OnlineLearner} of one value per step (its
 * {@link #dimension()} is 1), copies deeply and snapshots through {@link org.brookml.io.Snapshots}.
 * Not thread-safe; {@code update} allocates nothing.
 */
public interface DriftDetector extends OnlineLearner {

  /** What the values seen so far say. */
  enum State {
    /** No change. */
    STABLE,
    /** A change may be starting: time to prepare a replacement. */
    WARNING,
    /** A change: the past no longer describes the stream. */
    DRIFT
  }

  /**
   * Feeds one value and returns the state it leads to.
   *
   * @throws IllegalArgumentException if the value is not finite, or not 0 or 1 for a detector of
   *     error indicators; the detector is then unchanged
   */
  State update(double value);

  /** The state the last value led to ({@link State#STABLE} before any). */
  State state();

  /** Values fed since creation or {@link #reset()}. */
  @Override
  long samplesSeen();

  /** 1: a detector watches one value per step. */
  @Override
  default int dimension() {
    return 1;
  }

  @Override
  DriftDetector copy();
}
