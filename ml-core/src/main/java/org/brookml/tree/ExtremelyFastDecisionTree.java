package org.brookml.tree;

import java.util.Objects;
import org.brookml.learner.FeatureSchema;
import org.brookml.tree.HoeffdingTree.Leaf;
import org.brookml.tree.HoeffdingTree.Node;
import org.brookml.tree.HoeffdingTree.Split;

/**
 * An extremely fast decision tree (EFDT, the Hoeffding anytime tree; Manapragada, Webb and
 * Salehi, "Extremely Fast Decision Tree", KDD 2018): a {@link HoeffdingTree} (same settings,
 * leaves, statistics and missing-value rules) that splits as soon as a split beats not splitting,
 * and revises its splits.
 *
 * <ul>
 *   <li>A leaf splits on its best candidate when that beats not splitting (merit 0) by more than
 *       the Hoeffding bound, or when the bound is below the tie threshold, instead of waiting for
 *       it to beat the runner-up feature.
 *   <li>A split keeps learning every example that reaches it, with the statistics of the leaf it
 *       was. Every {@code reevaluationPeriod} units of weight (default 2,000, MOA's) it scores its
 *       candidates again: when another feature's best split beats the best split on its own
 *       feature by more than the bound (or, once the bound is below the tie threshold, by more
 *       than half of it, as MOA), a split on that feature, with new leaves started from its
 *       estimated class weights, takes its place and keeps its statistics; when not splitting
 *       beats its own feature by more than the bound, its statistics become a leaf in its place.
 *       An example that causes such a change is not learned below the node.
 *   <li>Splits keep their statistics, so the tree holds about twice the leaves' statistics; the
 *       budget ({@code maxMemoryBytes}) counts leaves.
 * </ul>
 *
 * <p>MOA re-evaluates every node on the path of every 2,000th example of the stream and averages
 * merits over split attempts; this tree counts each node's own weight, and compares the current
 * merits, as the paper and River do. Learning allocates only when the tree changes shape. Not
 * thread-safe.
 */
public final class ExtremelyFastDecisionTree extends HoeffdingTreeVariant {

  final int reevaluationPeriod;
  long revisions;

  private ExtremelyFastDecisionTree(HoeffdingTree tree, int reevaluationPeriod) {
    super(tree);
    this.reevaluationPeriod = reevaluationPeriod;
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
    tree.beginRow(x);
    Split parent = null;
    int branch = -1;
    Node node = tree.root;
    while (node instanceof Split) {
      Split split = (Split) node;
      Leaf statistics = split.statistics;
      tree.addStatistics(statistics, x, label, weight);
      double seen = statistics.totalWeight();
      if (seen - statistics.weightAtLastEvaluation >= reevaluationPeriod) {
        statistics.weightAtLastEvaluation = seen;
        if (tree.reevaluate(split, parent, branch)) {
          revisions++;
          return;
        }
      }
      int next = split.descend(x, weight);
      parent = split;
      branch = next;
      node = split.children[next];
    }
    tree.learnAtLeaf((Leaf) node, parent, branch, x, label, weight);
  }

  /** Splits replaced by a better split or by a leaf since the tree was made or reset. */
  public long revisions() {
    return revisions;
  }

  @Override
  public void reset() {
    tree.reset();
    revisions = 0;
  }

  @Override
  public ExtremelyFastDecisionTree copy() {
    ExtremelyFastDecisionTree copy = new ExtremelyFastDecisionTree(tree.copy(),
        reevaluationPeriod);
    copy.revisions = revisions;
    return copy;
  }

  /** A builder holding this tree's settings. */
  public Builder toBuilder() {
    return builder(tree.toBuilder()).reevaluationPeriod(reevaluationPeriod);
  }

  @Override
  public String toString() {
    return "ExtremelyFastDecisionTree{reevaluationPeriod=" + reevaluationPeriod + ", revisions="
        + revisions + ", tree=" + tree + "}";
  }

  /** Settings of an {@link ExtremelyFastDecisionTree}; defaults are MOA's. */
  public static final class Builder {
    private final HoeffdingTree.Builder tree;
    private int reevaluationPeriod = 2_000;

    private Builder(HoeffdingTree.Builder tree) {
      this.tree = tree;
    }

    /** Weight a split must see between re-evaluations, at least 1; default 2,000. */
    public Builder reevaluationPeriod(int reevaluationPeriod) {
      if (reevaluationPeriod < 1) {
        throw new IllegalArgumentException("reevaluationPeriod must be >= 1, got "
            + reevaluationPeriod);
      }
      this.reevaluationPeriod = reevaluationPeriod;
      return this;
    }

    /** A new, untrained tree. */
    public ExtremelyFastDecisionTree build() {
      // Through a built tree, so that the caller's builder is left as it was.
      return build(tree.build().toBuilder().anytime(true).build());
    }

    ExtremelyFastDecisionTree build(HoeffdingTree built) {
      return new ExtremelyFastDecisionTree(built, reevaluationPeriod);
    }
  }
}
