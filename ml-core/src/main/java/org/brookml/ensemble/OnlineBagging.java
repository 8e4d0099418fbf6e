package org.brookml.ensemble;

import static org.brookml.learner.Probabilities.argMax;

import org.brookml.io.SnapshotReader;
import org.brookml.learner.OnlineClassifier;

/**
 * Online bagging (Oza and Russell, "Online Bagging and Boosting", AISTATS 2001): every member
 * learns each example with a weight drawn from Poisson(1), the streaming limit of bootstrap
 * resampling; the prediction averages the members' class probabilities. With
 * {@link Builder#adwin(double)} it is ADWIN bagging (Bifet et al. 2009), see
 * {@link OnlineEnsemble}.
 */
public final class OnlineBagging extends ResampledEnsemble {

  private OnlineBagging(Builder b) {
    super(b);
  }

  /** A builder over fresh copies of {@code prototype}. */
  public static Builder builder(OnlineClassifier prototype) {
    return new Builder(prototype);
  }

  @Override
  double poissonMean() {
    return 1;
  }

  @Override
  int[][] codeTable() {
    return null;
  }

  @Override
  protected int predictChecked(double[] x) {
    return argMax(averageVote(x));
  }

  @Override
  protected double[] predictProbaChecked(double[] x, double[] out) {
    System.arraycopy(averageVote(x), 0, out, 0, out.length);
    return out;
  }

  @Override
  public OnlineBagging copy() {
    OnlineBagging copy = toBuilder().build();
    copy.copyStateFrom(this);
    return copy;
  }

  private Builder toBuilder() {
    return builder(prototype()).size(size()).seed(seed()).adwin(driftDelta()).threads(threads);
  }

  @Override
  public String toString() {
    return "OnlineBagging{dimension=" + dimension() + ", numClasses=" + numClasses()
        + ", size=" + size() + ", seed=" + seed() + ", driftDelta=" + driftDelta()
        + ", threads=" + threads + ", prototype=" + prototype() + "}";
  }

  /** Settings of an {@link OnlineBagging} ensemble. */
  public static final class Builder extends OnlineEnsemble.Builder<Builder> {
    private Builder(OnlineClassifier prototype) {
      super(prototype);
    }

    Builder(SnapshotReader in) {
      super(in);
    }

    /**
     * Threads the members learn and vote on, 1 to 256; default 1. The model is the same bit for
     * bit whatever the count; above 1, daemon threads spin briefly between examples.
     */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** A new, untrained ensemble; fails fast on a bad setting. */
    public OnlineBagging build() {
      return new OnlineBagging(this);
    }
  }
}
