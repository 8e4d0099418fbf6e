package org.brookml.tree;

import static org.brookml.learner.Probabilities.argMax;
import static org.brookml.learner.Probabilities.normalize;
import static org.brookml.learner.Probabilities.normalizeLogs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.brookml.internal.learner.DenseInputClassifier;
import org.brookml.internal.random.SplitMix64;
import org.brookml.internal.stats.ClassGaussians;
import org.brookml.learner.SizeLimits;

/**
 * A Hoeffding tree (VFDT; Domingos and Hulten, "Mining High-Speed Data Streams", KDD 2000) over
 * numeric features, as MOA's {@code HoeffdingTree} and River's {@code HoeffdingTreeClassifier}
 * build it.
 *
 * <ul>
 *   <li>Each leaf keeps its class weights and, per class and feature, a weighted normal estimate
 *       with the smallest and largest value seen.
 *   <li>Every {@code gracePeriod} units of weight a leaf that has seen more than one class scores
 *       {@code splitPoints} thresholds per feature, evenly spaced inside the feature's observed
 *       range, by information gain or Gini gain, the class weights on each side estimated from the
 *       normal CDFs. With {@code eps = sqrt(R^2 ln(1/delta) / (2n))} ({@code R} the criterion's
 *       range, {@code n} the leaf's weight) it splits on the best threshold when that beats the
 *       runner-up (another feature's best; with {@code prePrune}, also not splitting) by more
 *       than {@code eps}, or when {@code eps < tieThreshold}. The new leaves start from the
 *       estimated class weights of their side.
 *   <li>Leaves predict by majority class, naive Bayes, or naive Bayes adaptive (the default: each
 *       leaf counts how often each of the two would have been right and uses the better one).
 *   <li>Memory is bounded: the tree stops splitting when its leaves would exceed
 *       {@code maxMemoryBytes} of statistics or its depth {@code maxDepth}.
 * </ul>
 *
 * <p><b>The defaults are MOA's and River's</b> (grace period 200, {@code delta = 1e-7}, tie
 * threshold 0.05, information gain, naive Bayes adaptive leaves), and so is their behaviour on many
 * classes: with information gain {@code R = log2(numClasses)} grows with the classes, and a leaf
 * needs {@code R^2 ln(1/delta) / (2 tieThreshold^2)} examples before even a tie can split it, about
 * 21,000 for 6 classes and 71,000 for 26, while real gains lie far below {@code eps}. On smaller
 * many-class streams such a tree never splits and answers as naive Bayes, correctly for VFDT.
 * The setting to change is the criterion: {@link SplitCriterion#GINI} has {@code R = 1} whatever
 * the number of classes (3,200 examples to a tie); a larger {@code delta} (1e-3: 57% fewer) or
 * tie threshold also splits sooner, at the price of splits the bound no longer guarantees.
 *
 * <p>Learning allocates nothing except when a leaf splits. A weight {@code w} counts as {@code w}
 * copies of the example, which is how ensembles give an example Poisson weight. {@link #stump} is a
 * decision stump: the same tree limited to one split.
 */
public final class HoeffdingTree extends DenseInputClassifier {

  /** How a split candidate is scored. */
  public enum SplitCriterion {
    /** Information gain in bits, range {@code log2(numClasses)}; MOA's default. */
    INFO_GAIN,
    /** Reduction of Gini impurity, range 1. */
    GINI
  }

  /** How a leaf answers. */
  public enum LeafPrediction {
    /** The leaf's class weights, normalized. */
    MAJORITY_CLASS,
    /** Naive Bayes over the leaf's normal estimates, with the leaf's class weights as the prior. */
    NAIVE_BAYES,
    /** Whichever of the two has been right more often at this leaf (MOA's and River's default). */
    NAIVE_BAYES_ADAPTIVE
  }

