package org.brookml.ensemble;

import java.util.Arrays;
import java.util.Objects;
import org.brookml.drift.Adwin;
import org.brookml.drift.DriftDetector;
import org.brookml.internal.learner.DenseInputClassifier;
import org.brookml.internal.random.SplitMix64;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.io.Snapshots;
import org.brookml.learner.InputChecks;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.Probabilities;
import org.brookml.learner.SizeLimits;

/**
 * What Oza and Russell's online ensembles share: members that start as fresh copies of one
 * prototype classifier (any Brook {@link OnlineClassifier}), Poisson-distributed training weights
 * drawn from a seeded generator, and optionally the ADWIN variant of Bifet et al. ("New ensemble
 * methods for evolving data streams", KDD 2009): an {@link Adwin} detector watches each member's
 * 0/1 error, and when one detects that its member's error rose, the member with the highest
 * estimated error is replaced by a fresh copy of the prototype.
 *
 * <p>A member trained with Poisson count {@code k} learns the example once with its weight times
 * {@code k} (as MOA does); for the usual base learners (trees, naive Bayes) that equals learning it
 * {@code k} times. Sparse input is expanded to dense once and handed to every member.
 *
 * <p>Bagging's members (not boosting's, whose weights pass from member to member) may learn and
 * vote on several threads: the Poisson counts are drawn in member order first, each member then
 * learns and scores on its own, and votes are summed in member order, so the model is the same bit
 * for bit whatever the thread count.
 */
public abstract class OnlineEnsemble extends DenseInputClassifier {

  private final OnlineClassifier prototype;
  final OnlineClassifier[] members;
  final Adwin[] detectors;
  private final double driftDelta;
  private final long seed;
  final SplitMix64 random;
  long samplesSeen;
  long replacements;
  final double[] votes;
  /** Per member, the class it predicted in the last vote, or -1 where that is not known. */
  final int[] memberClass;
  final int threads;
  private final MemberThreads.Runner runner;
  /** Per member: its probabilities in the last vote, its count and whether its error rose. */
  private final double[][] memberProbas;
  private final int[] counts;
  private final boolean[] rose;
  // What the member tasks read: the example being learned or voted on.
  private double[] currentX;
  private int currentLabel;
  private double currentWeight;
  private int[][] currentCodes;
  private final MemberThreads.Task learnTask = this::learnMembers;
  private final MemberThreads.Task probaTask = this::memberProbabilities;
  private final MemberThreads.Task classTask = this::memberClasses;

  OnlineEnsemble(Builder<?> settings) {
    this(settings.prototype, settings.size, settings.seed, settings.driftDelta,
        settings.threads);
  }

  private OnlineEnsemble(OnlineClassifier prototype, int size, long seed, double driftDelta,
      int threads) {
    super(prototype.dimension());
    SizeLimits.within("ensemble size", size, 1, SizeLimits.MAX_MEMBERS);
    this.threads = SizeLimits.within("threads", threads, 1, 256);
    this.runner = new MemberThreads.Runner(threads);
    this.memberProbas = new double[size][prototype.numClasses()];
    this.counts = new int[size];
    this.rose = new boolean[size];
    requireDelta("driftDelta", driftDelta);
    this.prototype = prototype.copy();
    this.prototype.reset();
    this.members = new OnlineClassifier[size];
    this.detectors = driftDelta > 0 ? new Adwin[size] : null;
    this.driftDelta = driftDelta;
    this.seed = seed;
    this.random = new SplitMix64(seed);
    this.votes = new double[prototype.numClasses()];
    this.memberClass = new int[size];
    for (int m = 0; m < size; m++) {
      renew(m);
    }
  }

  /** The members' policy: missing values are taken when the base classifier takes them. */
  @Override
  public final boolean acceptsMissingValues() {
    return prototype.acceptsMissingValues();
  }

  /** Checks the row as the base classifier would. */
  @Override
  public final void requireRow(double[] x) {
    prototype.requireRow(x);
  }

  /** Checks an ADWIN confidence setting: 0 (off) or in (0, 1). */
  static double requireDelta(String name, double delta) {
    if (!(delta == 0 || (delta > 0 && delta < 1))) {
      throw new IllegalArgumentException(name + " must be 0 (off) or in (0, 1), got " + delta);
    }
    return delta;
  }

