package org.brookml.ensemble;

import static org.brookml.learner.Probabilities.argMax;
import static org.brookml.learner.Probabilities.normalize;

import java.util.Arrays;
import java.util.Objects;
import org.brookml.drift.Adwin;
import org.brookml.drift.DriftDetector;
import org.brookml.internal.learner.DenseInputClassifier;
import org.brookml.internal.random.SplitMix64;
import org.brookml.learner.InputChecks;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.SizeLimits;

/**
 * What the adaptive random forest and streaming random patches share (Gomes et al. 2017, 2019;
 * MOA's {@code ARFBaseLearner}): members that each learn an example with a Poisson(lambda) weight
 * (or weight 1 without resampling), on their own features (all of them, or a random subspace);
 * after a member learned, its 0/1 error feeds a warning detector (ADWIN) that starts a
 * background member, which learns every example its member learns (with the example's own weight
 * in the random forest, with the member's Poisson weight in random patches, as in MOA), and a
 * drift detector (ADWIN) that replaces the member by its background (or a fresh member); each
 * member is scored before it learns, and the vote weighs its normalized class probabilities by
 * its accuracy since it started (a member with none right yet weighs 0.01, as in MOA, whose
 * weight 1 stands against accuracies in percent).
 *
 * <p>Every member has its own random stream (derived from the seed and its index), its own input
 * buffer and its own counters, so that members never share anything while they learn: with
 * {@code threads > 1} they learn and vote on that many threads, and the model is the same bit for
 * bit whatever the thread count (the votes are summed in member order).
 */
public abstract class DriftAwareForest extends DenseInputClassifier {

  /**
   * The weight of a member with no example right since it started, in a weighted vote: MOA gives
   * such a member weight 1 against the others' accuracies in percent, so 1/100 of a perfect one.
   */
  private static final double UNPROVEN_WEIGHT = 0.01;

  /** A member's learner with the features it sees (null: all) and its input buffer. */
  static final class Learner {
    final OnlineClassifier model;
    final int[] features;
    private final double[] input;

    Learner(OnlineClassifier model, int[] features) {
      this.model = model;
      this.features = features;
      this.input = features == null ? null : new double[features.length];
    }

    /** {@code x} as this learner sees it: itself, or its features in subspace order. */
    double[] view(double[] x) {
      if (features == null) {
        return x;
      }
      for (int i = 0; i < features.length; i++) {
        input[i] = x[features[i]];
      }
      return input;
    }

    Learner copy() {
      return new Learner(model.copy(), features);
    }
  }

  /** One member: learner, detectors, background learner, accuracy, random stream, counts. */
  static final class Member {
    Learner learner;
    Adwin warning;
    Adwin drift;
    Learner background;
    double scored;
    double correct;
    final SplitMix64 random;
    long drifts;
    long warnings;
    /** The member's normalized probabilities from the last vote. */
    final double[] proba;

    Member(long seed, int numClasses) {
      random = new SplitMix64(seed);
      proba = new double[numClasses];
    }

    Member copy() {
      Member copy = new Member(0, proba.length);
      copy.random.setState(random.state());
      copy.learner = learner.copy();
      copy.warning = warning == null ? null : warning.copy();
      copy.drift = drift == null ? null : drift.copy();
      copy.background = background == null ? null : background.copy();
      copy.scored = scored;
      copy.correct = correct;
      copy.drifts = drifts;
      copy.warnings = warnings;
      return copy;
    }
  }

