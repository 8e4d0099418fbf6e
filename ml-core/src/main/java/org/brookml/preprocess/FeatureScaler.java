package org.brookml.preprocess;

import java.util.Objects;
import org.brookml.learner.InputChecks;
import org.brookml.learner.SizeLimits;

/**
 * What the per-feature scalers share: the dimension, the row count, the checks of every call, and
 * the two learning phases of {@link Transformer}, so that a scaler states only how it prepares,
 * adopts and applies its statistics.
 */
abstract class FeatureScaler implements Transformer {

  final int dimension;
  private long count;
  private boolean prepared;
  private final double[] scratch;

  FeatureScaler(int dimension) {
    SizeLimits.dimension(dimension);
    this.dimension = dimension;
    this.scratch = new double[dimension];
  }

  @Override
  public final double[] prepare(double[] x, double[] out) {
    InputChecks.requireExample(x, dimension);
    requireOut(out);
    prepareChecked(x, out);
    prepared = true;
    return out;
  }

  /** Computes the statistics after learning {@code x} (row {@code count + 1}) aside, and scales. */
  abstract void prepareChecked(double[] x, double[] out);

  @Override
  public final void commit() {
    if (!prepared) {
      throw new IllegalStateException("nothing prepared to commit");
    }
    adoptPrepared();
    count++;
    prepared = false;
  }

  /** Makes the statistics {@link #prepareChecked} computed the current ones. */
  abstract void adoptPrepared();

  @Override
  public final void learn(double[] x) {
    prepare(x, scratch);
    commit();
  }

  @Override
  public final double[] transform(double[] x, double[] out) {
    InputChecks.requireExample(x, dimension);
    requireOut(out);
    transformChecked(x, out);
    return out;
  }

  /** Scales {@code x} into {@code out} with the current statistics. */
  abstract void transformChecked(double[] x, double[] out);

  private void requireOut(double[] out) {
    Objects.requireNonNull(out, "out");
    if (out.length != dimension) {
      throw new IllegalArgumentException(
          "out has length " + out.length + " but the scaler has dimension " + dimension);
    }
  }

  /** Rows learned. */
  @Override
  public final long samplesSeen() {
    return count;
  }

  @Override
  public final int dimension() {
    return dimension;
  }

  @Override
  public final int outputDimension() {
    return dimension;
  }

  @Override
  public final void reset() {
    clearStatistics();
    count = 0;
    prepared = false;
  }

  /** Forgets every statistic. */
  abstract void clearStatistics();

  /** Sets the row count after a copy or a codec filled the statistics. */
  final void restoreCount(long rows) {
    count = rows;
    prepared = false;
  }
}