  /** Replaces member {@code m} by a fresh copy of the prototype (and a fresh detector). */
  void renew(int m) {
    members[m] = prototype.copy();
    if (detectors != null) {
      detectors[m] = new Adwin(driftDelta);
    }
  }

  /**
   * Test-then-train in one call: returns {@code predict(x)}, then learns {@code x} with
   * {@code label} and weight 1, giving the same answer and leaving the same model as those two
   * calls, bit for bit, with less work where the ensemble can share it (boosting reuses each
   * member's prediction of {@code x} when the member is not trained on it). Input is checked once,
   * before anything changes.
   */
  @Override
  public int predictThenLearn(double[] x, int label) {
    requireRow(x);
    InputChecks.requireLabel(label, numClasses());
    int predicted = predictChecked(x);
    samplesSeen++;
    learnAfterVote(x, label);
    return predicted;
  }

  /**
   * {@code learnValidated(x, label, 1)} right after {@link #predictChecked} voted on {@code x}, so
   * that {@link #memberClass} holds what the members predicted for it.
   */
  void learnAfterVote(double[] x, int label) {
    learnValidated(x, label, 1);
  }

  /**
   * The largest Poisson count a member learns an example with; draws above it (a boosting rate
   * beyond a few hundred) are cut to it, so that a member's weight stays within what the ensemble
   * checked before any member changed.
   */
  static final int MAX_COUNT = 1_000;

  /**
   * Every weight a member may be given for an example of this weight ({@code weight} times a
   * count up to {@link #MAX_COUNT}) must suit the members, so that none refuses after others have
   * learned.
   */
  @Override
  public final void requireLearnableWeight(double weight) {
    InputChecks.requireWeight(weight);
    requireMembersTake(weight);
  }

  final void requireMembersTake(double weight) {
    if (weight > 0) {
      prototype.requireLearnableWeight(weight);
      prototype.requireLearnableWeight(weight * MAX_COUNT);
    }
  }

  /**
   * Counts the checked example and lets the ensemble learn it unless its weight is 0, once its
   * weight is {@link #requireLearnableWeight known to suit the members}.
   */
  @Override
  protected final void learnChecked(double[] x, int label, double weight) {
    requireMembersTake(weight); // the weight itself was checked with the example
    samplesSeen++;
    if (weight > 0) {
      learnValidated(x, label, weight);
    }
  }

  /** The ensemble's update for a validated example of positive weight. */
  abstract void learnValidated(double[] x, int label, double weight);

  /**
   * Feeds member {@code m}'s 0/1 error on the current example to its detector; returns whether the
   * detector saw the error rise. Always false without drift detection.
   */
  final boolean errorRose(int m, boolean correct) {
    if (detectors == null) {
      return false;
    }
    double before = detectors[m].estimation();
    return detectors[m].update(correct ? 0 : 1) == DriftDetector.State.DRIFT
        && detectors[m].estimation() > before;
  }

  /**
   * Online bagging's update, shared by its variants: each member learns the example with the
   * weight times a Poisson({@code lambda}) count (cut at {@link #MAX_COUNT}), the class relabelled
   * by {@code codes[m]} when given; with drift detection, each member's 0/1 error after learning
   * feeds its detector, and a rise replaces the worst member.
   */
  final void learnResampled(double[] x, int label, double weight, double lambda, int[][] codes) {
    for (int m = 0; m < members.length; m++) {
      counts[m] = Math.min(random.nextPoisson(lambda), MAX_COUNT);
    }
    currentX = x;
    currentLabel = label;
    currentWeight = weight;
    currentCodes = codes;
    runner.run(this, members.length, learnTask);
    boolean drift = false;
    for (boolean r : rose) {
      drift |= r;
    }
    if (drift) {
      replaceWorst();
    }
  }

  /** Members {@code [from, to)} learn the current example with their drawn counts. */
  private void learnMembers(int from, int to) {
    for (int m = from; m < to; m++) {
      rose[m] = learnResampledMember(m, currentX, currentLabel, currentWeight, counts[m],
          currentCodes);
    }
  }