  final int numClasses;
  final double lambda;
  final boolean resampling;
  /** Whether a background member learns with the member's Poisson weight (SRP) or without (ARF). */
  final boolean backgroundResamples;
  final double warningDelta;
  final double driftDelta;
  final boolean weightedVote;
  final long seed;
  final int threads;
  final Member[] members;
  long samplesSeen;
  private final double[] votes;
  private final MemberThreads.Runner runner;
  // What the member tasks read: the example being learned or voted on.
  private double[] currentX;
  private int currentLabel;
  private double currentWeight;
  private final MemberThreads.Task learnTask = this::learnMembers;
  private final MemberThreads.Task voteTask = this::voteMembers;
  // What the batch task reads: the rows being learned.
  private double[] batchXs;
  private int batchFrom;
  private int batchRows;
  private int[] batchLabels;
  private final MemberThreads.Task batchTask = this::learnBatchMembers;
  // What the test-then-train task reads and writes: made at the first call.
  private VoteBlocks blocks;
  private final MemberThreads.Task blockTask = this::predictThenLearnMembers;
  private final int[] oneLabel = new int[1];
  private final int[] oneAnswer = new int[1];

  DriftAwareForest(Builder<?> b, boolean resampling, boolean backgroundResamples) {
    super(b.dimension);
    SizeLimits.within("ensemble size", b.size, 1, SizeLimits.MAX_MEMBERS);
    SizeLimits.within("threads", b.threads, 1, 256);
    if (!(b.lambda > 0 && b.lambda <= 100)) {
      throw new IllegalArgumentException("lambda must be in (0, 100], got " + b.lambda);
    }
    OnlineEnsemble.requireDelta("warningDelta", b.warningDelta);
    OnlineEnsemble.requireDelta("driftDelta", b.driftDelta);
    this.numClasses = b.numClasses;
    this.lambda = b.lambda;
    this.resampling = resampling;
    this.backgroundResamples = backgroundResamples;
    this.warningDelta = b.warningDelta;
    this.driftDelta = b.driftDelta;
    this.weightedVote = b.weightedVote;
    this.seed = b.seed;
    this.threads = b.threads;
    this.runner = new MemberThreads.Runner(b.threads);
    this.members = new Member[b.size];
    this.votes = new double[numClasses];
  }

  /** A new member learner, drawing what it needs from the member's random stream. */
  abstract Learner newLearner(SplitMix64 random);

  /** Member {@code m}'s first learner; by default {@link #newLearner}. */
  Learner firstLearner(int m, SplitMix64 random) {
    return newLearner(random);
  }

  /** Whether the members take NaN as a missing value. */
  abstract boolean membersAcceptMissing();

  /** Checks a row as the members would (over all the row's features). */
  abstract void requireMemberRow(double[] x);

  /** Checks that every member can learn an example of this weight. */
  abstract void requireMemberWeight(double weight);

  /** Member {@code m}'s random stream's seed: the forest's seed and the index, mixed. */
  final long memberSeed(int m) {
    return new SplitMix64(seed ^ (0x9E3779B97F4A7C15L * (m + 1))).nextLong();
  }

  /** A fresh member {@code m}: its stream from the start, a new learner, new detectors. */
  final Member newMember(int m) {
    Member member = new Member(memberSeed(m), numClasses);
    member.learner = firstLearner(m, member.random);
    member.warning = warningDelta > 0 ? new Adwin(warningDelta) : null;
    member.drift = driftDelta > 0 ? new Adwin(driftDelta) : null;
    return member;
  }

  @Override
  public final boolean acceptsMissingValues() {
    return membersAcceptMissing();
  }

  @Override
  public final void requireRow(double[] x) {
    requireMemberRow(x);
  }

  @Override
  public final void requireLearnableWeight(double weight) {
    InputChecks.requireWeight(weight);
    requireMembersTake(weight);
  }

  private void requireMembersTake(double weight) {
    if (weight > 0) {
      requireMemberWeight(weight * OnlineEnsemble.MAX_COUNT);
    }
  }

  @Override
  protected final void learnChecked(double[] x, int label, double weight) {
    requireMembersTake(weight);
    samplesSeen++;
    if (weight == 0) {
      return;
    }
    currentX = x;
    currentLabel = label;
    currentWeight = weight;
    run(learnTask);
  }

  private void run(MemberThreads.Task task) {
    runner.run(this, members.length, task);
  }

