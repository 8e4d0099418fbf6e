package org.brookml.ensemble;

import java.util.Arrays;
import java.util.Objects;
import org.brookml.internal.random.SplitMix64;
import org.brookml.learner.InputChecks;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.SizeLimits;
import org.brookml.tree.HoeffdingTree;

/**
 * Streaming random patches (Gomes, Read and Bifet, "Streaming Random Patches for Evolving Data
 * Stream Classification", ICDM 2019), as MOA's {@code StreamingRandomPatches}: each member learns
 * on a random subspace of the features, fixed for the member's life, with Poisson(6) weights
 * (random patches, the default; {@link TrainingMethod#RANDOM_SUBSPACES} learns every example with
 * its own weight, {@link TrainingMethod#RESAMPLING} uses all features); warning (ADWIN, 1e-4) and
 * drift (ADWIN, 1e-5) detectors per member with background members, and votes weighed by each
 * member's accuracy since it started, as in {@link AdaptiveRandomForest}. A subspace holds
 * {@code round(d * subspacePercent / 100)} features (at least 1), 60% by default. As in MOA, with
 * up to 20 features the members start on distinct subspaces while there are enough: all of them
 * in turn when there are no more than members, else drawn without replacement (from a stream of
 * the seed's own); with more features each member draws its own. Background and replacement
 * members always draw their own.
 *
 * <p>Members are Hoeffding trees over their subspace by default (MOA's settings: grace period 50,
 * split confidence 0.01), their nominal features kept; {@link Builder#base} takes any classifier
 * over as many features as a subspace holds instead. Each member has its own random stream, so
 * the same seed gives the same model, and {@link Builder#threads} above 1 gives the same model bit
 * for bit. Not thread-safe (one caller at a time).
 */
public final class StreamingRandomPatches extends DriftAwareForest {

  /** Mixed into the seed for the stream that draws the first subspaces. */
  private static final long SUBSPACE_STREAM = 0x5DEECE66DL;

  /** How members are trained. */
  public enum TrainingMethod {
    /** Random subspaces and Poisson(lambda) weights (the paper's and MOA's default). */
    RANDOM_PATCHES,
    /** Random subspaces; every example learned with its own weight. */
    RANDOM_SUBSPACES,
    /** All features, Poisson(lambda) weights (online bagging with drift detection). */
    RESAMPLING
  }

  final HoeffdingTree tree;
  final OnlineClassifier base;
  final TrainingMethod method;
  final int subspacePercent;
  final int subspaceSize;
  /** A row's nominal values for the row check of non-tree members: none. */
  private final int[] numericRow;
  /** The members' first subspaces when the forest assigns them ({@link Subspaces}), else null. */
  private final int[][] firstSubspaces;

  private StreamingRandomPatches(Builder b) {
    super(b, b.method != TrainingMethod.RANDOM_SUBSPACES, true);
    this.method = b.method;
    this.subspacePercent = SizeLimits.within("subspacePercent", b.subspacePercent, 1, 100);
    int k = b.method == TrainingMethod.RESAMPLING ? b.dimension
        : Math.max(1, (int) Math.round(b.dimension * b.subspacePercent / 100.0));
    if (b.base != null) {
      if (b.base.numClasses() != b.numClasses) {
        throw new IllegalArgumentException("the base classifier has " + b.base.numClasses()
            + " classes, not " + b.numClasses);
      }
      k = b.base.dimension();
      if (k > b.dimension || (b.method == TrainingMethod.RESAMPLING && k != b.dimension)) {
        throw new IllegalArgumentException("the base classifier takes " + k + " features; a "
            + "row has " + b.dimension + (b.method == TrainingMethod.RESAMPLING
            ? ", and resampling uses them all" : ""));
      }
    }
    this.subspaceSize = k;
    this.base = b.base == null ? null : b.base.copy();
    if (this.base != null) {
      this.base.reset();
    }
    HoeffdingTree t = b.tree != null ? b.tree
        : HoeffdingTree.builder(b.dimension, b.numClasses).gracePeriod(50).delta(0.01).build();
    if (t.dimension() != b.dimension || t.numClasses() != b.numClasses) {
      throw new IllegalArgumentException("the tree settings are for " + t.dimension()
          + " features and " + t.numClasses() + " classes, not " + b.dimension + " and "
          + b.numClasses);
    }
    this.tree = t.toBuilder().featureSubset(0).build();
    this.numericRow = new int[b.dimension];
    this.firstSubspaces = Subspaces.firstSubspaces(b.dimension, k, b.size,
        new SplitMix64(seed ^ SUBSPACE_STREAM));
    reset();
  }

  /** A builder for rows of {@code dimension} features and {@code numClasses} classes. */
  public static Builder builder(int dimension, int numClasses) {
    return new Builder(dimension, numClasses);
  }

