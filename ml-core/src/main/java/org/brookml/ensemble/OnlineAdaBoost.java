package org.brookml.ensemble;

import static org.brookml.learner.Probabilities.argMax;
import static org.brookml.learner.Probabilities.normalize;

import java.util.Arrays;
import java.util.Objects;
import org.brookml.io.SnapshotReader;
import org.brookml.learner.OnlineClassifier;

/**
 * Online AdaBoost as Oza and Russell define it ("Online Bagging and Boosting", AISTATS 2001; Oza,
 * "Online Bagging and Boosting", IEEE SMC 2005). For each example {@code lambda} starts at 1, and
 * for each member {@code m} in turn: the member learns the example with weight
 * {@code k ~ Poisson(lambda)}; then, if it now classifies the example correctly,
 * {@code lambdaCorrect[m] += lambda} and {@code lambda *= N / (2 lambdaCorrect[m])}, else
 * {@code lambdaWrong[m] += lambda} and {@code lambda *= N / (2 lambdaWrong[m])}. {@code N} is,
 * by {@link Normalization}, either the mass {@code lambdaCorrect[m] + lambdaWrong[m]} member
 * {@code m} has seen (the default: Oza 2005's {@code lambda / (2 (1 - eps_m))} and
 * {@code lambda / (2 eps_m)}, as River implements it) or the number of examples seen (the 2001
 * paper's wording and MOA's {@code OzaBoost}); the two agree for the first member. An example of
 * weight {@code w} counts {@code w} times. Member
 * {@code m} votes with weight {@code log((1 - eps) / eps)},
 * {@code eps = lambdaWrong / (lambdaCorrect + lambdaWrong)}; members with {@code eps = 0} or
 * {@code eps >= 0.5} do not vote (if none can, all vote equally). Multiclass works unchanged, as
 * in the paper. The vote is either the paper's weighted majority of the members' predicted classes
 * ({@link Voting#HARD}) or the weighted sum of their class probabilities ({@link Voting#SOFT}, the
 * default, as MOA combines them). With {@link Builder#adwin(double)} it is ADWIN boosting: see
 * {@link OnlineEnsemble}; a replaced member's {@code lambda} sums restart at 0.
 */
public final class OnlineAdaBoost extends OnlineEnsemble {

  /** How member votes combine. */
  public enum Voting {
    /** Each member adds its weight to the class it predicts (Oza and Russell). */
    HARD,
    /** Each member adds its weight times its class probabilities (MOA's OzaBoost). */
    SOFT
  }

  /** What {@code N} is in the {@code lambda} update. */
  public enum Normalization {
    /** {@code lambdaCorrect[m] + lambdaWrong[m]}: Oza 2005's epsilon form, River's. */
    MEMBER_WEIGHT,
    /** The total weight of examples seen: Oza and Russell 2001's wording, MOA's. */
    EXAMPLES_SEEN
  }

  final Voting voting;
  final Normalization normalization;
  final double[] lambdaCorrect;
  final double[] lambdaWrong;
  double weightSeen;

  private OnlineAdaBoost(Builder b) {
    super(b);
    this.voting = Objects.requireNonNull(b.voting, "voting");
    this.normalization = Objects.requireNonNull(b.normalization, "normalization");
    this.lambdaCorrect = new double[size()];
    this.lambdaWrong = new double[size()];
  }

  /** A builder over fresh copies of {@code prototype}. */
  public static Builder builder(OnlineClassifier prototype) {
    return new Builder(prototype);
  }

  @Override
  void learnValidated(double[] x, int label, double weight) {
    learn(x, label, weight, null);
  }

  @Override
  void learnAfterVote(double[] x, int label) {
    learn(x, label, 1, memberClass);
  }

  /**
   * Oza and Russell's update. {@code known}, if not null, holds per member the class it predicted
   * for {@code x} in the vote just taken, or -1: a member trained 0 times is not asked again, and
   * one trained may use again what it found in the vote.
   */
  private void learn(double[] x, int label, double weight, int[] known) {
    weightSeen += weight;
    double lambda = 1;
    boolean drift = false;
    for (int m = 0; m < members.length; m++) {
      int k = Math.min(random.nextPoisson(lambda), MAX_COUNT);
      int predicted;
      if (k > 0) {
        predicted = learnAndPredictMember(members[m], x, label, weight * k,
            known != null && known[m] >= 0);
      } else if (known != null && known[m] >= 0) {
        predicted = known[m];
      } else {
        predicted = predictMember(members[m], x);
      }
      boolean correct = predicted == label;
      if (correct) {
        lambdaCorrect[m] += weight * lambda;
        lambda *= normalizer(m) / (2 * lambdaCorrect[m]);
      } else {
        lambdaWrong[m] += weight * lambda;
        lambda *= normalizer(m) / (2 * lambdaWrong[m]);
      }
      drift |= errorRose(m, correct);
    }
    if (drift) {
      int replaced = replaceWorst();
      lambdaCorrect[replaced] = 0;
      lambdaWrong[replaced] = 0;
    }
  }