  private void learnMembers(int from, int to) {
    for (int i = from; i < to; i++) {
      learnExample(members[i], currentX, currentLabel, currentWeight);
    }
  }

  /**
   * Learns rows {@code fromRow .. fromRow+rows-1} of the row-major {@code xs} in order, weight 1:
   * the same model, bit for bit, as {@link #learn(double[], int)} on each row in turn. Members
   * learn independently of each other (each with its own stream, detectors and background), so
   * with several threads each takes its members through all the rows: one hand-off per batch
   * instead of one per row. A bad row or label anywhere leaves the forest as it was.
   */
  @Override
  public final void learnBatch(double[] xs, int fromRow, int rows, int[] labels) {
    InputChecks.requireRows(xs, fromRow, rows, this, "xs");
    InputChecks.requireLabels(labels, fromRow, rows, numClasses);
    requireMembersTake(1);
    batchXs = xs;
    batchFrom = fromRow;
    batchRows = rows;
    batchLabels = labels;
    samplesSeen += rows;
    runner.runClaimed(this, members.length, batchTask);
    batchXs = null;
    batchLabels = null;
  }

  /**
   * Test-then-train over rows {@code fromRow .. fromRow+rows-1} of the row-major {@code xs}: for
   * each row in order, its prediction into {@code out} (indexed like the rows), then the row
   * learned with weight 1; the same answers and the same model, bit for bit, as {@link
   * #predict(double[])} then {@link #learn(double[], int)} on each row in turn. Members go through
   * a block of up to 1,024 rows at a time, each on its own (with several threads, each thread takes
   * the next member left through the whole block: one hand-off per block instead of two per row),
   * keeping its weighted vote on every row ({@link VoteBlocks}). A bad row or label anywhere
   * leaves the forest as it was.
   */
  @Override
  public final int[] predictThenLearnBatch(double[] xs, int fromRow, int rows, int[] labels,
      int[] out) {
    InputChecks.requireRows(xs, fromRow, rows, this, "xs");
    InputChecks.requireLabels(labels, fromRow, rows, numClasses);
    InputChecks.requireParallel(Objects.requireNonNull(out, "out").length, fromRow, rows, 1, "out");
    requireMembersTake(1);
    return predictThenLearnChecked(xs, fromRow, rows, labels, out);
  }

  /**
   * {@link #predict(double[])} then {@link #learn(double[], int)}, the same answer and model, as a
   * block of one row: each member votes and learns in one task, one hand-off to the threads
   * instead of two.
   */
  @Override
  public final int predictThenLearn(double[] x, int label) {
    requireRow(x);
    InputChecks.requireLabel(label, numClasses);
    requireMembersTake(1);
    oneLabel[0] = label;
    return predictThenLearnChecked(x, 0, 1, oneLabel, oneAnswer)[0];
  }

  /** {@link #predictThenLearnBatch} on rows, labels and buffer already checked. */
  private int[] predictThenLearnChecked(double[] xs, int fromRow, int rows, int[] labels,
      int[] out) {
    if (blocks == null) {
      blocks = new VoteBlocks(members.length, numClasses, dimension());
    }
    blocks.reserve(rows);
    batchLabels = labels;
    for (int start = fromRow; start < fromRow + rows; start += blocks.capacity()) {
      blocks.load(xs, start, Math.min(blocks.capacity(), fromRow + rows - start));
      batchFrom = start;
      samplesSeen += blocks.size();
      runner.runClaimed(this, members.length, blockTask);
      for (int i = 0; i < blocks.size(); i++) {
        out[start + i] = blocks.answer(i);
      }
    }
    batchLabels = null;
    return out;
  }

