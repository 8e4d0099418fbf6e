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
import org.brookml.learner.SizeLimits;
import org.brookml.tree.HoeffdingTree;

/**
 * Adaptive random forest (Gomes et al., "Adaptive random forests for evolving data stream
 * classification", Machine Learning 2017), as MOA's {@code AdaptiveRandomForest}: Hoeffding
 * trees whose leaves may each split on a random subset of the features (default
 * {@code round(sqrt(d)) + 1}), every tree learning each example with a weight drawn from
 * Poisson(lambda), lambda 6. After a tree learned an example, its 0/1 error on it feeds a warning
 * detector (ADWIN, delta 0.01) and a drift detector (ADWIN, delta 0.001): a warning starts a
 * background tree, which learns every later example with the example's own weight; a drift
 * replaces the tree by its background tree (or by a fresh tree when there is none). The vote
 * weighs each tree's normalized class probabilities by its accuracy since it started (each tree
 * is scored before it learns). Trees default to MOA's ARF settings: grace period 50, split
 * confidence 0.01, tie threshold 0.05, naive Bayes adaptive leaves; 100 trees.
 *
 * <p>Each tree draws its leaves' features from a seed of its own, derived from the forest's seed
 * and the tree's serial number, so the same seed gives the same forest. Not thread-safe.
 */
public final class AdaptiveRandomForest extends DenseInputClassifier {

  /** One tree with its detectors, background tree and running accuracy. */
  static final class Member {
    HoeffdingTree tree;
    Adwin warning;
    Adwin drift;
    HoeffdingTree background;
    double scored;
    double correct;

    Member copy() {
      Member copy = new Member();
      copy.tree = tree.copy();
      copy.warning = warning == null ? null : warning.copy();
      copy.drift = drift == null ? null : drift.copy();
      copy.background = background == null ? null : background.copy();
      copy.scored = scored;
      copy.correct = correct;
      return copy;
    }
  }

  final HoeffdingTree prototype;
  final int featureSubset;
  final double lambda;
  final double warningDelta;
  final double driftDelta;
  final boolean weightedVote;
  final long seed;
  final Member[] members;
  final SplitMix64 random;
  long samplesSeen;
  /** Trees made so far: the serial number that seeds the next tree's feature draws. */
  long treesMade;
  long drifts;
  long warnings;
  private final double[] memberProba;
  private final double[] votes;

  private AdaptiveRandomForest(Builder b) {
    super(b.dimension);
    SizeLimits.within("ensemble size", b.size, 1, SizeLimits.MAX_MEMBERS);
    if (!(b.lambda > 0 && b.lambda <= 100)) {
      throw new IllegalArgumentException("lambda must be in (0, 100], got " + b.lambda);
    }
    OnlineEnsemble.requireDelta("warningDelta", b.warningDelta);
    OnlineEnsemble.requireDelta("driftDelta", b.driftDelta);
    HoeffdingTree tree = b.tree != null ? b.tree
        : HoeffdingTree.builder(b.dimension, b.numClasses).gracePeriod(50).delta(0.01).build();
    if (tree.dimension() != b.dimension || tree.numClasses() != b.numClasses) {
      throw new IllegalArgumentException("the tree settings are for " + tree.dimension()
          + " features and " + tree.numClasses() + " classes, not " + b.dimension + " and "
          + b.numClasses);
    }
    int subset = b.featureSubset > 0 ? b.featureSubset
        : Math.min(b.dimension, (int) Math.round(Math.sqrt(b.dimension)) + 1);
    if (subset > b.dimension) {
      throw new IllegalArgumentException("featureSubset must be in [1, " + b.dimension
          + "], got " + subset);
    }
    this.prototype = tree.toBuilder().featureSubset(0).build();
    this.featureSubset = subset;
    this.lambda = b.lambda;
    this.warningDelta = b.warningDelta;
    this.driftDelta = b.driftDelta;
    this.weightedVote = b.weightedVote;
    this.seed = b.seed;
    this.random = new SplitMix64(seed);
    this.members = new Member[b.size];
    this.memberProba = new double[b.numClasses];
    this.votes = new double[b.numClasses];
    reset();
  }

