package org.brookml.drift;

import org.brookml.vector.Vectors;

/**
 * What the statistic-watching detectors share: the state, the count of values, the restart after a
 * drift, and the checks of each value.
 */
abstract class WatchingDetector implements DriftDetector {

  private final boolean errorIndicators;
  /** The value's name in error messages, built once: {@code update} allocates nothing. */
  private final String valueName;
  private State state = State.STABLE;
  private long seen;

  WatchingDetector(boolean errorIndicators) {
    this.errorIndicators = errorIndicators;
    this.valueName = getClass().getSimpleName() + " value";
  }

  @Override
  public final State update(double value) {
    if (errorIndicators && value != 0 && value != 1) {
      throw new IllegalArgumentException(getClass().getSimpleName()
          + " takes error indicators (0 or 1), got " + value);
    }
    Vectors.requireInRange(value, valueName);
    if (state == State.DRIFT) {
      restart();
    }
    state = step(value, state);
    seen++;
    return state;
  }

  /** Learns a checked value and returns the new state ({@code previous} is the last one). */
  abstract State step(double value, State previous);

  /** Forgets the statistics (not the settings, nor the count of values). */
  abstract void restart();

  @Override
  public final State state() {
    return state;
  }

  @Override
  public final long samplesSeen() {
    return seen;
  }

  @Override
  public final void reset() {
    restart();
    state = State.STABLE;
    seen = 0;
  }

  /** For copies and codecs: the state and count. */
  final void restoreWatch(State state, long seen) {
    this.state = state;
    this.seen = seen;
  }

  static int requireMinInstances(int minInstances) {
    if (minInstances < 0) {
      throw new IllegalArgumentException("minInstances must be >= 0, got " + minInstances);
    }
    return minInstances;
  }

  static double requireNonNegative(double v, String name) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
    }
    return v;
  }

  static double requireOpenUnit(double v, String name) {
    if (!(v > 0 && v < 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1), got " + v);
    }
    return v;
  }

  static double requirePositive(double v, String name) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
    }
    return v;
  }
}