  @Override
  Learner newLearner(SplitMix64 random) {
    return learnerOver(subspaceSize == dimension() ? null : randomSubspace(random));
  }

  /** Member {@code m}'s first learner: over its subspace when the forest assigned them. */
  @Override
  Learner firstLearner(int m, SplitMix64 random) {
    return firstSubspaces != null ? learnerOver(firstSubspaces[m]) : newLearner(random);
  }

  private Learner learnerOver(int[] features) {
    OnlineClassifier model;
    if (base != null) {
      model = base.copy();
    } else {
      model = features == null ? tree.copy() : tree.toBuilder(features).build();
    }
    return new Learner(model, features);
  }

  /** {@code subspaceSize} distinct features drawn uniformly, in increasing order. */
  private int[] randomSubspace(SplitMix64 random) {
    int[] order = allFeatures();
    random.sampleInPlace(order, order.length, subspaceSize);
    int[] features = Arrays.copyOf(order, subspaceSize);
    Arrays.sort(features);
    return features;
  }

  @Override
  boolean membersAcceptMissing() {
    return base == null ? tree.acceptsMissingValues() : base.acceptsMissingValues();
  }

  /** The tree's check, or for other members rows of the model's dimension (NaN as they take it). */
  @Override
  void requireMemberRow(double[] x) {
    if (base == null) {
      tree.requireRow(x);
    } else if (base.acceptsMissingValues()) {
      InputChecks.requireRowOrMissing(x, numericRow);
    } else {
      InputChecks.requireExample(x, numericRow.length);
    }
  }

  @Override
  void requireMemberWeight(double weight) {
    (base == null ? tree : base).requireLearnableWeight(weight);
  }

  /** Member {@code m}'s model in use; read it, do not train it. */
  public OnlineClassifier member(int m) {
    return members[Objects.checkIndex(m, members.length)].learner.model;
  }

  /** The features member {@code m} sees, in increasing order (a copy). */
  public int[] subspace(int m) {
    int[] features = members[Objects.checkIndex(m, members.length)].learner.features;
    return features == null ? allFeatures() : features.clone();
  }

  private int[] allFeatures() {
    int[] all = new int[dimension()];
    for (int j = 0; j < all.length; j++) {
      all[j] = j;
    }
    return all;
  }

  /** Features in each member's subspace. */
  public int subspaceSize() {
    return subspaceSize;
  }

  @Override
  public int dimension() {
    return tree.dimension();
  }

  @Override
  public StreamingRandomPatches copy() {
    return copyStateInto(toBuilder().build());
  }

  /** A builder preset with this model's settings. */
  public Builder toBuilder() {
    Builder b = withSettings(builder(dimension(), numClasses()).tree(tree)
        .trainingMethod(method).subspacePercent(subspacePercent));
    return base == null ? b : b.base(base);
  }

  @Override
  public String toString() {
    return "StreamingRandomPatches{" + describeSettings() + ", trainingMethod=" + method
        + ", subspaceSize=" + subspaceSize + ", " + (base != null ? "base=" + base
        : "tree=" + tree) + "}";
  }

  /**
   * Settings of {@link StreamingRandomPatches}; defaults are MOA's (100 members, random patches
   * of 60% of the features, lambda 6, warning ADWIN 1e-4, drift ADWIN 1e-5, weighted votes).
   */
  public static final class Builder extends DriftAwareForest.Builder<Builder> {
    private HoeffdingTree tree;
    private OnlineClassifier base;
    private TrainingMethod method = TrainingMethod.RANDOM_PATCHES;
    private int subspacePercent = 60;

    private Builder(int dimension, int numClasses) {
      super(dimension, numClasses, 1e-4, 1e-5);
    }

    /**
     * The member trees' settings, over all the row's features (each member keeps those of its
     * subspace, nominal ones included); default: grace period 50, split confidence 0.01.
     */
    public Builder tree(HoeffdingTree tree) {
      this.tree = Objects.requireNonNull(tree, "tree");
      return this;
    }

    /**
     * Members copied from {@code base}, an untrained classifier over as many features as a
     * subspace holds (its dimension sets the subspace size); default: trees.
     */
    public Builder base(OnlineClassifier base) {
      this.base = Objects.requireNonNull(base, "base");
      return this;
    }

    /** How members are trained; default random patches. */
    public Builder trainingMethod(TrainingMethod method) {
      this.method = Objects.requireNonNull(method, "method");
      return this;
    }

    /** Share of the features in a subspace, in percent, 1 to 100; default 60. */
    public Builder subspacePercent(int subspacePercent) {
      this.subspacePercent = subspacePercent;
      return this;
    }

    /** A new, untrained model; fails fast on a bad setting. */
    public StreamingRandomPatches build() {
      return new StreamingRandomPatches(this);
    }
  }
}