  /**
   * Member {@code m}'s part of {@link #learnResampled}: it learns the example with weight times
   * its count {@code k} (nothing at 0), its class relabelled by {@code codes[m]} when given; with
   * drift detection, its 0/1 error after learning feeds its detector. Returns whether the error
   * rose (always false without detection).
   */
  final boolean learnResampledMember(int m, double[] x, int label, double weight, int k,
      int[][] codes) {
    int target = codes == null ? label : codes[m][label];
    if (detectors == null) {
      if (k > 0) {
        learnMember(members[m], x, target, weight * k);
      }
      return false;
    }
    int predicted = k > 0
        ? learnAndPredictMember(members[m], x, target, weight * k, false)
        : predictMember(members[m], x);
    return errorRose(m, predicted == target);
  }

  /** Runs {@code task} over {@code [0, n)}, claimed one at a time on the ensemble's threads. */
  final void runClaimed(int n, MemberThreads.Task task) {
    runner.runClaimed(this, n, task);
  }

  /** The members' normalized class probabilities, averaged (into {@link #votes}). */
  final double[] averageVote(double[] x) {
    currentX = x;
    runner.run(this, members.length, probaTask);
    Arrays.fill(votes, 0);
    for (int m = 0; m < members.length; m++) {
      addNormalized(memberProbas[m], 1, votes);
    }
    return Probabilities.normalize(votes);
  }

  private void memberProbabilities(int from, int to) {
    for (int m = from; m < to; m++) {
      memberClass[m] = predictProbaAndClassMember(members[m], currentX, memberProbas[m]);
    }
  }

  /**
   * Member {@code m}'s terms of the vote on {@code x}, into row {@code i} of {@code blocks}: its
   * normalized class probabilities ({@link #averageVote}), or with {@code codes} 1 for each class
   * whose code is its binary answer (leveraging bagging's code vote).
   */
  final void writeMemberVote(VoteBlocks blocks, int m, int i, double[] x, int[][] codes) {
    if (codes == null) {
      memberClass[m] = predictProbaAndClassMember(members[m], x, memberProbas[m]);
      blocks.writeNormalized(m, i, memberProbas[m], 1);
    } else {
      memberClass[m] = predictMember(members[m], x);
      blocks.writeCode(m, i, codes[m], memberClass[m] == 1 ? 1 : 0);
    }
  }

  /** Every member's predicted class of {@code x} into {@link #memberClass}, returned. */
  final int[] memberClasses(double[] x) {
    currentX = x;
    runner.run(this, members.length, classTask);
    return memberClass;
  }

  private void memberClasses(int from, int to) {
    for (int m = from; m < to; m++) {
      memberClass[m] = predictMember(members[m], currentX);
    }
  }

  /** Replaces the member whose detector estimates the highest error; returns its index. */
  int replaceWorst() {
    int worst = 0;
    for (int m = 1; m < members.length; m++) {
      if (detectors[m].estimation() > detectors[worst].estimation()) {
        worst = m;
      }
    }
    renew(worst);
    replacements++;
    return worst;
  }

  /** Adds member {@code m}'s normalized class probabilities for {@code x}, times {@code weight}. */
  final void addVote(int m, double[] x, double weight) {
    memberClass[m] = predictProbaAndClassMember(members[m], x, memberProbas[m]);
    addNormalized(memberProbas[m], weight, votes);
  }

  /** Adds {@code proba}, normalized to sum 1, times {@code weight}, to {@code votes}; none if 0. */
  static void addNormalized(double[] proba, double weight, double[] votes) {
    addNormalized(proba, weight, votes, 0);
  }

  /** {@link #addNormalized(double[], double, double[])} into {@code votes} from {@code at}. */
  static void addNormalized(double[] proba, double weight, double[] votes, int at) {
    double sum = 0;
    for (double p : proba) {
      sum += p;
    }
    if (sum > 0) {
      for (int c = 0; c < proba.length; c++) {
        votes[at + c] += weight * proba[c] / sum;
      }
    }
  }


  /** Number of members. */
  public int size() {
    return members.length;
  }

  /** Member {@code m}; read it, do not train it. */
  public OnlineClassifier member(int m) {
    return members[Objects.checkIndex(m, members.length)];
  }

  /** How many members ADWIN replaced so far (0 without drift detection). */
  public long replacements() {
    return replacements;
  }

  /** The ADWIN confidence, or 0 when drift detection is off. */
  public double driftDelta() {
    return driftDelta;
  }