  private double normalizer(int m) {
    return normalization == Normalization.EXAMPLES_SEEN
        ? weightSeen : lambdaCorrect[m] + lambdaWrong[m];
  }

  /**
   * Member {@code m}'s vote weight {@code log((1 - eps) / eps)}, 0 if it may not vote; finite
   * for every {@code eps}: where the quotient overflows (an {@code eps} below about 1e-308) it is
   * taken as {@code log1p(-eps) - log(eps)}, at most 745.
   */
  public double memberWeight(int m) {
    Objects.checkIndex(m, members.length);
    double total = lambdaCorrect[m] + lambdaWrong[m];
    double eps = total > 0 ? lambdaWrong[m] / total : 0;
    if (!(eps > 0 && eps < 0.5)) {
      return 0;
    }
    double weight = Math.log((1 - eps) / eps);
    return Double.isFinite(weight) ? weight : Math.log1p(-eps) - Math.log(eps);
  }

  /** Sum of the {@code lambda}s with which member {@code m} classified correctly. */
  public double lambdaCorrect(int m) {
    return lambdaCorrect[Objects.checkIndex(m, members.length)];
  }

  /** Sum of the {@code lambda}s with which member {@code m} classified wrongly. */
  public double lambdaWrong(int m) {
    return lambdaWrong[Objects.checkIndex(m, members.length)];
  }

  /** {@code N}: total weight of the examples learned. */
  public double weightSeen() {
    return weightSeen;
  }

  @Override
  protected int predictChecked(double[] x) {
    return argMax(weightedVote(x));
  }

  @Override
  protected double[] predictProbaChecked(double[] x, double[] out) {
    System.arraycopy(weightedVote(x), 0, out, 0, out.length);
    return out;
  }

  private double[] weightedVote(double[] x) {
    Arrays.fill(votes, 0);
    Arrays.fill(memberClass, -1);
    boolean anyVoted = false;
    for (int m = 0; m < members.length; m++) {
      double w = memberWeight(m);
      if (w > 0) {
        vote(m, x, w);
        anyVoted = true;
      }
    }
    if (!anyVoted) {
      for (int m = 0; m < members.length; m++) {
        vote(m, x, 1);
      }
    }
    return normalize(votes);
  }

  private void vote(int m, double[] x, double weight) {
    if (voting == Voting.HARD) {
      memberClass[m] = predictMember(members[m], x);
      votes[memberClass[m]] += weight;
    } else {
      addVote(m, x, weight);
    }
  }

  @Override
  public void reset() {
    super.reset();
    Arrays.fill(lambdaCorrect, 0);
    Arrays.fill(lambdaWrong, 0);
    weightSeen = 0;
  }

  @Override
  public OnlineAdaBoost copy() {
    OnlineAdaBoost copy = toBuilder().build();
    copy.copyStateFrom(this);
    System.arraycopy(lambdaCorrect, 0, copy.lambdaCorrect, 0, members.length);
    System.arraycopy(lambdaWrong, 0, copy.lambdaWrong, 0, members.length);
    copy.weightSeen = weightSeen;
    return copy;
  }

  private Builder toBuilder() {
    return builder(prototype()).size(size()).seed(seed()).adwin(driftDelta()).voting(voting)
        .normalization(normalization);
  }

  @Override
  public String toString() {
    return "OnlineAdaBoost{dimension=" + dimension() + ", numClasses=" + numClasses()
        + ", size=" + size() + ", seed=" + seed() + ", voting=" + voting + ", normalization="
        + normalization + ", driftDelta="
        + driftDelta() + ", prototype=" + prototype() + "}";
  }

  /** Settings of an {@link OnlineAdaBoost} ensemble. */
  public static final class Builder extends OnlineEnsemble.Builder<Builder> {
    private Voting voting = Voting.SOFT;
    private Normalization normalization = Normalization.MEMBER_WEIGHT;

    private Builder(OnlineClassifier prototype) {
      super(prototype);
    }

    Builder(SnapshotReader in) {
      super(in);
    }

    /** How votes combine; default {@link Voting#SOFT}. */
    public Builder voting(Voting voting) {
      this.voting = Objects.requireNonNull(voting, "voting");
      return this;
    }

    /** What {@code N} is in the {@code lambda} update; default {@link Normalization#MEMBER_WEIGHT}. */
    public Builder normalization(Normalization normalization) {
      this.normalization = Objects.requireNonNull(normalization, "normalization");
      return this;
    }

    /** A new, untrained ensemble; fails fast on a bad setting. */
    public OnlineAdaBoost build() {
      return new OnlineAdaBoost(this);
    }
  }
}
