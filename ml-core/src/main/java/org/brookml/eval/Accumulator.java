package org.brookml.eval;

/**
 * Sums of per-example contributions to a fixed set of components, seen one of three ways: since
 * the start, over a sliding window of the last examples, or faded (each older example's weight
 * multiplied by a factor per new example). An example touches a few components ({@code nnz}),
 * so every update is O(nnz), whatever the view. Package-private engine of the metrics.
 */
abstract class Accumulator {

  final double[] sums;

  private Accumulator(int components) {
    sums = new double[components];
  }

  /** Adds {@code values[i]} to component {@code indices[i]}, for {@code i < nnz}. */
  abstract void add(int[] indices, double[] values, int nnz);

  /** Component {@code i} of the view. */
  abstract double get(int i);

  /** Since the start. */
  static Accumulator cumulative(int components) {
    return new Accumulator(components) {
      @Override
      void add(int[] indices, double[] values, int nnz) {
        for (int k = 0; k < nnz; k++) {
          sums[indices[k]] += values[k];
        }
      }

      @Override
      double get(int i) {
        return sums[i];
      }
    };
  }

  /** Over the last {@code window} examples, exact: sums are recomputed every window. */
  static Accumulator window(int components, int window, int maxNnz) {
    return new Window(components, window, maxNnz);
  }

  /** Each example weighted by {@code alpha^age}, age 0 for the newest. */
  static Accumulator faded(int components, double alpha) {
    return new Faded(components, alpha);
  }

  private static final class Window extends Accumulator {
    private final int window;
    private final int maxNnz;
    private final int[] ringIndices;
    private final double[] ringValues;
    private final int[] ringNnz;
    private int next;
    private int size;
    private int sinceRecompute;

    Window(int components, int window, int maxNnz) {
      super(components);
      this.window = window;
      this.maxNnz = maxNnz;
      ringIndices = new int[window * maxNnz];
      ringValues = new double[window * maxNnz];
      ringNnz = new int[window];
    }

    @Override
    void add(int[] indices, double[] values, int nnz) {
      int base = next * maxNnz;
      if (size == window) {
        for (int k = 0; k < ringNnz[next]; k++) {
          sums[ringIndices[base + k]] -= ringValues[base + k];
        }
      } else {
        size++;
      }
      for (int k = 0; k < nnz; k++) {
        ringIndices[base + k] = indices[k];
        ringValues[base + k] = values[k];
        sums[indices[k]] += values[k];
      }
      ringNnz[next] = nnz;
      next = (next + 1) % window;
      if (++sinceRecompute == window) { // rounding of the subtractions cannot accumulate
        sinceRecompute = 0;
        java.util.Arrays.fill(sums, 0);
        for (int slot = 0; slot < size; slot++) {
          for (int k = 0; k < ringNnz[slot]; k++) {
            sums[ringIndices[slot * maxNnz + k]] += ringValues[slot * maxNnz + k];
          }
        }
      }
    }

    @Override
    double get(int i) {
      return sums[i];
    }
  }

  /** Stores {@code sum / scale}; the scale shrinks by alpha per example and is folded in. */
  private static final class Faded extends Accumulator {
    private static final double MIN_SCALE = 1e-100;
    private final double alpha;
    private double scale = 1;

    Faded(int components, double alpha) {
      super(components);
      this.alpha = alpha;
    }

    @Override
    void add(int[] indices, double[] values, int nnz) {
      scale *= alpha;
      if (scale < MIN_SCALE) {
        for (int i = 0; i < sums.length; i++) {
          sums[i] *= scale;
        }
        scale = 1;
      }
      for (int k = 0; k < nnz; k++) {
        sums[indices[k]] += values[k] / scale;
      }
    }

    @Override
    double get(int i) {
      return sums[i] * scale;
    }
  }
}