  final int dimension;
  final int numClasses;
  final int gracePeriod;
  final double delta;
  final double tieThreshold;
  final SplitCriterion criterion;
  final LeafPrediction leafPrediction;
  final double nbThreshold;
  final int splitPoints;
  final int maxDepth;
  final long maxMemoryBytes;
  final double minBranchFraction;
  final boolean prePrune;
  final double varianceSmoothing;
  final int featureSubset;
  final long seed;
  /** Draws each leaf's features when {@code featureSubset > 0}. */
  final SplitMix64 random;
  private final int[] featureOrder;
  private final int maxLeaves;

  Node root;
  int leafCount;
  long samplesSeen;

  private final SplitSearch search;
  private final double[] bestLeft;
  private final double[] bestRight;
  private final double[] scratch;
  // What the last prediction found, for a learnAndPredictChecked of the same x right after it:
  // the leaf, how the walk reached it, and (if it used naive Bayes) each class's log likelihood.
  private Leaf votedLeaf; // null when nothing is kept
  private Split votedParent;
  private boolean votedLeftChild;
  private boolean votedLikelihoods;
  private final double[] likelihoods; // per class, sum_j log p(x_j | c) at one leaf
  private Split parentOfLeaf;
  private boolean leafIsLeftChild;

  private HoeffdingTree(Builder b) {
    super(b.dimension);
    dimension = b.dimension;
    numClasses = b.numClasses;
    gracePeriod = b.gracePeriod;
    delta = b.delta;
    tieThreshold = b.tieThreshold;
    criterion = b.criterion;
    leafPrediction = b.leafPrediction;
    nbThreshold = b.nbThreshold;
    splitPoints = b.splitPoints;
    maxDepth = b.maxDepth;
    maxMemoryBytes = b.maxMemoryBytes;
    minBranchFraction = b.minBranchFraction;
    prePrune = b.prePrune;
    varianceSmoothing = b.varianceSmoothing;
    featureSubset = b.featureSubset;
    seed = b.seed;
    random = new SplitMix64(seed);
    featureOrder = new int[dimension];
    maxLeaves = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxMemoryBytes / leafBytes()));
    search = new SplitSearch(dimension, numClasses, splitPoints,
        criterion == SplitCriterion.GINI, minBranchFraction);
    bestLeft = new double[numClasses];
    bestRight = new double[numClasses];
    scratch = new double[numClasses];
    likelihoods = new double[numClasses];
    reset();
  }

  /** A builder for {@code numClasses} classes of {@code dimension} numeric features. */
  public static Builder builder(int dimension, int numClasses) {
    return new Builder(dimension, numClasses);
  }

  /** A decision stump: a Hoeffding tree with default settings that splits at most once. */
  public static HoeffdingTree stump(int dimension, int numClasses) {
    return builder(dimension, numClasses).maxDepth(1).build();
  }

  /** Approximate bytes of one leaf's statistics; {@code maxMemoryBytes} divided by it caps leaves. */
  long leafBytes() {
    return 8L * (5L * numClasses * dimension + numClasses) + 160;
  }

  Leaf newLeaf(int depth) {
    Leaf leaf = new Leaf(depth, numClasses, dimension, varianceSmoothing);
    if (featureSubset > 0) {
      leaf.allowed = drawFeatures();
    }
    return leaf;
  }

  /** {@code featureSubset} distinct features drawn uniformly. */
  private boolean[] drawFeatures() {
    for (int j = 0; j < dimension; j++) {
      featureOrder[j] = j;
    }
    random.sampleInPlace(featureOrder, dimension, featureSubset);
    boolean[] allowed = new boolean[dimension];
    for (int k = 0; k < featureSubset; k++) {
      allowed[featureOrder[k]] = true;
    }
    return allowed;
  }


  @Override
  protected void learnChecked(double[] x, int label, double weight) {
    votedLeaf = null;
    learnExample(x, label, weight);
  }

  private void learnExample(double[] x, int label, double weight) {
    samplesSeen++;
    if (weight == 0) {
      return;
    }
    Leaf leaf = findLeaf(x);
    if (leafPrediction == LeafPrediction.NAIVE_BAYES_ADAPTIVE) {
      if (argMax(leaf.classWeights) == label) {
        leaf.majorityCorrect += weight;
      }
      if (argMax(naiveBayesLogs(leaf, x, scratch)) == label) {
        leaf.naiveBayesCorrect += weight;
      }
    }
    addToLeaf(leaf, x, label, weight);
  }

  /**
   * Learns, then predicts the same example, as {@code learnChecked} and then
   * {@code predictChecked} would, with naive Bayes adaptive leaves doing less work: one walk down
   * the tree (none right after a vote on {@code x}: the leaf and the likelihoods the vote found are
   * still those of {@code x}), and only the learned class's likelihood computed again after
   * learning (the other classes' statistics did not change). The same answer and the same model,
   * bit for bit.
   */
  @Override
  protected int learnAndPredictChecked(double[] x, int label, double weight, boolean afterVote) {
    boolean reuse = afterVote && votedLeaf != null;
    Leaf leaf = reuse ? votedLeaf : null;
    votedLeaf = null;
    if (weight == 0 || leafPrediction != LeafPrediction.NAIVE_BAYES_ADAPTIVE) {
      return super.learnAndPredictChecked(x, label, weight, false);
    }
    samplesSeen++;
    if (reuse) {
      parentOfLeaf = votedParent;
      leafIsLeftChild = votedLeftChild;
    } else {
      leaf = findLeaf(x);
    }
    if (argMax(leaf.classWeights) == label) {
      leaf.majorityCorrect += weight;
    }
    double[] before = reuse && votedLikelihoods
        ? withLogPrior(leaf, scratch) : naiveBayesLogs(leaf, x, scratch);
    if (argMax(before) == label) {
      leaf.naiveBayesCorrect += weight;
    }
    int leavesBefore = leafCount;
    addToLeaf(leaf, x, label, weight);
    if (leafCount != leavesBefore) {
      return predictChecked(x); // the leaf split: x now falls in a new one
    }
    if (!usesNaiveBayes(leaf)) {
      return argMax(leaf.classWeights);
    }
    likelihoods[label] = leaf.stats.logLikelihood(label, x);
    return argMax(withLogPrior(leaf, scratch));
  }

  /** Adds the example to the leaf's statistics, then splits the leaf if the bound allows. */
  private void addToLeaf(Leaf leaf, double[] x, int label, double weight) {
    leaf.addClassWeight(label, weight);
    leaf.stats.add(label, x, weight);
    double seen = leaf.totalWeight();
    if (seen - leaf.weightAtLastEvaluation >= gracePeriod) {
      if (leaf.depth < maxDepth && leafCount < maxLeaves) {
        attemptSplit(leaf, seen);
      }
      leaf.weightAtLastEvaluation = seen;
    }
  }

  @Override
  protected int predictChecked(double[] x) {
    return argMax(leafScores(findLeaf(x), x, scratch));
  }

  @Override
  protected double[] predictProbaChecked(double[] x, double[] out) {
    predictProbaAndClassChecked(x, out);
    return out;
  }

  @Override
  protected int predictProbaAndClassChecked(double[] x, double[] out) {
    int predicted = argMax(leafScores(findLeaf(x), x, out));
    if (votedLikelihoods) {
      normalizeLogs(out);
    } else {
      normalize(out);
    }
    return predicted;
  }

  /**
   * The leaf's answer as scores whose argmax is its prediction; keeps the leaf and the likelihoods
   * for a {@link #learnAndPredictChecked} right after.
   */
  private double[] leafScores(Leaf leaf, double[] x, double[] out) {
    votedLeaf = leaf;
    votedParent = parentOfLeaf;
    votedLeftChild = leafIsLeftChild;
    votedLikelihoods = usesNaiveBayes(leaf);
    if (votedLikelihoods) {
      return naiveBayesLogs(leaf, x, out);
    }
    System.arraycopy(leaf.classWeights, 0, out, 0, numClasses);
    return out;
  }

  private boolean usesNaiveBayes(Leaf leaf) {
    switch (leafPrediction) {
      case MAJORITY_CLASS:
        return false;
      case NAIVE_BAYES:
        return leaf.totalWeight() >= nbThreshold;
      default:
        return leaf.totalWeight() >= nbThreshold && leaf.majorityCorrect <= leaf.naiveBayesCorrect;
    }
  }

  /**
   * {@code log P(c) + sum_j log p(x_j | c)} at the leaf into {@code out}, returned; the class
   * likelihoods stay in {@code likelihoods}.
   */
  private double[] naiveBayesLogs(Leaf leaf, double[] x, double[] out) {
    for (int c = 0; c < numClasses; c++) {
      likelihoods[c] = leaf.stats.logLikelihood(c, x);
    }
    return withLogPrior(leaf, out);
  }

  /** {@code log P(c) + likelihoods[c]} at the leaf into {@code out}, returned. */
  private double[] withLogPrior(Leaf leaf, double[] out) {
    double[] logPrior = leaf.logPrior();
    for (int c = 0; c < numClasses; c++) {
      out[c] = logPrior[c] + likelihoods[c];
    }
    return out;
  }

  private Leaf findLeaf(double[] x) {
    Node node = root;
    parentOfLeaf = null;
    while (node instanceof Split) {
      Split split = (Split) node;
      parentOfLeaf = split;
      leafIsLeftChild = x[split.attribute] <= split.threshold;
      node = leafIsLeftChild ? split.left : split.right;
    }
    return (Leaf) node;
  }

  private void attemptSplit(Leaf leaf, double seen) {
    if (leaf.classesSeen() < 2) {
      return;
    }
    // Pre-pruning (MOA): not splitting competes with merit 0. Without it (River's default) the
    // best feature only has to beat the runner-up feature.
    search.run(leaf.stats, SplitMerit.impurity(criterion, leaf.classWeights),
        prePrune ? 0 : Double.NEGATIVE_INFINITY, leaf.allowed);
    double range = SplitMerit.range(criterion, numClasses);
    double epsilon = Math.sqrt(range * range * Math.log(1 / delta) / (2 * seen));
    if (search.bestAttribute >= 0
        && (search.best - search.secondBest > epsilon || epsilon < tieThreshold)) {
      split(leaf, search.bestAttribute, search.bestThreshold);
    }
  }

  private void split(Leaf leaf, int attribute, double threshold) {
    search.sideWeights(leaf.stats, attribute, threshold, bestLeft, bestRight);
    Leaf low = newLeaf(leaf.depth + 1);
    Leaf high = newLeaf(leaf.depth + 1);
    low.startFrom(bestLeft);
    high.startFrom(bestRight);
    Split split = new Split(leaf.depth, attribute, threshold, low, high);
    if (parentOfLeaf == null) {
      root = split;
    } else if (leafIsLeftChild) {
      parentOfLeaf.left = split;
    } else {
      parentOfLeaf.right = split;
    }
    leafCount++;
  }

  /** Number of leaves. */
  public int leafCount() {
    return leafCount;
  }

  /** Largest number of leaves the memory budget allows. */
  public int maxLeaves() {
    return maxLeaves;
  }

  /** Depth of the deepest leaf (0 while the tree is a single leaf). */
  public int depth() {
    int deepest = 0;
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (node instanceof Split) {
        pending.push(((Split) node).left);
        pending.push(((Split) node).right);
      } else {
        deepest = Math.max(deepest, node.depth);
      }
    }
    return deepest;
  }

  @Override
  public int numClasses() {
    return numClasses;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public long samplesSeen() {
    return samplesSeen;
  }

  @Override
  public HoeffdingTree copy() {
    HoeffdingTree copy = toBuilder().build();
    copy.root = copyOf(root);
    copy.leafCount = leafCount;
    copy.samplesSeen = samplesSeen;
    copy.random.setState(random.state());
    return copy;
  }

  /** A builder holding this tree's settings. */
  public Builder toBuilder() {
    return builder(dimension, numClasses).gracePeriod(gracePeriod).delta(delta)
        .tieThreshold(tieThreshold).splitCriterion(criterion).leafPrediction(leafPrediction)
        .naiveBayesThreshold(nbThreshold).splitPoints(splitPoints).maxDepth(maxDepth)
        .maxMemoryBytes(maxMemoryBytes).minBranchFraction(minBranchFraction).prePrune(prePrune)
        .varianceSmoothing(varianceSmoothing).featureSubset(featureSubset).seed(seed);
  }

  @Override
  public void reset() {
    votedLeaf = null;
    random.setState(new SplitMix64(seed).state());
    root = newLeaf(0);
    leafCount = 1;
    samplesSeen = 0;
  }

  @Override
  public String toString() {
    return "HoeffdingTree{dimension=" + dimension + ", numClasses=" + numClasses
        + ", gracePeriod=" + gracePeriod + ", delta=" + delta + ", tieThreshold=" + tieThreshold
        + ", criterion=" + criterion + ", leafPrediction=" + leafPrediction
        + ", splitPoints=" + splitPoints + ", varianceSmoothing=" + varianceSmoothing
        + ", prePrune=" + prePrune + ", maxDepth=" + maxDepth
        + (featureSubset > 0 ? ", featureSubset=" + featureSubset + ", seed=" + seed : "")
        + ", maxLeaves=" + maxLeaves + ", leaves=" + leafCount + ", samplesSeen=" + samplesSeen
        + "}";
  }

  /**
   * A deep copy of the subtree at {@code root}. Without recursion: a tree may legally be
   * thousands of levels deep ({@code maxDepth}), more than the call stack holds.
   */
  static Node copyOf(Node root) {
    Deque<Split[]> pending = new ArrayDeque<>();
    Node top = shallowCopy(root, pending);
    while (!pending.isEmpty()) {
      Split[] sourceAndCopy = pending.pop();
      sourceAndCopy[1].left = shallowCopy(sourceAndCopy[0].left, pending);
      sourceAndCopy[1].right = shallowCopy(sourceAndCopy[0].right, pending);
    }
    return top;
  }

  /** A leaf's copy, or a split's copy whose children {@link #copyOf} fills in later. */
  private static Node shallowCopy(Node node, Deque<Split[]> pending) {
    if (node instanceof Leaf) {
      return new Leaf((Leaf) node);
    }
    Split split = (Split) node;
    Split copy = new Split(split.depth, split.attribute, split.threshold, null, null);
    pending.push(new Split[] {split, copy});
    return copy;
  }

  /** A tree node. */
  abstract static class Node {
    final int depth;

    Node(int depth) {
      this.depth = depth;
    }
  }

  /** An inner node: {@code x[attribute] <= threshold} goes left. */
  static final class Split extends Node {
    final int attribute;
    final double threshold;
    Node left;
    Node right;

    Split(int depth, int attribute, double threshold, Node left, Node right) {
      super(depth);
      this.attribute = attribute;
      this.threshold = threshold;
      this.left = left;
      this.right = right;
    }
  }

  /** A leaf with the statistics it learns from. */
  static final class Leaf extends Node {
    final double[] classWeights;
    final ClassGaussians stats;
    double weightAtLastEvaluation;
    double majorityCorrect;
    double naiveBayesCorrect;
    /** The features this leaf may split on, or null: all. Drawn once, never changed. */
    boolean[] allowed;
    private final double[] logPrior;
    private boolean logPriorStale = true;

    Leaf(int depth, int numClasses, int dimension, double varianceSmoothing) {
      super(depth);
      classWeights = new double[numClasses];
      stats = new ClassGaussians(numClasses, dimension, varianceSmoothing, false);
      logPrior = new double[numClasses];
    }

    Leaf(Leaf other) {
      super(other.depth);
      classWeights = other.classWeights.clone();
      stats = other.stats.copy();
      weightAtLastEvaluation = other.weightAtLastEvaluation;
      majorityCorrect = other.majorityCorrect;
      naiveBayesCorrect = other.naiveBayesCorrect;
      allowed = other.allowed; // never changed after it is drawn: shared
      logPrior = new double[classWeights.length];
    }

    void startFrom(double[] initialClassWeights) {
      System.arraycopy(initialClassWeights, 0, classWeights, 0, classWeights.length);
      logPriorStale = true;
      weightAtLastEvaluation = totalWeight();
    }

    double totalWeight() {
      double total = 0;
      for (double w : classWeights) {
        total += w;
      }
      return total;
    }

    void addClassWeight(int label, double weight) {
      classWeights[label] += weight;
      logPriorStale = true;
    }

    /**
     * {@code log(classWeights[c] / total)} for every class (0 while empty), recomputed only after
     * the class weights changed.
     */
    double[] logPrior() {
      if (logPriorStale) {
        double total = totalWeight();
        for (int c = 0; c < classWeights.length; c++) {
          logPrior[c] = total > 0 ? Math.log(classWeights[c] / total) : 0;
        }
        logPriorStale = false;
      }
      return logPrior;
    }

    int classesSeen() {
      int seen = 0;
      for (double w : classWeights) {
        if (w > 0) {
          seen++;
        }
      }
      return seen;
    }
  }

  /** Settings of a {@link HoeffdingTree}; defaults are MOA's and River's. */
  public static final class Builder {
    private final int dimension;
    private final int numClasses;
    private int gracePeriod = 200;
    private double delta = 1e-7;
    private double tieThreshold = 0.05;
    private SplitCriterion criterion = SplitCriterion.INFO_GAIN;
    private LeafPrediction leafPrediction = LeafPrediction.NAIVE_BAYES_ADAPTIVE;
    private double nbThreshold = 0;
    private int splitPoints = 10;
    private int maxDepth = 1_000;
    private long maxMemoryBytes = 32L << 20;
    private double minBranchFraction = 0.01;
    private boolean prePrune;
    private double varianceSmoothing;
    private int featureSubset;
    private long seed = 1;

    private Builder(int dimension, int numClasses) {
      SizeLimits.dimension(dimension);
      SizeLimits.classes(numClasses);
      SizeLimits.cells("numClasses x dimension", numClasses, dimension);
      this.dimension = dimension;
      this.numClasses = numClasses;
    }

    /** Weight a leaf must see between split attempts; default 200. */
    public Builder gracePeriod(int gracePeriod) {
      if (gracePeriod < 1) {
        throw new IllegalArgumentException("gracePeriod must be >= 1, got " + gracePeriod);
      }
      this.gracePeriod = gracePeriod;
      return this;
    }

    /** Allowed probability of choosing the wrong split, in (0, 1); default 1e-7. */
    public Builder delta(double delta) {
      if (!(delta > 0 && delta < 1)) {
        throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
      }
      this.delta = delta;
      return this;
    }

    /** Hoeffding bound below which a near-tie is broken by splitting; default 0.05. */
    public Builder tieThreshold(double tieThreshold) {
      if (!(tieThreshold >= 0 && tieThreshold < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("tieThreshold must be finite and >= 0, got "
            + tieThreshold);
      }
      this.tieThreshold = tieThreshold;
      return this;
    }

    /** Split criterion; default information gain. */
    public Builder splitCriterion(SplitCriterion criterion) {
      this.criterion = Objects.requireNonNull(criterion, "criterion");
      return this;
    }

    /** Leaf prediction; default naive Bayes adaptive. */
    public Builder leafPrediction(LeafPrediction leafPrediction) {
      this.leafPrediction = Objects.requireNonNull(leafPrediction, "leafPrediction");
      return this;
    }

    /** Weight a leaf must have seen before naive Bayes may answer for it; default 0. */
    public Builder naiveBayesThreshold(double nbThreshold) {
      if (!(nbThreshold >= 0 && nbThreshold < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("naiveBayesThreshold must be finite and >= 0, got "
            + nbThreshold);
      }
      this.nbThreshold = nbThreshold;
      return this;
    }

    /** Thresholds scored per feature at each split attempt; default 10. */
    public Builder splitPoints(int splitPoints) {
      if (splitPoints < 1 || splitPoints > 10_000) {
        throw new IllegalArgumentException("splitPoints must be in [1, 10000], got "
            + splitPoints);
      }
      this.splitPoints = splitPoints;
      return this;
    }

    /** Deepest a leaf may be (the root is depth 0); default 1,000, at most 10,000. */
    public Builder maxDepth(int maxDepth) {
      if (maxDepth < 0 || maxDepth > 10_000) {
        throw new IllegalArgumentException("maxDepth must be in [0, 10000], got " + maxDepth);
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /** Budget for leaf statistics; the tree stops splitting at it. Default 32 MiB. */
    public Builder maxMemoryBytes(long maxMemoryBytes) {
      if (maxMemoryBytes < 1) {
        throw new IllegalArgumentException("maxMemoryBytes must be >= 1, got " + maxMemoryBytes);
      }
      this.maxMemoryBytes = maxMemoryBytes;
      return this;
    }

    /**
     * Information gain only: a split scores {@code -inf} unless at least two sides hold this share
     * of the weight; default 0.01 (as in MOA).
     */
    public Builder minBranchFraction(double minBranchFraction) {
      if (!(minBranchFraction >= 0 && minBranchFraction < 0.5)) {
        throw new IllegalArgumentException("minBranchFraction must be in [0, 0.5), got "
            + minBranchFraction);
      }
      this.minBranchFraction = minBranchFraction;
      return this;
    }

    /**
     * Whether not splitting competes as a candidate of merit 0, so that a leaf splits only when its
     * best split is clearly better than none (MOA's behaviour). Default false, River's behaviour:
     * the best feature only has to beat the runner-up feature by the Hoeffding bound.
     */
    public Builder prePrune(boolean prePrune) {
      this.prePrune = prePrune;
      return this;
    }

    /**
     * For naive-Bayes leaves, the fraction of a class's largest variance (in the leaf) added to
     * each of its variances, in [0, 1], as scikit-learn's {@code var_smoothing} but per class (an
     * example refreshes only its class's terms). Default 0: a feature of zero variance is a point
     * mass (as in MOA) and every density is floored at 1e-9. Leaves hold few examples, and there
     * the floor wins: prequential accuracy on Elec2 / shuttle of a tree 0.8011 / 0.9728 with 0,
     * 0.7974 / 0.9652 with 1e-9, 0.7810 / 0.9687 with 1e-4, 0.7741 / 0.9080 with 1e-2 (AdaBoost
     * over ten trees: 0.8801 / 0.9962 with 0, 0.8773 / 0.9826 with 1e-9). {@link
     * org.brookml.bayes.GaussianNaiveBayes}, whose statistics cover the whole stream, smooths by
     * default instead.
     */
    public Builder varianceSmoothing(double varianceSmoothing) {
      this.varianceSmoothing = ClassGaussians.requireSmoothing(varianceSmoothing);
      return this;
    }

    /**
     * Each leaf may split only on this many features, drawn at random when the leaf is made (the
     * random subspaces of an adaptive random forest's trees); 0, the default, allows all. Leaves
     * still keep every feature's estimates, and naive Bayes leaves use them all.
     */
    public Builder featureSubset(int featureSubset) {
      if (featureSubset < 0 || featureSubset > dimension) {
        throw new IllegalArgumentException("featureSubset must be in [0, " + dimension
            + "] (0: all features), got " + featureSubset);
      }
      this.featureSubset = featureSubset;
      return this;
    }

    /** The seed of the leaves' feature draws (with {@link #featureSubset}); default 1. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** A new, untrained tree. */
    public HoeffdingTree build() {
      return new HoeffdingTree(this);
    }
  }
}