  /** A builder for rows of {@code dimension} features and {@code numClasses} classes. */
  public static Builder builder(int dimension, int numClasses) {
    return new Builder(dimension, numClasses);
  }

  /** A fresh tree with its own feature draws. */
  HoeffdingTree newTree() {
    long treeSeed = seed * 0x9E3779B97F4A7C15L + treesMade++;
    return prototype.toBuilder().featureSubset(featureSubset).seed(treeSeed).build();
  }

  private Member newMember() {
    Member m = new Member();
    m.tree = newTree();
    m.warning = warningDelta > 0 ? new Adwin(warningDelta) : null;
    m.drift = driftDelta > 0 ? new Adwin(driftDelta) : null;
    return m;
  }

  /** The trees' policy: missing values are taken (trees route them to their heaviest branch). */
  @Override
  public boolean acceptsMissingValues() {
    return prototype.acceptsMissingValues();
  }

  /** Checks the row as the trees would (values, nominal codes, NaN as missing). */
  @Override
  public void requireRow(double[] x) {
    prototype.requireRow(x);
  }

  @Override
  public void requireLearnableWeight(double weight) {
    InputChecks.requireWeight(weight);
    requireTreesTake(weight);
  }

  private void requireTreesTake(double weight) {
    if (weight > 0) {
      prototype.requireLearnableWeight(weight * OnlineEnsemble.MAX_COUNT);
    }
  }

  @Override
  protected void learnChecked(double[] x, int label, double weight) {
    requireTreesTake(weight);
    samplesSeen++;
    if (weight == 0) {
      return;
    }
    for (Member m : members) {
      m.scored += weight; // scored before it learns, as MOA's evaluator does
      if (predictMember(m.tree, x) == label) {
        m.correct += weight;
      }
      int k = Math.min(random.nextPoisson(lambda), OnlineEnsemble.MAX_COUNT);
      if (k > 0) {
        boolean right = learnAndPredictMember(m.tree, x, label, weight * k, false) == label;
        if (m.background != null) {
          learnMember(m.background, x, label, weight);
        }
        watch(m, right);
      }
    }
  }

  /** Feeds a tree's 0/1 error after learning to its detectors and acts on what they say. */
  private void watch(Member m, boolean right) {
    if (m.drift == null) {
      return;
    }
    if (m.warning != null && m.warning.update(right ? 0 : 1) == DriftDetector.State.DRIFT) {
      m.background = newTree();
      m.warning = new Adwin(warningDelta);
      warnings++;
    }
    if (m.drift.update(right ? 0 : 1) == DriftDetector.State.DRIFT) {
      drifts++;
      if (m.background != null) {
        m.tree = m.background;
        m.background = null;
        m.warning = warningDelta > 0 ? new Adwin(warningDelta) : null;
      } else {
        m.tree = newTree();
      }
      m.drift = new Adwin(driftDelta);
      m.scored = 0;
      m.correct = 0;
    }
  }

  @Override
  protected int predictChecked(double[] x) {
    return argMax(vote(x));
  }

  @Override
  protected double[] predictProbaChecked(double[] x, double[] out) {
    System.arraycopy(vote(x), 0, out, 0, out.length);
    return out;
  }

  /** Each tree's normalized probabilities, times its accuracy when weighted, summed. */
  private double[] vote(double[] x) {
    Arrays.fill(votes, 0);
    for (Member m : members) {
      predictProbaMember(m.tree, x, memberProba);
      double accuracy = m.scored > 0 ? m.correct / m.scored : 0;
      OnlineEnsemble.addNormalized(memberProba, weightedVote && accuracy > 0 ? accuracy : 1,
          votes);
    }
    return normalize(votes);
  }

  /** Number of trees. */
  public int size() {
    return members.length;
  }

  /** Tree {@code m} in use; read it, do not train it. */
  public HoeffdingTree tree(int m) {
    return members[Objects.checkIndex(m, members.length)].tree;
  }

  /** Whether tree {@code m} has a background tree growing. */
  public boolean hasBackground(int m) {
    return members[Objects.checkIndex(m, members.length)].background != null;
  }

  /** Tree {@code m}'s accuracy since it started (0 before it was scored). */
  public double accuracy(int m) {
    Member member = members[Objects.checkIndex(m, members.length)];
    return member.scored > 0 ? member.correct / member.scored : 0;
  }

