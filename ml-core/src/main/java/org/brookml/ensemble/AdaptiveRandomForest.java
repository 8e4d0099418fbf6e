package org.brookml.ensemble;

import java.util.Objects;
import org.brookml.internal.random.SplitMix64;
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
 * <p>Each tree draws its leaves' features from a seed of its own, drawn from its member's random
 * stream, so the same seed gives the same forest. With {@link Builder#threads} above 1 the trees
 * learn and vote on that many threads, giving the same forest bit for bit. Not thread-safe
 * (one caller at a time).
 */
public final class AdaptiveRandomForest extends DriftAwareForest {

  final HoeffdingTree prototype;
  final int featureSubset;

  private AdaptiveRandomForest(Builder b) {
    super(b, true, false);
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
    reset();
  }

  /** A builder for rows of {@code dimension} features and {@code numClasses} classes. */
  public static Builder builder(int dimension, int numClasses) {
    return new Builder(dimension, numClasses);
  }

  /** A fresh tree whose leaves draw their features from a seed of the member's stream. */
  @Override
  Learner newLearner(SplitMix64 random) {
    return new Learner(prototype.toBuilder().featureSubset(featureSubset)
        .seed(random.nextLong()).build(), null);
  }

  @Override
  boolean membersAcceptMissing() {
    return prototype.acceptsMissingValues();
  }

  @Override
  void requireMemberRow(double[] x) {
    prototype.requireRow(x);
  }

  @Override
  void requireMemberWeight(double weight) {
    prototype.requireLearnableWeight(weight);
  }

  /** Tree {@code m} in use; read it, do not train it. */
  public HoeffdingTree tree(int m) {
    return (HoeffdingTree) members[Objects.checkIndex(m, members.length)].learner.model;
  }

  /** Features each leaf may split on. */
  public int featureSubset() {
    return featureSubset;
  }

  @Override
  public int dimension() {
    return prototype.dimension();
  }

  @Override
  public AdaptiveRandomForest copy() {
    return copyStateInto(toBuilder().build());
  }

  /** A builder preset with this forest's settings. */
  public Builder toBuilder() {
    return withSettings(builder(dimension(), numClasses()).tree(prototype)
        .featureSubset(featureSubset));
  }

  @Override
  public String toString() {
    return "AdaptiveRandomForest{" + describeSettings() + ", featureSubset=" + featureSubset
        + ", tree=" + prototype + "}";
  }

  /**
   * Settings of an {@link AdaptiveRandomForest}; defaults are MOA's ARF's (100 trees, lambda 6,
   * warning ADWIN 0.01, drift ADWIN 0.001, weighted votes).
   */
  public static final class Builder extends DriftAwareForest.Builder<Builder> {
    private HoeffdingTree tree;
    private int featureSubset;

    private Builder(int dimension, int numClasses) {
      super(dimension, numClasses, 0.01, 0.001);
    }

    /**
     * The trees' settings (their feature subset and seed are the forest's); default: grace
     * period 50, split confidence 0.01, the rest the tree's defaults.
     */
    public Builder tree(HoeffdingTree tree) {
      this.tree = Objects.requireNonNull(tree, "tree");
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

    /** A new, untrained forest; fails fast on a bad setting. */
    public AdaptiveRandomForest build() {
      return new AdaptiveRandomForest(this);
    }
  }
}