  /** Members {@code [from, to)}, each through the block: its weighted vote, then learning. */
  private void predictThenLearnMembers(int from, int to) {
    for (int i = from; i < to; i++) {
      Member m = members[i];
      for (int r = 0; r < blocks.size(); r++) {
        double[] x = blocks.row(r);
        predictProbaMember(m.learner.model, m.learner.view(x), m.proba);
        blocks.writeNormalized(i, r, m.proba, voteWeight(m));
        learnExample(m, x, batchLabels[batchFrom + r], 1);
      }
    }
  }

  private void learnBatchMembers(int from, int to) {
    int d = dimension();
    double[] row = new double[d]; // one per thread and batch: members read rows as arrays
    for (int i = from; i < to; i++) {
      for (int r = batchFrom; r < batchFrom + batchRows; r++) {
        System.arraycopy(batchXs, r * d, row, 0, d);
        learnExample(members[i], row, batchLabels[r], 1);
      }
    }
  }

  /** One member's step on one example: scored, Poisson-weighted learning, then its detectors. */
  private void learnExample(Member m, double[] x, int label, double weight) {
    double[] view = m.learner.view(x);
    m.scored += weight; // scored before it learns, as MOA's evaluator does
    if (predictMember(m.learner.model, view) == label) {
      m.correct += weight;
    }
    int k = resampling ? Math.min(m.random.nextPoisson(lambda), OnlineEnsemble.MAX_COUNT) : 1;
    if (k > 0) {
      boolean right =
          learnAndPredictMember(m.learner.model, view, label, weight * k, false) == label;
      if (m.background != null) {
        learnMember(m.background.model, m.background.view(x), label,
            backgroundResamples ? weight * k : weight);
      }
      watch(m, right);
    }
  }

  /** Feeds a member's 0/1 error after learning to its detectors and acts on what they say. */
  private void watch(Member m, boolean right) {
    if (m.drift == null) {
      return;
    }
    if (m.warning != null && m.warning.update(right ? 0 : 1) == DriftDetector.State.DRIFT) {
      m.background = newLearner(m.random);
      m.warning = new Adwin(warningDelta);
      m.warnings++;
    }
    if (m.drift.update(right ? 0 : 1) == DriftDetector.State.DRIFT) {
      m.drifts++;
      if (m.background != null) {
        m.learner = m.background;
        m.background = null;
        m.warning = warningDelta > 0 ? new Adwin(warningDelta) : null;
      } else {
        m.learner = newLearner(m.random);
      }
      m.drift = new Adwin(driftDelta);
      m.scored = 0;
      m.correct = 0;
    }
  }

  @Override
  protected final int predictChecked(double[] x) {
    return argMax(vote(x));
  }

  @Override
  protected final double[] predictProbaChecked(double[] x, double[] out) {
    System.arraycopy(vote(x), 0, out, 0, out.length);
    return out;
  }

  /**
   * Each member's normalized probabilities, times its accuracy when weighted ({@link
   * #UNPROVEN_WEIGHT} at accuracy 0), summed in order.
   */
  private double[] vote(double[] x) {
    currentX = x;
    run(voteTask);
    Arrays.fill(votes, 0);
    for (Member m : members) {
      OnlineEnsemble.addNormalized(m.proba, voteWeight(m), votes);
    }
    return normalize(votes);
  }

  /** A member's weight in the vote: its accuracy ({@link #UNPROVEN_WEIGHT} at 0), or 1. */
  private double voteWeight(Member m) {
    double accuracy = m.scored > 0 ? m.correct / m.scored : 0;
    return !weightedVote ? 1 : accuracy > 0 ? accuracy : UNPROVEN_WEIGHT;
  }

  private void voteMembers(int from, int to) {
    double[] x = currentX;
    for (int i = from; i < to; i++) {
      Member m = members[i];
      predictProbaMember(m.learner.model, m.learner.view(x), m.proba);
    }
  }

  /** Number of members. */
  public final int size() {
    return members.length;
  }

  /** Whether member {@code m} has a background learner growing. */
  public final boolean hasBackground(int m) {
    return members[Objects.checkIndex(m, members.length)].background != null;
  }