  /** The seed of the Poisson draws. */
  public long seed() {
    return seed;
  }

  /** The untrained classifier every member starts as. */
  OnlineClassifier prototype() {
    return prototype;
  }

  @Override
  public int numClasses() {
    return prototype.numClasses();
  }

  @Override
  public int dimension() {
    return prototype.dimension();
  }

  @Override
  public long samplesSeen() {
    return samplesSeen;
  }

  @Override
  public void reset() {
    for (int m = 0; m < members.length; m++) {
      renew(m);
    }
    random.setState(seed);
    samplesSeen = 0;
    replacements = 0;
  }

  /** Makes this ensemble's learned state a deep copy of {@code other}'s (same settings). */
  void copyStateFrom(OnlineEnsemble other) {
    for (int m = 0; m < members.length; m++) {
      members[m] = other.members[m].copy();
      if (detectors != null) {
        detectors[m] = other.detectors[m].copy();
      }
    }
    random.setState(other.random.state());
    samplesSeen = other.samplesSeen;
    replacements = other.replacements;
  }

  /** Settings shared by every ensemble, in the order {@link #readSettings} reads them. */
  void writeSettings(SnapshotWriter out) {
    out.writeModel(prototype).writeInt(members.length).writeLong(seed).writeDouble(driftDelta);
  }

  /** Learned state shared by every ensemble. */
  void writeState(SnapshotWriter out) {
    out.writeLong(random.state()).writeLong(samplesSeen).writeLong(replacements);
    for (int m = 0; m < members.length; m++) {
      out.writeModel(members[m]);
      if (detectors != null) {
        detectors[m].write(out);
      }
    }
  }

  /** Reads what {@link #writeState} wrote into this freshly built ensemble. */
  void readState(SnapshotReader in) {
    random.setState(in.readLong("random state"));
    samplesSeen = in.readLong("samplesSeen", 0);
    replacements = in.readLong("replacements", 0);
    for (int m = 0; m < members.length; m++) {
      OnlineClassifier member = in.readModel("member " + m, OnlineClassifier.class);
      if (member.getClass() != prototype.getClass() || member.dimension() != dimension()
          || member.numClasses() != numClasses()) {
        throw in.error("member " + m, "is a " + member + ", unlike the prototype " + prototype);
      }
      members[m] = member;
      if (detectors != null) {
        Adwin detector = Adwin.read(in);
        if (detector.delta() != driftDelta) {
          throw in.error("detector " + m, "has delta " + detector.delta() + ", not "
              + driftDelta);
        }
        detectors[m] = detector;
      }
    }
  }

  /**
   * Settings every ensemble shares: the prototype, the number of members, the seed and the ADWIN
   * confidence.
   *
   * @param <B> the concrete builder
   */
  public abstract static class Builder<B extends Builder<B>> {
    final OnlineClassifier prototype;
    int size = 10;
    long seed = 42;
    double driftDelta;
    int threads = 1;

    Builder(OnlineClassifier prototype) {
      this.prototype = Objects.requireNonNull(prototype, "prototype");
    }

    /**
     * Settings written by {@link OnlineEnsemble#writeSettings}, read back into a builder. The
     * member count is checked against the bytes left before any member is made: each member's
     * snapshot is at least as long as the untrained prototype's.
     */
    Builder(SnapshotReader in) {
      this(in.readModel("prototype", OnlineClassifier.class));
      size(in.readInt("ensemble size", 1, SizeLimits.MAX_MEMBERS));
      long smallestMember = Snapshots.write(prototype).length;
      if (size * smallestMember > in.remaining()) {
        throw in.error("ensemble size", size + " members of at least " + smallestMember
            + " bytes each do not fit the " + in.remaining() + " bytes left");
      }
      seed(in.readLong("seed"));
      adwin(in.readDouble("driftDelta"));
    }

    /** Number of members; default 10. */
    public B size(int size) {
      this.size = size;
      return self();
    }

    /** Seed of the Poisson draws; default 42. */
    public B seed(long seed) {
      this.seed = seed;
      return self();
    }

    /** Turns on ADWIN member replacement with this confidence (MOA uses 0.002); 0 turns it off. */
    public B adwin(double delta) {
      this.driftDelta = delta;
      return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }
  }
}