  /** Features each leaf may split on. */
  public int featureSubset() {
    return featureSubset;
  }

  /** Drifts detected so far (each replaced a tree). */
  public long drifts() {
    return drifts;
  }

  /** Warnings detected so far (each started a background tree). */
  public long warnings() {
    return warnings;
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
    random.setState(new SplitMix64(seed).state());
    treesMade = 0;
    for (int m = 0; m < members.length; m++) {
      members[m] = newMember();
    }
    samplesSeen = 0;
    drifts = 0;
    warnings = 0;
  }

  @Override
  public AdaptiveRandomForest copy() {
    AdaptiveRandomForest copy = toBuilder().build();
    for (int m = 0; m < members.length; m++) {
      copy.members[m] = members[m].copy();
    }
    copy.random.setState(random.state());
    copy.samplesSeen = samplesSeen;
    copy.treesMade = treesMade;
    copy.drifts = drifts;
    copy.warnings = warnings;
    return copy;
  }

  /** A builder preset with this forest's settings. */
  public Builder toBuilder() {
    return builder(dimension(), numClasses()).tree(prototype).size(members.length)
        .featureSubset(featureSubset).lambda(lambda).warningDelta(warningDelta)
        .driftDelta(driftDelta).weightedVote(weightedVote).seed(seed);
  }

  @Override
  public String toString() {
    return "AdaptiveRandomForest{dimension=" + dimension() + ", numClasses=" + numClasses()
        + ", size=" + members.length + ", featureSubset=" + featureSubset + ", lambda=" + lambda
        + ", warningDelta=" + warningDelta + ", driftDelta=" + driftDelta + ", weightedVote="
        + weightedVote + ", seed=" + seed + ", samplesSeen=" + samplesSeen + ", tree="
        + prototype + "}";
  }

  /** Settings of an {@link AdaptiveRandomForest}; defaults are MOA's ARF's. */
  public static final class Builder {
    private final int dimension;
    private final int numClasses;
    private HoeffdingTree tree;
    private int size = 100;
    private int featureSubset;
    private double lambda = 6;
    private double warningDelta = 0.01;
    private double driftDelta = 0.001;
    private boolean weightedVote = true;
    private long seed = 1;

    private Builder(int dimension, int numClasses) {
      this.dimension = SizeLimits.dimension(dimension);
      this.numClasses = SizeLimits.classes(numClasses);
    }

    /**
     * The trees' settings (their feature subset and seed are the forest's); default: grace
     * period 50, split confidence 0.01, the rest the tree's defaults.
     */
    public Builder tree(HoeffdingTree tree) {
      this.tree = Objects.requireNonNull(tree, "tree");
      return this;
    }

    /** Number of trees; default 100. */
    public Builder size(int size) {
      this.size = size;
      return this;
    }

    /** Features each leaf may split on; 0 (default) means {@code round(sqrt(d)) + 1}. */
    public Builder featureSubset(int featureSubset) {
      if (featureSubset < 0) {
        throw new IllegalArgumentException("featureSubset must be >= 0, got " + featureSubset);
      }
      this.featureSubset = featureSubset;
      return this;
    }

    /** The Poisson mean of the trees' weights, in (0, 100]; default 6. */
    public Builder lambda(double lambda) {
      this.lambda = lambda;
      return this;
    }

    /** ADWIN confidence of the warning detectors (0: no background trees); default 0.01. */
    public Builder warningDelta(double warningDelta) {
      this.warningDelta = warningDelta;
      return this;
    }

    /** ADWIN confidence of the drift detectors (0: no detection); default 0.001. */
    public Builder driftDelta(double driftDelta) {
      this.driftDelta = driftDelta;
      return this;
    }

    /** Whether votes are weighed by each tree's accuracy; default true. */
    public Builder weightedVote(boolean weightedVote) {
      this.weightedVote = weightedVote;
      return this;
    }

    /** The seed of the Poisson draws and of the trees' feature draws; default 1. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** A new, untrained forest; fails fast on a bad setting. */
    public AdaptiveRandomForest build() {
      return new AdaptiveRandomForest(this);
    }
  }
}
