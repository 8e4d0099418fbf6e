package org.brookml.tree;

import static org.brookml.learner.Probabilities.argMax;
import static org.brookml.learner.Probabilities.normalize;
import static org.brookml.learner.Probabilities.normalizeLogs;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import org.brookml.drift.Adwin;
import org.brookml.internal.learner.DenseInputClassifier;
import org.brookml.internal.random.SplitMix64;
import org.brookml.internal.stats.ClassGaussians;
import org.brookml.learner.FeatureSchema;
import org.brookml.learner.InputChecks;
import org.brookml.learner.SizeLimits;

/**
 * A Hoeffding tree (VFDT; Domingos and Hulten, "Mining High-Speed Data Streams", KDD 2000) over
 * numeric and nominal features with missing values, as MOA's {@code HoeffdingTree} and River's
 * {@code HoeffdingTreeClassifier} build it.
 *
 * <ul>
 *   <li>Each leaf keeps its class weights and, per class and feature, a weighted normal estimate
 *       with the smallest and largest value seen.
 *   <li>Every {@code gracePeriod} units of weight a leaf that has seen more than one class scores
 *       {@code splitPoints} thresholds per feature, evenly spaced inside the feature's observed
 *       range, by information gain or Gini gain, the class weights on each side estimated from the
 *       normal CDFs. With {@code eps = sqrt(R^2 ln(1/delta) / (2n))} ({@code R} the criterion's
 *       range over the classes the leaf has seen, as MOA and River take it; {@code n} the leaf's
 *       weight) it splits on the best threshold when that beats the
 *       runner-up (another feature's best; with {@code prePrune}, also not splitting) by more
 *       than {@code eps}, or when {@code eps < tieThreshold}. The new leaves start from the
 *       estimated class weights of their side.
 *   <li>A nominal feature (declared with {@link Builder#nominal}, its values coded 0 to V-1 in the
 *       row) keeps per-class value weights at each leaf instead. Its candidates are the multiway
 *       split (one branch per value, as in VFDT and MOA) and each binary split "one value versus
 *       the rest" (as in River); {@link Builder#binaryNominalSplits} keeps only the binary ones.
 *   <li>NaN is a missing value ({@link #acceptsMissingValues()}): a leaf's statistics leave it
 *       out, and a split sends it down the branch that has received the most weight of observed
 *       values (as River's most common path), both when learning and when predicting.
 *   <li>Leaves predict by majority class, naive Bayes, or naive Bayes adaptive (the default: each
 *       leaf counts how often each of the two would have been right and uses the better one).
 *       Naive Bayes uses the normal estimates of the numeric features and Laplace-smoothed value
 *       weights of the nominal ones ({@code (n_cv + 1) / (n_c + V)}, as MOA), skipping missing
 *       values.
 *   <li>Memory is bounded: the tree stops splitting when its leaves would exceed
 *       {@code maxMemoryBytes} of statistics or its depth {@code maxDepth}.
 * </ul>
 *
 * <p><b>The defaults are MOA's and River's</b> (grace period 200, {@code delta = 1e-7}, tie
 * threshold 0.05, information gain, naive Bayes adaptive leaves), and so is their behaviour on many
 * classes: with information gain {@code R = log2(c)} grows with the classes {@code c} a leaf has
 * seen, and such a leaf needs {@code R^2 ln(1/delta) / (2 tieThreshold^2)} examples before even a
 * tie can split it, about 21,000 for 6 classes and 71,000 for 26, while real gains lie far below
 * {@code eps}. On smaller streams where every leaf sees many classes such a tree never splits and
 * answers as naive Bayes, correctly for VFDT.
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
  /** Values of each feature, 0 for numeric ones. */
  final int[] nominalValues;
  final boolean binaryNominalSplits;
  /** Whether any feature is nominal; null {@link #nominalMask} when none is. */
  private final boolean[] nominalMask;
  private final boolean allNominal;
  /** Draws each leaf's features when {@code featureSubset > 0}. */
  final SplitMix64 random;
  private final int[] featureOrder;
  private final int maxLeaves;

  Node root;
  int leafCount;
  long samplesSeen;

  /** Whether leaves split against not splitting, and splits keep statistics (EFDT). */
  final boolean anytime;
  private final CandidateSplits candidates;
  private final double[] bestLeft;
  private final double[] bestRight;
  private final double[] scratch;
  // What the last prediction found, for learning the same x right after it (test-then-train):
  // the leaf, the row, the class and (when naive Bayes answered) each class's log likelihood.
  // Any change to the tree clears it.
  private Leaf votedLeaf; // null when nothing is kept
  private boolean votedLikelihoods;
  private int votedClass;
  private final double[] votedRow;
  private final double[] likelihoods; // per class, sum_j log p(x_j | c) at one leaf
  // The walk's end: the split above the leaf it found (null at the root) and the branch taken.
  private Split parentOfLeaf;
  private int branchOfLeaf;
  // Whether the row being handled has no missing value (then the vector kernels serve it).
  private boolean rowComplete;

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
    nominalValues = b.nominalValues.clone();
    binaryNominalSplits = b.binaryNominalSplits;
    boolean anyNominal = false;
    boolean[] mask = new boolean[dimension];
    for (int j = 0; j < dimension; j++) {
      mask[j] = nominalValues[j] > 0;
      anyNominal |= mask[j];
    }
    nominalMask = anyNominal ? mask : null;
    int nominalCount = 0;
    for (boolean nominal : mask) {
      nominalCount += nominal ? 1 : 0;
    }
    allNominal = nominalCount == dimension;
    random = new SplitMix64(seed);
    featureOrder = new int[dimension];
    maxLeaves = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxMemoryBytes / leafBytes()));
    anytime = b.anytime;
    candidates = new CandidateSplits(dimension, numClasses, nominalValues, nominalMask,
        binaryNominalSplits, criterion, splitPoints, minBranchFraction);
    bestLeft = new double[numClasses];
    bestRight = new double[numClasses];
    scratch = new double[numClasses];
    likelihoods = new double[numClasses];
    votedRow = new double[dimension];
    reset();
  }

  /**
   * A builder for {@code numClasses} classes of {@code dimension} features, numeric until
   * declared nominal.
   */
  public static Builder builder(int dimension, int numClasses) {
    return new Builder(dimension, numClasses);
  }

  /** A builder for the features (numeric and nominal) and classes {@code schema} declares. */
  public static Builder builder(FeatureSchema schema) {
    Objects.requireNonNull(schema, "schema");
    Builder b = new Builder(schema.dimension(), schema.classes().size());
    schema.forEachNominal(b::nominal);
    return b;
  }

  /** A decision stump: a Hoeffding tree with default settings that splits at most once. */
  public static HoeffdingTree stump(int dimension, int numClasses) {
    return builder(dimension, numClasses).maxDepth(1).build();
  }

  /** Approximate bytes of one leaf's statistics; {@code maxMemoryBytes} divided by it caps leaves. */
  long leafBytes() {
    return 8L * (5L * numClasses * dimension + numClasses + nominalCells()) + 160;
  }

  /** Cells of a leaf's nominal tables: per nominal feature, its values and total per class. */
  long nominalCells() {
    long cells = 0;
    for (int values : nominalValues) {
      cells += values > 0 ? (long) numClasses * (values + 1) : 0;
    }
    return cells;
  }

  Leaf newLeaf(int depth) {
    Leaf leaf = new Leaf(depth, numClasses, dimension, varianceSmoothing, nominalValues);
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


  /** True: NaN is a missing value. */
  @Override
  public boolean acceptsMissingValues() {
    return true;
  }

  /** Checks the row: its length, every value finite or NaN, nominal codes in range. */
  @Override
  public void requireRow(double[] x) {
    InputChecks.requireRowOrMissing(x, nominalValues);
  }

  @Override
  protected void learnChecked(double[] x, int label, double weight) {
    learnExample(x, label, weight);
  }

  private void learnExample(double[] x, int label, double weight) {
    samplesSeen++;
    if (weight == 0) {
      return;
    }
    rowComplete = isComplete(x);
    Leaf leaf = walk(x, weight);
    learnAtLeaf(leaf, parentOfLeaf, branchOfLeaf, x, label, weight);
  }

  /**
   * Learns {@code x} at {@code leaf}, which hangs from branch {@code branch} of {@code parent}
   * (null: at the root), where a split of the leaf goes: the naive Bayes adaptive hit counts, the
   * statistics, then a split attempt. {@link #beginRow} or a prediction has classified the row.
   */
  void learnAtLeaf(Leaf leaf, Split parent, int branch, double[] x, int label, double weight) {
    // Right after naive Bayes answered for this row at this leaf, its likelihoods still hold:
    // the same scores, bit for bit, without computing them again.
    boolean voted = leaf == votedLeaf && votedLikelihoods && answeredLast(x);
    votedLeaf = null;
    parentOfLeaf = parent;
    branchOfLeaf = branch;
    if (leafPrediction == LeafPrediction.NAIVE_BAYES_ADAPTIVE) {
      if (argMax(leaf.classWeights) == label) {
        leaf.majorityCorrect += weight;
      }
      double[] logs = voted ? withLogPrior(leaf, scratch) : naiveBayesLogs(leaf, x, scratch);
      if (argMax(logs) == label) {
        leaf.naiveBayesCorrect += weight;
      }
    }
    addToLeaf(leaf, x, label, weight);
  }

  /**
   * Adds the example to the statistics {@code leaf} holds (class weights, normal estimates,
   * nominal tables), and nothing else. {@link #beginRow} first.
   */
  void addStatistics(Leaf leaf, double[] x, int label, double weight) {
    leaf.addClassWeight(label, weight);
    if (rowComplete) {
      leaf.stats.add(label, x, weight);
    } else {
      leaf.stats.addPresent(label, x, weight);
    }
    if (nominalMask != null) {
      leaf.addNominal(label, x, weight, nominalValues);
    }
  }

  /** Notes whether {@code x} has missing values, for the leaf methods that follow. */
  void beginRow(double[] x) {
    rowComplete = isComplete(x);
  }

  /**
   * The class {@code leaf} answers for {@code x} when it hangs from no split (an alternate
   * subtree's root): its leaf model, or class 0 while it is empty. {@link #beginRow} first.
   */
  int detachedLeafClass(Leaf leaf, double[] x) {
    parentOfLeaf = null;
    int predicted = argMax(leafScores(leaf, x, scratch));
    votedLeaf = null;
    return predicted;
  }

  /**
   * Learns, then predicts the same example, as {@code learnChecked} and then
   * {@code predictChecked} would, with naive Bayes adaptive leaves doing less work: the
   * likelihoods of the last answer reused when it was for this same row (whatever
   * {@code afterVote} says: rows are compared by value), and only the learned class's likelihood
   * computed again after learning (the other classes' statistics did not change). The same answer
   * and the same model, bit for bit.
   */
  @Override
  protected int learnAndPredictChecked(double[] x, int label, double weight, boolean afterVote) {
    if (weight == 0 || leafPrediction != LeafPrediction.NAIVE_BAYES_ADAPTIVE) {
      votedLeaf = null;
      return super.learnAndPredictChecked(x, label, weight, false);
    }
    samplesSeen++;
    rowComplete = isComplete(x);
    Leaf leaf = walk(x, weight); // counts the branch weights
    int leavesBefore = leafCount;
    // Leaves every class's likelihood before learning in likelihoods (reused from the last
    // answer when it was for this row at this leaf).
    learnAtLeaf(leaf, parentOfLeaf, branchOfLeaf, x, label, weight);
    if (leafCount != leavesBefore) {
      return predictChecked(x); // the leaf split: x now falls in a new one
    }
    if (!usesNaiveBayes(leaf)) {
      return argMax(leaf.classWeights);
    }
    likelihoods[label] = logLikelihood(leaf, label, x);
    return argMax(withLogPrior(leaf, scratch));
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }

  /** Whether {@code x} has no missing value. */
  private static boolean isComplete(double[] x) {
    for (double v : x) {
      if (Double.isNaN(v)) {
        return false;
      }
    }
    return true;
  }

  /** Adds the example to the leaf's statistics, then splits the leaf if the bound allows. */
  private void addToLeaf(Leaf leaf, double[] x, int label, double weight) {
    addStatistics(leaf, x, label, weight);
    double seen = leaf.totalWeight();
    if (seen - leaf.weightAtLastEvaluation >= gracePeriod) {
      if (leaf.depth < maxDepth && leafCount < maxLeaves) {
        attemptSplit(leaf, seen);
      }
      leaf.weightAtLastEvaluation = seen;
    }
  }

  /**
   * The leaf's answer; when the tree answered for this same row last and has not changed since
   * (an ensemble scoring its member right after the vote, an adaptive tree scoring itself right
   * after the caller's prediction), that answer again, without walking.
   */
  @Override
  protected int predictChecked(double[] x) {
    rowComplete = isComplete(x);
    if (!answeredLast(x)) {
      votedClass = argMax(leafScores(walk(x, 0), x, scratch));
    }
    return votedClass;
  }

  /** Whether the last answer was for a row equal to {@code x}, with no change to the tree since. */
  private boolean answeredLast(double[] x) {
    return votedLeaf != null && Arrays.equals(x, votedRow);
  }

  @Override
  protected double[] predictProbaChecked(double[] x, double[] out) {
    predictProbaAndClassChecked(x, out);
    return out;
  }

  @Override
  protected int predictProbaAndClassChecked(double[] x, double[] out) {
    rowComplete = isComplete(x);
    int predicted = argMax(leafScores(walk(x, 0), x, out));
    votedClass = predicted;
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
    System.arraycopy(x, 0, votedRow, 0, dimension);
    if (parentOfLeaf != null && leaf.totalWeight() == 0 && sum(parentOfLeaf.classWeights) > 0) {
      // A leaf that has seen nothing (a value its split never saw): the split's class weights
      // (splits restored from versions before 4 have none: their leaves answer as they did).
      votedLikelihoods = false;
      System.arraycopy(parentOfLeaf.classWeights, 0, out, 0, numClasses);
      return out;
    }
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
    boolean seen = leaf.totalWeight() > 0;
    for (int c = 0; c < numClasses; c++) {
      // A class the leaf has not seen has log prior -inf: its (finite) likelihood cannot matter.
      likelihoods[c] = seen && leaf.classWeights[c] == 0 ? 0 : logLikelihood(leaf, c, x);
    }
    return withLogPrior(leaf, out);
  }

  /**
   * {@code sum_j log p(x_j | c)} at the leaf over the observed features: the vector kernel for a
   * complete all-numeric row, else the normal densities of the observed numeric values plus the
   * Laplace-smoothed shares of the observed nominal values.
   */
  private double logLikelihood(Leaf leaf, int c, double[] x) {
    if (rowComplete && nominalMask == null) {
      return leaf.stats.logLikelihood(c, x);
    }
    // 0 exactly when every feature is nominal: no normal terms to refresh or add.
    double sum = allNominal ? 0 : leaf.stats.logLikelihoodPresent(c, x, nominalMask);
    if (nominalMask != null) {
      // The smoothed shares multiplied in runs of up to 16, one logarithm per run; a run is
      // logged as soon as it falls below 1e-280, so one more share (at least 1 / (weight + V))
      // cannot take it to 0.
      double product = 1;
      int factors = 0;
      for (int j = 0; j < dimension; j++) {
        int values = nominalValues[j];
        if (values > 0 && !Double.isNaN(x[j])) {
          product *= (leaf.nominalCounts[j][c * values + (int) x[j]] + 1)
              / (leaf.nominalObserved[j][c] + values);
          if (++factors == 16 || product < 1e-280) {
            sum += Math.log(product);
            product = 1;
            factors = 0;
          }
        }
      }
      sum += Math.log(product);
    }
    return sum;
  }

  /** {@code log P(c) + likelihoods[c]} at the leaf into {@code out}, returned. */
  private double[] withLogPrior(Leaf leaf, double[] out) {
    double[] logPrior = leaf.logPrior();
    for (int c = 0; c < numClasses; c++) {
      out[c] = logPrior[c] + likelihoods[c];
    }
    return out;
  }

  /**
   * The leaf {@code x} falls in; each split on the way adds {@code weight} to the branch taken
   * when {@code x} has its feature (0 when predicting).
   */
  Leaf walk(double[] x, double weight) {
    Node node = root;
    parentOfLeaf = null;
    while (node instanceof Split) {
      Split split = (Split) node;
      int branch = split.descend(x, weight);
      parentOfLeaf = split;
      branchOfLeaf = branch;
      node = split.children[branch];
    }
    return (Leaf) node;
  }

  /**
   * Splits the leaf when the bound allows: its best split must beat the runner-up (another
   * feature's best, or with pre-pruning also not splitting; an extremely fast decision tree
   * compares with not splitting alone) by more than the Hoeffding bound, or the bound must be
   * below the tie threshold.
   */
  private void attemptSplit(Leaf leaf, double seen) {
    if (leaf.classesSeen() < 2) {
      return;
    }
    // Pre-pruning (MOA) and EFDT: not splitting competes with merit 0. Without it (River's
    // default) the best feature only has to beat the runner-up feature.
    candidates.score(leaf, prePrune || anytime ? 0 : Double.NEGATIVE_INFINITY,
        (long) maxLeaves - leafCount, -1);
    double runnerUp = anytime ? 0 : candidates.secondBest;
    double epsilon = hoeffdingBound(leaf, seen);
    if (candidates.bestAttribute >= 0
        && (candidates.best - runnerUp > epsilon || epsilon < tieThreshold)) {
      splitOnBest(leaf);
    }
  }

  /**
   * The Hoeffding bound after {@code seen} weight at a node with these statistics, over the
   * criterion's range for the classes they have seen, as MOA and River bound it.
   */
  private double hoeffdingBound(Leaf statistics, double seen) {
    double range = SplitMerit.range(criterion, statistics.classesSeen());
    return Math.sqrt(range * range * Math.log(1 / delta) / (2 * seen));
  }

  /** Splits {@code leaf} on the best candidate of the last scoring. */
  private void splitOnBest(Leaf leaf) {
    if (nominalValues[candidates.bestAttribute] == 0) {
      splitNumeric(leaf, candidates.bestAttribute, candidates.bestThreshold);
    } else {
      splitNominal(leaf, candidates.bestAttribute, candidates.bestValue);
    }
  }

  /**
   * An extremely fast decision tree's re-evaluation of {@code split}, which hangs from branch
   * {@code branch} of {@code parent} (null: the root), from the statistics it keeps: when another
   * feature's best split beats the best split on the split's own feature by more than the
   * Hoeffding bound (or by more than half the tie threshold once the bound is below it), a split
   * on that feature with new leaves takes its place; else when not splitting beats it by more
   * than the bound, its statistics take its place as a leaf. Returns true when it was replaced.
   */
  boolean reevaluate(Split split, Split parent, int branch) {
    Leaf statistics = split.statistics;
    if (statistics.classesSeen() < 2) {
      return false;
    }
    int held = leavesBelow(split);
    candidates.score(statistics, Double.NEGATIVE_INFINITY, (long) maxLeaves - leafCount + held - 1,
        split.attribute);
    double current = candidates.askedMerit;
    double epsilon = hoeffdingBound(statistics, statistics.totalWeight());
    double gain = candidates.best - current;
    parentOfLeaf = parent;
    branchOfLeaf = branch;
    if (candidates.bestAttribute >= 0 && candidates.bestAttribute != split.attribute
        && (gain > epsilon || (epsilon < tieThreshold && gain > tieThreshold / 2))
        && (long) leafCount - held + 2 <= maxLeaves) {
      leafCount -= held - 1;
      splitOnBest(statistics);
      return true;
    }
    if (-current > epsilon) {
      leafCount -= held - 1;
      if (parent == null) {
        root = statistics;
      } else {
        parent.children[branch] = statistics;
      }
      return true;
    }
    return false;
  }

  /** Leaves below {@code split}, with the alternates of the splits below it (not its own). */
  static int leavesBelow(Split split) {
    int leaves = 0;
    Deque<Node> pending = new ArrayDeque<>();
    for (Node child : split.children) {
      pending.push(child);
    }
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (node instanceof Split) {
        Split below = (Split) node;
        leaves += below.alternate != null ? 1 : 0;
        for (Node child : below.children) {
          pending.push(child);
        }
      } else {
        leaves++;
      }
    }
    return leaves;
  }

  private void splitNumeric(Leaf leaf, int attribute, double threshold) {
    candidates.sideWeights(leaf, attribute, threshold, bestLeft, bestRight);
    Leaf low = newLeaf(leaf.depth + 1);
    Leaf high = newLeaf(leaf.depth + 1);
    low.startFrom(bestLeft);
    high.startFrom(bestRight);
    replace(Split.numeric(leaf.depth, attribute, threshold, low, high, numClasses), leaf);
  }

  /**
   * Splits on nominal {@code attribute}: value {@code value} versus the rest, or one branch per
   * value when {@code value < 0}; each new leaf starts from the class weights of its values.
   */
  private void splitNominal(Leaf leaf, int attribute, int value) {
    int values = nominalValues[attribute];
    double[] counts = leaf.nominalCounts[attribute];
    Split split;
    if (value >= 0) {
      for (int c = 0; c < numClasses; c++) {
        bestLeft[c] = counts[c * values + value];
        bestRight[c] = leaf.nominalObserved[attribute][c] - bestLeft[c];
      }
      Leaf match = newLeaf(leaf.depth + 1);
      Leaf others = newLeaf(leaf.depth + 1);
      match.startFrom(bestLeft);
      others.startFrom(bestRight);
      split = Split.nominalBinary(leaf.depth, attribute, value, match, others, numClasses);
    } else {
      Node[] children = new Node[values];
      for (int v = 0; v < values; v++) {
        for (int c = 0; c < numClasses; c++) {
          bestLeft[c] = counts[c * values + v];
        }
        Leaf child = newLeaf(leaf.depth + 1);
        child.startFrom(bestLeft);
        children[v] = child;
      }
      split = Split.multiway(leaf.depth, attribute, children, numClasses);
    }
    replace(split, leaf);
  }

  /**
   * Puts {@code split} where {@code leaf}, the leaf the last walk found, was; its children are new
   * leaves, and it keeps the leaf's class weights (and, in an extremely fast decision tree, the
   * leaf itself as its statistics).
   */
  private void replace(Split split, Leaf leaf) {
    System.arraycopy(leaf.classWeights, 0, split.classWeights, 0, numClasses);
    if (anytime) {
      split.statistics = leaf;
    }
    if (parentOfLeaf == null) {
      root = split;
    } else {
      parentOfLeaf.children[branchOfLeaf] = split;
    }
    for (int b = 0; b < split.children.length; b++) {
      split.branchWeights[b] = ((Leaf) split.children[b]).totalWeight();
    }
    leafCount += split.children.length - 1;
  }

  /** Number of values of feature {@code j} when nominal, 0 when numeric. */
  public int numValues(int j) {
    return nominalValues[Objects.checkIndex(j, dimension)];
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
        for (Node child : ((Split) node).children) {
          pending.push(child);
        }
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

  /**
   * A builder holding this tree's settings for a tree over some of its features: feature
   * {@code i} of the new tree is feature {@code features[i]} of this one, nominal with the same
   * values where that one is (the random subspaces of streaming random patches). A feature subset
   * larger than the new dimension is dropped to 0 (all).
   */
  public Builder toBuilder(int[] features) {
    Objects.requireNonNull(features, "features");
    Builder b = builder(features.length, numClasses);
    for (int i = 0; i < features.length; i++) {
      int values = nominalValues[Objects.checkIndex(features[i], dimension)];
      if (values > 0) {
        b.nominal(i, values);
      }
    }
    return b.binaryNominalSplits(binaryNominalSplits).gracePeriod(gracePeriod).delta(delta)
        .tieThreshold(tieThreshold).splitCriterion(criterion).leafPrediction(leafPrediction)
        .naiveBayesThreshold(nbThreshold).splitPoints(splitPoints).maxDepth(maxDepth)
        .maxMemoryBytes(maxMemoryBytes).minBranchFraction(minBranchFraction).prePrune(prePrune)
        .varianceSmoothing(varianceSmoothing)
        .featureSubset(featureSubset <= features.length ? featureSubset : 0).seed(seed)
        .anytime(anytime);
  }

  /** A builder holding this tree's settings. */
  public Builder toBuilder() {
    return toBuilder(identity(dimension));
  }

  private static int[] identity(int n) {
    int[] all = new int[n];
    for (int j = 0; j < n; j++) {
      all[j] = j;
    }
    return all;
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
        + (nominalMask != null ? ", nominalValues=" + Arrays.toString(nominalValues)
            + ", binaryNominalSplits=" + binaryNominalSplits : "")
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
      Node[] from = sourceAndCopy[0].children;
      for (int b = 0; b < from.length; b++) {
        sourceAndCopy[1].children[b] = shallowCopy(from[b], pending);
      }
    }
    return top;
  }

  /** A leaf's copy, or a split's copy whose children {@link #copyOf} fills in later. */
  private static Node shallowCopy(Node node, Deque<Split[]> pending) {
    if (node instanceof Leaf) {
      return new Leaf((Leaf) node);
    }
    Split split = (Split) node;
    Split copy = split.emptyCopy();
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

  /**
   * An inner node on one feature: numeric ({@code x <= threshold} to branch 0, else 1), nominal
   * binary ({@code x == value} to branch 0, else 1) or multiway (value {@code v} to branch
   * {@code v}). A missing value goes to the branch with the most {@code branchWeights}, the weight
   * of observed values each branch has received (the first such branch on a tie). A child that
   * has seen nothing answers with the split's {@code classWeights}, the class weights of the leaf
   * it replaced (as MOA answers for a value its split never saw).
   */
  static final class Split extends Node {
    static final int NUMERIC = 1;
    static final int NOMINAL_BINARY = 2;
    static final int MULTIWAY = 3;

    final int kind;
    final int attribute;
    final double threshold;
    final int value;
    final Node[] children;
    final double[] branchWeights;
    final double[] classWeights;
    /** A {@link HoeffdingAdaptiveTree}'s record of this subtree's errors; null elsewhere. */
    Adwin errors;
    /** A {@link HoeffdingAdaptiveTree}'s alternate for this subtree, or null. */
    Leaf alternate;
    /**
     * An {@link ExtremelyFastDecisionTree}'s statistics of every example the split has seen
     * (the leaf it was, still learning), null elsewhere.
     */
    Leaf statistics;

    Split(int depth, int kind, int attribute, double threshold, int value, int branches,
        int numClasses) {
      super(depth);
      this.kind = kind;
      this.attribute = attribute;
      this.threshold = threshold;
      this.value = value;
      this.children = new Node[branches];
      this.branchWeights = new double[branches];
      this.classWeights = new double[numClasses];
    }

    static Split numeric(int depth, int attribute, double threshold, Node low, Node high,
        int numClasses) {
      Split split = new Split(depth, NUMERIC, attribute, threshold, -1, 2, numClasses);
      split.children[0] = low;
      split.children[1] = high;
      return split;
    }

    static Split nominalBinary(int depth, int attribute, int value, Node match, Node others,
        int numClasses) {
      Split split = new Split(depth, NOMINAL_BINARY, attribute, 0, value, 2, numClasses);
      split.children[0] = match;
      split.children[1] = others;
      return split;
    }

    static Split multiway(int depth, int attribute, Node[] children, int numClasses) {
      Split split = new Split(depth, MULTIWAY, attribute, 0, -1, children.length, numClasses);
      System.arraycopy(children, 0, split.children, 0, children.length);
      return split;
    }

    /**
     * The same test, branch weights, class weights, error record, alternate and statistics, with
     * no children yet.
     */
    Split emptyCopy() {
      Split copy = new Split(depth, kind, attribute, threshold, value, children.length,
          classWeights.length);
      System.arraycopy(branchWeights, 0, copy.branchWeights, 0, branchWeights.length);
      System.arraycopy(classWeights, 0, copy.classWeights, 0, classWeights.length);
      copy.errors = errors == null ? null : errors.copy();
      copy.alternate = alternate == null ? null : new Leaf(alternate);
      copy.statistics = statistics == null ? null : new Leaf(statistics);
      return copy;
    }

    /**
     * The branch {@code x} goes down, which receives {@code weight} when {@code x} has the
     * split's feature (nothing is written when predicting, with weight 0).
     */
    int descend(double[] x, double weight) {
      double v = x[attribute];
      int branch = branch(v);
      if (weight > 0 && !Double.isNaN(v)) {
        branchWeights[branch] += weight;
      }
      return branch;
    }

    /** The branch a value of the feature (NaN: missing) goes down. */
    int branch(double v) {
      if (Double.isNaN(v)) {
        return argMax(branchWeights);
      }
      switch (kind) {
        case NUMERIC:
          return v <= threshold ? 0 : 1;
        case NOMINAL_BINARY:
          return v == value ? 0 : 1;
        default:
          return (int) v;
      }
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
    /** Per nominal feature {@code j}, class and value: {@code [c * values + v]} (null if numeric). */
    final double[][] nominalCounts;
    /** Per nominal feature and class, the weight of its observed values (null if numeric). */
    final double[][] nominalObserved;
    /** Errors of an alternate's root leaf in a {@link HoeffdingAdaptiveTree}; null elsewhere. */
    Adwin errors;
    private final double[] logPrior;
    private boolean logPriorStale = true;

    Leaf(int depth, int numClasses, int dimension, double varianceSmoothing,
        int[] nominalValues) {
      super(depth);
      classWeights = new double[numClasses];
      stats = new ClassGaussians(numClasses, dimension, varianceSmoothing, false);
      logPrior = new double[numClasses];
      nominalCounts = new double[dimension][];
      nominalObserved = new double[dimension][];
      for (int j = 0; j < dimension; j++) {
        if (nominalValues[j] > 0) {
          nominalCounts[j] = new double[numClasses * nominalValues[j]];
          nominalObserved[j] = new double[numClasses];
        }
      }
    }

    Leaf(Leaf other) {
      super(other.depth);
      classWeights = other.classWeights.clone();
      stats = other.stats.copy();
      nominalCounts = new double[other.nominalCounts.length][];
      nominalObserved = new double[other.nominalObserved.length][];
      for (int j = 0; j < nominalCounts.length; j++) {
        if (other.nominalCounts[j] != null) {
          nominalCounts[j] = other.nominalCounts[j].clone();
          nominalObserved[j] = other.nominalObserved[j].clone();
        }
      }
      weightAtLastEvaluation = other.weightAtLastEvaluation;
      majorityCorrect = other.majorityCorrect;
      naiveBayesCorrect = other.naiveBayesCorrect;
      allowed = other.allowed; // never changed after it is drawn: shared
      errors = other.errors == null ? null : other.errors.copy();
      logPrior = new double[classWeights.length];
    }

    void startFrom(double[] initialClassWeights) {
      System.arraycopy(initialClassWeights, 0, classWeights, 0, classWeights.length);
      logPriorStale = true;
      weightAtLastEvaluation = totalWeight();
    }

    double totalWeight() {
      return sum(classWeights);
    }

    void addClassWeight(int label, double weight) {
      classWeights[label] += weight;
      logPriorStale = true;
    }

    /** Adds the observed nominal values of {@code x} to their class's tables. */
    void addNominal(int label, double[] x, double weight, int[] nominalValues) {
      for (int j = 0; j < nominalValues.length; j++) {
        int values = nominalValues[j];
        if (values > 0 && !Double.isNaN(x[j])) {
          nominalCounts[j][label * values + (int) x[j]] += weight;
          nominalObserved[j][label] += weight;
        }
      }
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
    private final int[] nominalValues;
    private long totalValues;
    private boolean binaryNominalSplits;
    private boolean anytime;

    private Builder(int dimension, int numClasses) {
      SizeLimits.dimension(dimension);
      SizeLimits.classes(numClasses);
      SizeLimits.cells("numClasses x dimension", numClasses, dimension);
      this.dimension = dimension;
      this.numClasses = numClasses;
      this.nominalValues = new int[dimension];
    }

    /**
     * Declares feature {@code j} nominal with {@code values} values (2 to 2^16), coded 0 to
     * {@code values - 1} in the row; features are numeric until declared.
     */
    public Builder nominal(int j, int values) {
      Objects.checkIndex(j, dimension);
      SizeLimits.within("values of feature " + j, values, 2, SizeLimits.MAX_NOMINAL_VALUES);
      long total = totalValues - nominalValues[j] + values;
      SizeLimits.cells("numClasses x nominal values", numClasses,
          (int) Math.min(total, Integer.MAX_VALUE));
      totalValues = total;
      nominalValues[j] = values;
      return this;
    }

    /**
     * Whether nominal features split only as "one value versus the rest" (River's
     * {@code binary_split}); default false: the multiway split competes with those (MOA's and
     * River's default).
     */
    public Builder binaryNominalSplits(boolean binaryNominalSplits) {
      this.binaryNominalSplits = binaryNominalSplits;
      return this;
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
     * over ten trees: 0.8801 / 0.9962 with 0, 0.8773 / 0.9826 with 1e-9; all measured before
     * the bound's range followed each leaf's classes, which moved shuttle with 0 to 0.9729 and
     * 0.9967). {@link
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

    /** An extremely fast decision tree's rules ({@link ExtremelyFastDecisionTree} sets it). */
    Builder anytime(boolean anytime) {
      this.anytime = anytime;
      return this;
    }

    /** A new, untrained tree. */
    public HoeffdingTree build() {
      return new HoeffdingTree(this);
    }
  }
}
