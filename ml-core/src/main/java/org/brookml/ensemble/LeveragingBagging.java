package org.brookml.ensemble;

import static org.brookml.learner.Probabilities.argMax;
import static org.brookml.learner.Probabilities.normalize;

import java.util.Arrays;
import org.brookml.internal.random.SplitMix64;
import org.brookml.io.SnapshotReader;
import org.brookml.learner.OnlineClassifier;

/**
 * Leveraging bagging (Bifet, Holmes &amp; Pfahringer, "Leveraging Bagging for Evolving Data
 * Streams", ECML PKDD 2010), as MOA's {@code LeveragingBag}: online bagging whose members learn
 * each example with a weight drawn from Poisson(lambda), lambda 6 by default (more resampling,
 * more diversity), an ADWIN detector on each member's 0/1 error (taken, as in MOA, after the
 * member learned the example), and, when any detector sees its error rise, the member with the
 * highest estimated error replaced by a fresh copy of the prototype. The prediction averages the
 * members' class probabilities.
 *
 * <p>With output codes (for more than two classes), member {@code i} learns a random balanced
 * binary relabelling of the classes, {@code code[i][label]} in {0, 1}, and votes 1 for every
 * class whose code equals its binary answer; the codes come from the seed (half ones, or as near
 * as the number of classes allows; MOA's check compares with the ensemble size's parity, which
 * never ends for an odd number of classes and an even ensemble). Defaults are MOA's: 10 members,
 * lambda 6, ADWIN delta 0.002, no output codes.
 */
public final class LeveragingBagging extends ResampledEnsemble {

  private final double lambda;
  private final boolean outputCodes;
  /** Per member, the binary code of each class, or null without output codes. */
  private final int[][] codes;

  private LeveragingBagging(Builder b) {
    super(b);
    if (!(b.lambda > 0 && b.lambda <= 100)) {
      throw new IllegalArgumentException("lambda must be in (0, 100], got " + b.lambda);
    }
    this.lambda = b.lambda;
    this.outputCodes = b.outputCodes;
    this.codes = b.outputCodes ? codes(size(), numClasses(), seed()) : null;
  }

  /** A builder over fresh copies of {@code prototype}, with MOA's defaults. */
  public static Builder builder(OnlineClassifier prototype) {
    return new Builder(prototype);
  }

  /** Balanced random codes, drawn from a generator of their own so the Poisson draws stay. */
  private static int[][] codes(int members, int classes, long seed) {
    SplitMix64 random = new SplitMix64(seed ^ 0x6C62272E07BB0142L);
    int[][] codes = new int[members][classes];
    for (int[] code : codes) {
      int imbalance;
      do {
        imbalance = 0;
        for (int c = 0; c < classes; c++) {
          code[c] = c == 1 && classes == 2 ? 1 - code[0] : (int) (random.nextLong() >>> 63);
          imbalance += code[c] == 1 ? 1 : -1;
        }
      } while (Math.abs(imbalance) > classes % 2);
    }
    return codes;
  }

  @Override
  double poissonMean() {
    return lambda;
  }

  @Override
  int[][] codeTable() {
    return codes;
  }

  @Override
  protected int predictChecked(double[] x) {
    return argMax(codes == null ? averageVote(x) : codeVote(x));
  }

  @Override
  protected double[] predictProbaChecked(double[] x, double[] out) {
    System.arraycopy(codes == null ? averageVote(x) : codeVote(x), 0, out, 0, out.length);
    return out;
  }

  /** Each member votes 1 for every class whose code equals its binary answer. */
  private double[] codeVote(double[] x) {
    int[] answers = memberClasses(x);
    Arrays.fill(votes, 0);
    for (int m = 0; m < members.length; m++) {
      int bit = answers[m] == 1 ? 1 : 0;
      for (int c = 0; c < votes.length; c++) {
        votes[c] += codes[m][c] == bit ? 1 : 0;
      }
    }
    return normalize(votes);
  }

  /** The Poisson mean of the members' weights. */
  public double lambda() {
    return lambda;
  }

  /** Whether members learn random binary output codes. */
  public boolean outputCodes() {
    return outputCodes;
  }

  /** Member {@code m}'s binary code for class {@code c} (output codes only). */
  public int code(int m, int c) {
    if (codes == null) {
      throw new IllegalStateException("this ensemble has no output codes");
    }
    return codes[m][c];
  }

  @Override
  public LeveragingBagging copy() {
    LeveragingBagging copy = toBuilder().build();
    copy.copyStateFrom(this);
    return copy;
  }

  /** A builder preset with this ensemble's settings. */
  public Builder toBuilder() {
    return builder(prototype()).size(size()).seed(seed()).adwin(driftDelta()).lambda(lambda)
        .outputCodes(outputCodes).threads(threads);
  }

  @Override
  public String toString() {
    return "LeveragingBagging{dimension=" + dimension() + ", numClasses=" + numClasses()
        + ", size=" + size() + ", lambda=" + lambda + ", outputCodes=" + outputCodes + ", seed="
        + seed() + ", driftDelta=" + driftDelta() + ", threads=" + threads + ", prototype="
        + prototype() + "}";
  }

  /** Settings of a {@link LeveragingBagging} ensemble; ADWIN (delta 0.002) is on by default. */
  public static final class Builder extends OnlineEnsemble.Builder<Builder> {
    private double lambda = 6;
    private boolean outputCodes;

    /**
     * Threads the members learn and vote on, 1 to 256; default 1. The model is the same bit for
     * bit whatever the count; above 1, daemon threads spin briefly between examples.
     */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    private Builder(OnlineClassifier prototype) {
      super(prototype);
      adwin(0.002);
    }

    Builder(SnapshotReader in) {
      super(in);
    }

    /** The Poisson mean of the members' weights, in (0, 100]; default 6. */
    public Builder lambda(double lambda) {
      this.lambda = lambda;
      return this;
    }

    /** Whether members learn random binary output codes; default false. */
    public Builder outputCodes(boolean outputCodes) {
      this.outputCodes = outputCodes;
      return this;
    }

    /** A new, untrained ensemble; fails fast on a bad setting. */
    public LeveragingBagging build() {
      return new LeveragingBagging(this);
    }
  }
}
