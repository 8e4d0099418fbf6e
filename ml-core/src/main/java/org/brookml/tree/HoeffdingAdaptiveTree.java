package org.brookml.tree;

import java.util.Objects;
import org.brookml.drift.Adwin;
import org.brookml.drift.DriftDetector.State;
import org.brookml.internal.random.SplitMix64;
import org.brookml.learner.FeatureSchema;
import org.brookml.tree.HoeffdingTree.Leaf;
import org.brookml.tree.HoeffdingTree.Node;
import org.brookml.tree.HoeffdingTree.Split;

/**
 * A Hoeffding adaptive tree (HAT-ADWIN; Bifet and Gavaldà, "Adaptive Learning from Evolving Data
 * Streams", IDA 2009), as MOA's {@code HoeffdingAdaptiveTree} and River's
 * {@code HoeffdingAdaptiveTreeClassifier} build it: a {@link HoeffdingTree} (same settings, same
 * leaves, splits and missing-value rules) whose splits watch their subtree's errors and replace it
 * when the data drift.
 *
 * <ul>
 *   <li>Each example is first classified by the main tree. Every split on its path feeds 0 (right)
 *       or 1 (wrong) to its own {@link Adwin} ({@code driftDelta}, default 0.002).
 *   <li>When a split's ADWIN detects a change and its error did not fall, the split starts an
 *       alternate: a new leaf, learning from then on every example that reaches the split, and
 *       scoring its own answers in its own ADWIN. A later change starts a new alternate.
 *   <li>Once both windows are wider than {@code driftWindowThreshold} (default 300) the two error
 *       rates {@code e} (the subtree's) and {@code e'} (the alternate's) are compared with
 *       {@code bound = sqrt(2 e (1 - e) ln(2 / switchSignificance) (1/n + 1/n'))}
 *       ({@code n}, {@code n'} the windows' widths; {@code switchSignificance} default 0.05): the alternate takes the
 *       subtree's place when {@code e - e' > bound}, and is dropped when {@code e' - e > bound}.
 *   <li>When the alternate leaf splits, its split takes the subtree's place at once. MOA and
 *       River grow an alternate where the subtree hangs, so this is what both do; an alternate is
 *       therefore always a single leaf.
 *   <li>With {@code bootstrap} (default true) every leaf learns an example with its weight times
 *       {@code k ~ Poisson(1)}, unchanged when {@code k = 0}, as MOA and River do; the draws come
 *       from one stream seeded by {@code seed} (MOA seeds each leaf alike).
 *   <li>Predictions come from the main tree alone. Alternate leaves count towards the leaf
 *       budget; no alternate is started while the budget is full.
 * </ul>
 *
 * <p>Learning allocates only when a leaf splits or an alternate starts. Not thread-safe.
 */
public final class HoeffdingAdaptiveTree extends HoeffdingTreeVariant {

  final double driftDelta;
  final double switchSignificance;
  final int driftWindowThreshold;
  final boolean bootstrap;
  final long seed;
  final SplitMix64 random;
  long alternatesStarted;
  long alternatesSwitched;
  long alternatesPruned;

  private HoeffdingAdaptiveTree(Builder b, HoeffdingTree tree) {
    super(tree);
    driftDelta = b.driftDelta;
    switchSignificance = b.switchSignificance;
    driftWindowThreshold = b.driftWindowThreshold;
    bootstrap = b.bootstrap;
    seed = b.seed;
    random = new SplitMix64(seed);
  }

  /** A builder over the default {@link HoeffdingTree} settings for these features and classes. */
  public static Builder builder(int dimension, int numClasses) {
    return new Builder(HoeffdingTree.builder(dimension, numClasses));
  }

  /** A builder for the features (numeric and nominal) and classes {@code schema} declares. */
  public static Builder builder(FeatureSchema schema) {
    return new Builder(HoeffdingTree.builder(schema));
  }