  /** Member {@code m}'s accuracy since it started (0 before it was scored). */
  public final double accuracy(int m) {
    Member member = members[Objects.checkIndex(m, members.length)];
    return member.scored > 0 ? member.correct / member.scored : 0;
  }

  /** Drifts detected so far (each replaced a member). */
  public final long drifts() {
    long sum = 0;
    for (Member m : members) {
      sum += m.drifts;
    }
    return sum;
  }

  /** Warnings detected so far (each started a background member). */
  public final long warnings() {
    long sum = 0;
    for (Member m : members) {
      sum += m.warnings;
    }
    return sum;
  }

  /** Threads the members learn and vote on. */
  public final int threads() {
    return threads;
  }

  @Override
  public final int numClasses() {
    return numClasses;
  }

  @Override
  public final long samplesSeen() {
    return samplesSeen;
  }

  @Override
  public final void reset() {
    for (int m = 0; m < members.length; m++) {
      members[m] = newMember(m);
    }
    samplesSeen = 0;
  }

  /** Sets {@code b}'s shared settings to this forest's. */
  final <B extends Builder<B>> B withSettings(B b) {
    return b.size(members.length).lambda(lambda).warningDelta(warningDelta)
        .driftDelta(driftDelta).weightedVote(weightedVote).seed(seed).threads(threads);
  }

  /** Makes {@code copy} (built from the same settings) hold this forest's learned state. */
  final <F extends DriftAwareForest> F copyStateInto(F copy) {
    for (int m = 0; m < members.length; m++) {
      copy.members[m] = members[m].copy();
    }
    copy.samplesSeen = samplesSeen;
    return copy;
  }

  /** The settings every forest shows, for {@code toString}. */
  final String describeSettings() {
    return "dimension=" + dimension() + ", numClasses=" + numClasses + ", size=" + members.length
        + ", lambda=" + lambda + ", warningDelta=" + warningDelta + ", driftDelta=" + driftDelta
        + ", weightedVote=" + weightedVote + ", seed=" + seed + ", threads=" + threads
        + ", samplesSeen=" + samplesSeen;
  }

  /**
   * Settings both forests share; the defaults of the detectors are each forest's.
   *
   * @param <B> the concrete builder
   */
  public abstract static class Builder<B extends Builder<B>> {
    final int dimension;
    final int numClasses;
    int size = 100;
    double lambda = 6;
    double warningDelta;
    double driftDelta;
    boolean weightedVote = true;
    long seed = 1;
    int threads = 1;

    Builder(int dimension, int numClasses, double warningDelta, double driftDelta) {
      this.dimension = SizeLimits.dimension(dimension);
      this.numClasses = SizeLimits.classes(numClasses);
      this.warningDelta = warningDelta;
      this.driftDelta = driftDelta;
    }

    /** Number of members; default 100. */
    public B size(int size) {
      this.size = size;
      return self();
    }

    /** The Poisson mean of the members' weights, in (0, 100]; default 6. */
    public B lambda(double lambda) {
      this.lambda = lambda;
      return self();
    }

    /** ADWIN confidence of the warning detectors (0: no background members). */
    public B warningDelta(double warningDelta) {
      this.warningDelta = warningDelta;
      return self();
    }

    /** ADWIN confidence of the drift detectors (0: no detection). */
    public B driftDelta(double driftDelta) {
      this.driftDelta = driftDelta;
      return self();
    }

    /** Whether votes are weighed by each member's accuracy; default true. */
    public B weightedVote(boolean weightedVote) {
      this.weightedVote = weightedVote;
      return self();
    }

    /** The seed of every member's random stream; default 1. */
    public B seed(long seed) {
      this.seed = seed;
      return self();
    }

    /**
     * Threads the members learn and vote on, 1 to 256; default 1. The model is the same bit for
     * bit whatever the count; above 1, daemon threads spin briefly between examples.
     */
    public B threads(int threads) {
      this.threads = threads;
      return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }
  }
}