  /**
   * A builder whose trees take {@code tree}'s settings (grace period, bound, leaf prediction,
   * nominal features, budget), read when {@link Builder#build} is called.
   */
  public static Builder builder(HoeffdingTree.Builder tree) {
    return new Builder(Objects.requireNonNull(tree, "tree"));
  }

  @Override
  protected void learnChecked(double[] x, int label, double weight) {
    tree.samplesSeen++;
    if (weight == 0) {
      return;
    }
    // The main tree's answer, before anything learns: every split on the path scores it.
    boolean correct = tree.predictChecked(x) == label;
    Split parent = null;
    int branch = -1;
    Node node = tree.root;
    while (node instanceof Split) {
      Split split = (Split) node;
      if (watch(split, correct, parent, branch, x, label, weight)) {
        return; // the alternate took the subtree's place, and learned x there
      }
      int next = split.descend(x, weight);
      parent = split;
      branch = next;
      node = split.children[next];
    }
    learnLeaf((Leaf) node, parent, branch, x, label, weight);
  }

  /**
   * Feeds the split's error record, starts, switches in or drops its alternate, and lets the
   * alternate learn; true when the alternate has taken the split's place (from {@code parent}'s
   * branch {@code branch}, or the root).
   */
  private boolean watch(Split split, boolean correct, Split parent, int branch, double[] x,
      int label, double weight) {
    if (split.errors == null) {
      split.errors = new Adwin(driftDelta);
    }
    double errorBefore = split.errors.estimation();
    boolean worse = split.errors.update(correct ? 0 : 1) == State.DRIFT
        && !(errorBefore > split.errors.estimation());
    if (worse) {
      startAlternate(split);
    } else if (split.alternate != null
        && split.errors.width() > driftWindowThreshold
        && split.alternate.errors.width() > driftWindowThreshold) {
      double error = split.errors.estimation();
      double alternateError = split.alternate.errors.estimation();
      double bound = Math.sqrt(2 * error * (1 - error) * Math.log(2 / switchSignificance)
          * (1.0 / split.alternate.errors.width() + 1.0 / split.errors.width()));
      if (bound < error - alternateError) {
        Leaf alternate = split.alternate;
        split.alternate = null;
        alternate.errors = null; // a leaf of the main tree keeps no error record
        place(alternate, parent, branch);
        tree.leafCount -= HoeffdingTree.leavesBelow(split);
        alternatesSwitched++;
        learnLeaf(alternate, parent, branch, x, label, weight);
        return true;
      } else if (bound < alternateError - error) {
        split.alternate = null;
        tree.leafCount--;
        alternatesPruned++;
      }
    }
    Leaf alternate = split.alternate;
    if (alternate == null) {
      return false;
    }
    alternate.errors.update(tree.detachedLeafClass(alternate, x) == label ? 0 : 1);
    learnLeaf(alternate, parent, branch, x, label, weight); // its split goes where split is
    if (slot(parent, branch) == split) {
      return false;
    }
    tree.leafCount -= HoeffdingTree.leavesBelow(split);
    alternatesSwitched++;
    return true;
  }

  /** A new alternate leaf for {@code split}, in place of any it had, if the budget allows. */
  private void startAlternate(Split split) {
    if (split.alternate == null) {
      if (tree.leafCount >= tree.maxLeaves()) {
        return;
      }
      tree.leafCount++;
    }
    split.alternate = tree.newLeaf(split.depth);
    split.alternate.errors = new Adwin(driftDelta);
    alternatesStarted++;
  }

  private void learnLeaf(Leaf leaf, Split parent, int branch, double[] x, int label,
      double weight) {
    int k = bootstrap ? random.nextPoisson(1) : 1;
    tree.learnAtLeaf(leaf, parent, branch, x, label, k > 0 ? weight * k : weight);
  }

  private Node slot(Split parent, int branch) {
    return parent == null ? tree.root : parent.children[branch];
  }

  private void place(Node node, Split parent, int branch) {
    if (parent == null) {
      tree.root = node;
    } else {
      parent.children[branch] = node;
    }
  }

  /** Alternates started since the tree was made or reset. */
  public long alternatesStarted() {
    return alternatesStarted;
  }

  /** Alternates that took their subtree's place (by the bound or by splitting). */
  public long alternatesSwitched() {
    return alternatesSwitched;
  }

  /** Alternates dropped because their subtree was clearly better. */
  public long alternatesPruned() {
    return alternatesPruned;
  }

  @Override
  public void reset() {
    tree.reset();
    random.setState(new SplitMix64(seed).state());
    alternatesStarted = 0;
    alternatesSwitched = 0;
    alternatesPruned = 0;
  }

  @Override
  public HoeffdingAdaptiveTree copy() {
    HoeffdingAdaptiveTree copy = toBuilder().build(tree.copy());
    copy.random.setState(random.state());
    copy.alternatesStarted = alternatesStarted;
    copy.alternatesSwitched = alternatesSwitched;
    copy.alternatesPruned = alternatesPruned;
    return copy;
  }

  /** A builder holding this tree's settings. */
  public Builder toBuilder() {
    return builder(tree.toBuilder()).driftDelta(driftDelta).switchSignificance(switchSignificance)
        .driftWindowThreshold(driftWindowThreshold).bootstrap(bootstrap).seed(seed);
  }

  @Override
  public String toString() {
    return "HoeffdingAdaptiveTree{driftDelta=" + driftDelta + ", switchSignificance="
        + switchSignificance + ", driftWindowThreshold=" + driftWindowThreshold + ", bootstrap="
        + bootstrap + ", seed=" + seed + ", alternatesStarted=" + alternatesStarted
        + ", alternatesSwitched=" + alternatesSwitched + ", alternatesPruned=" + alternatesPruned
        + ", tree=" + tree + "}";
  }

  /** Settings of a {@link HoeffdingAdaptiveTree}; defaults are MOA's and River's. */
  public static final class Builder {
    private final HoeffdingTree.Builder tree;
    private double driftDelta = 0.002;
    private double switchSignificance = 0.05;
    private int driftWindowThreshold = 300;
    private boolean bootstrap = true;
    private long seed = 1;

    private Builder(HoeffdingTree.Builder tree) {
      this.tree = tree;
    }

    /** Confidence of each split's ADWIN, in (0, 1); default 0.002. */
    public Builder driftDelta(double driftDelta) {
      if (!(driftDelta > 0 && driftDelta < 1)) {
        throw new IllegalArgumentException("driftDelta must be in (0, 1), got " + driftDelta);
      }
      this.driftDelta = driftDelta;
      return this;
    }

    /** Significance of the switch test, in (0, 1); default 0.05. */
    public Builder switchSignificance(double switchSignificance) {
      if (!(switchSignificance > 0 && switchSignificance < 1)) {
        throw new IllegalArgumentException("switchSignificance must be in (0, 1), got "
            + switchSignificance);
      }
      this.switchSignificance = switchSignificance;
      return this;
    }

    /** Width both error windows must exceed before they are compared; default 300. */
    public Builder driftWindowThreshold(int driftWindowThreshold) {
      if (driftWindowThreshold < 0) {
        throw new IllegalArgumentException("driftWindowThreshold must be >= 0, got "
            + driftWindowThreshold);
      }
      this.driftWindowThreshold = driftWindowThreshold;
      return this;
    }

    /** Whether leaves learn with Poisson(1) weights; default true. */
    public Builder bootstrap(boolean bootstrap) {
      this.bootstrap = bootstrap;
      return this;
    }

    /** Seed of the Poisson draws; default 1. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** A new, untrained tree. */
    public HoeffdingAdaptiveTree build() {
      return build(tree.build());
    }

    HoeffdingAdaptiveTree build(HoeffdingTree built) {
      return new HoeffdingAdaptiveTree(this, built);
    }
  }
}
