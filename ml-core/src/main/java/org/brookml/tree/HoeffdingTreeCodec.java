package org.brookml.tree;

import java.util.ArrayDeque;
import java.util.Deque;
import org.brookml.drift.Adwin;
import org.brookml.internal.io.GaussianCellsCodec;
import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.SizeLimits;
import org.brookml.tree.HoeffdingTree.Leaf;
import org.brookml.tree.HoeffdingTree.Node;
import org.brookml.tree.HoeffdingTree.Split;

/**
 * Snapshot layout of a {@link HoeffdingTree}: settings, counters, then the nodes in preorder.
 * Version 3 adds the feature-subset size and seed to the settings, the draw state to the counters
 * and, with a subset, each leaf's features. Version 4 adds the nominal features (count, then each
 * feature's index and values) and the binary-split setting, the nominal split kinds, each split's
 * branch weights and class weights and each leaf's nominal tables. Versions 1 to 3 are still
 * read (their splits answer nothing for a child that has seen nothing, as they did).
 */
public final class HoeffdingTreeCodec extends BaseModelCodec<HoeffdingTree> {

  private static final int LEAF = 0;

  /** The constructor the service loader calls. */
  public HoeffdingTreeCodec() {
    super("brook.tree.HoeffdingTree", HoeffdingTree.class, 4);
  }

  @Override
  public void write(HoeffdingTree t, SnapshotWriter out) {
    writeTree(t, out, false);
  }

  /**
   * Writes the tree; {@code adaptive} (a {@link HoeffdingAdaptiveTree}'s tree) adds each split's
   * error record if it has one and alternate leaf if it has one, with that leaf's error record.
   */
  static void writeTree(HoeffdingTree t, SnapshotWriter out, boolean adaptive) {
    out.writeInt(t.dimension).writeInt(t.numClasses).writeInt(t.gracePeriod)
        .writeDouble(t.delta).writeDouble(t.tieThreshold).writeByte(t.criterion.ordinal())
        .writeByte(t.leafPrediction.ordinal()).writeDouble(t.nbThreshold)
        .writeInt(t.splitPoints).writeInt(t.maxDepth).writeLong(t.maxMemoryBytes)
        .writeDouble(t.minBranchFraction).writeBoolean(t.prePrune)
        .writeDouble(t.varianceSmoothing).writeInt(t.featureSubset).writeLong(t.seed);
    int nominal = 0;
    for (int values : t.nominalValues) {
      nominal += values > 0 ? 1 : 0;
    }
    out.writeInt(nominal);
    for (int j = 0; j < t.dimension; j++) {
      if (t.nominalValues[j] > 0) {
        out.writeInt(j).writeInt(t.nominalValues[j]);
      }
    }
    out.writeBoolean(t.binaryNominalSplits);
    out.writeLong(t.samplesSeen).writeInt(t.leafCount).writeLong(t.random.state());
    // Nodes in pre-order (a split, its left subtree, its right subtree), without recursion: a
    // tree may be thousands of levels deep.
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(t.root);
    int leaves = 0;
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (node == null || node.depth > t.maxDepth) {
        throw inconsistent(t, "a node is missing or lies below maxDepth");
      }
      if (node instanceof Split) {
        Split split = (Split) node;
        out.writeByte(split.kind).writeInt(split.attribute);
        if (split.kind == Split.NUMERIC) {
          out.writeDouble(split.threshold);
        } else if (split.kind == Split.NOMINAL_BINARY) {
          out.writeInt(split.value);
        }
        out.writeDoubles(split.branchWeights).writeDoubles(split.classWeights);
        if (adaptive) {
          writeErrors(split.errors, out);
          out.writeBoolean(split.alternate != null);
          if (split.alternate != null) {
            leaves++;
            writeLeaf(t, split.alternate, out);
            split.alternate.errors.write(out);
          }
        }
        if (t.anytime) {
          if (split.statistics == null) {
            throw inconsistent(t, "a split keeps no statistics");
          }
          writeLeaf(t, split.statistics, out);
        }
        for (int b = split.children.length - 1; b >= 0; b--) {
          pending.push(split.children[b]);
        }
      } else {
        leaves++;
        writeLeaf(t, (Leaf) node, out);
      }
    }
    if (leaves != t.leafCount) {
      throw inconsistent(t, "it counts " + t.leafCount + " leaves but has " + leaves);
    }
  }

  private static void writeLeaf(HoeffdingTree t, Leaf leaf, SnapshotWriter out) {
    out.writeByte(LEAF).writeDoubles(leaf.classWeights)
        .writeDouble(leaf.weightAtLastEvaluation).writeDouble(leaf.majorityCorrect)
        .writeDouble(leaf.naiveBayesCorrect);
    GaussianCellsCodec.write(leaf.stats, out);
    if (t.featureSubset > 0) {
      writeAllowed(leaf.allowed, out);
    }
    for (int j = 0; j < t.dimension; j++) {
      if (t.nominalValues[j] > 0) {
        out.writeDoubles(leaf.nominalCounts[j]).writeDoubles(leaf.nominalObserved[j]);
      }
    }
  }

  private static void writeErrors(Adwin errors, SnapshotWriter out) {
    out.writeBoolean(errors != null);
    if (errors != null) {
      errors.write(out);
    }
  }

  private static void writeAllowed(boolean[] allowed, SnapshotWriter out) {
    byte[] bits = new byte[allowed.length];
    for (int j = 0; j < allowed.length; j++) {
      bits[j] = (byte) (allowed[j] ? 1 : 0);
    }
    out.writeBytes(bits);
  }

  private static boolean[] readAllowed(HoeffdingTree t, SnapshotReader in) {
    byte[] bits = in.readBytes("leaf features");
    if (bits.length != t.dimension) {
      throw in.error("leaf features", "has " + bits.length + " flags, expected " + t.dimension);
    }
    boolean[] allowed = new boolean[t.dimension];
    int count = 0;
    for (int j = 0; j < bits.length; j++) {
      if (bits[j] != 0 && bits[j] != 1) {
        throw in.error("leaf features", "holds " + bits[j] + ", not 0 or 1");
      }
      allowed[j] = bits[j] == 1;
      count += bits[j];
    }
    if (count != t.featureSubset) {
      throw in.error("leaf features", "allows " + count + " features, not " + t.featureSubset);
    }
    return allowed;
  }

  /**
   * A tree whose parts disagree cannot be restored, so it is not written: the usual cause is two
   * threads learning one tree at once (instances are not thread-safe).
   */
  private static IllegalStateException inconsistent(HoeffdingTree t, String problem) {
    return new IllegalStateException("the tree's state is inconsistent (" + problem + "); was it "
        + "changed by two threads at once? A snapshot of it could not be restored, so none is "
        + "written: " + t);
  }

  @Override
  public HoeffdingTree read(SnapshotReader in, int stateVersion) {
    return readTree(in, stateVersion, false, false);
  }

  /**
   * Reads a tree {@link #writeTree} wrote with the same {@code adaptive}; {@code anytime} (an
   * {@link ExtremelyFastDecisionTree}'s tree) reads each split's statistics too.
   */
  static HoeffdingTree readTree(SnapshotReader in, int stateVersion, boolean adaptive,
      boolean anytime) {
    int dimension = in.readInt("dimension", 1, SizeLimits.MAX_DIMENSION);
    int numClasses = in.readInt("numClasses", 2, SizeLimits.MAX_CLASSES);
    SizeLimits.cells("numClasses x dimension", numClasses, dimension);
    // Building the tree makes its first leaf: the bytes must hold at least one leaf's cells.
    GaussianCellsCodec.requireReadable(in, numClasses, dimension);
    HoeffdingTree.Builder b = HoeffdingTree.builder(dimension, numClasses)
        .gracePeriod(in.readInt("gracePeriod")).delta(in.readDouble("delta"))
        .tieThreshold(in.readDouble("tieThreshold"))
        .splitCriterion(HoeffdingTree.SplitCriterion.values()[in.readByte("criterion",
            HoeffdingTree.SplitCriterion.values().length)])
        .leafPrediction(HoeffdingTree.LeafPrediction.values()[in.readByte("leafPrediction",
            HoeffdingTree.LeafPrediction.values().length)])
        .naiveBayesThreshold(in.readDouble("nbThreshold")).splitPoints(in.readInt("splitPoints"))
        .maxDepth(in.readInt("maxDepth")).maxMemoryBytes(in.readLong("maxMemoryBytes"))
        .minBranchFraction(in.readDouble("minBranchFraction"))
        .prePrune(in.readBoolean("prePrune"))
        // Version 1 predates variance smoothing: its leaves used the point-mass rule.
        .varianceSmoothing(stateVersion >= 2 ? in.readDouble("varianceSmoothing") : 0)
        // Version 3 added random feature subsets: before it, every leaf used all features.
        .featureSubset(stateVersion >= 3 ? in.readInt("featureSubset", 0, dimension) : 0)
        .seed(stateVersion >= 3 ? in.readLong("seed") : 1);
    if (stateVersion >= 4) {
      readNominal(in, b, dimension, numClasses);
    }
    HoeffdingTree t = b.anytime(anytime).build();
    t.samplesSeen = in.readLong("samplesSeen", 0);
    int leafCount = in.readInt("leafCount", 1, t.maxLeaves());
    long drawState = stateVersion >= 3 ? in.readLong("feature draw state") : t.random.state();
    NodeReader nodes = new NodeReader(t, in, stateVersion, adaptive);
    // Pre-order, as written, without recursion: each split waits on the stack for its children,
    // with the index of the next one.
    t.root = nodes.read(0);
    Deque<Split> waiting = new ArrayDeque<>();
    Deque<int[]> nextChild = new ArrayDeque<>();
    if (t.root instanceof Split) {
      waiting.push((Split) t.root);
      nextChild.push(new int[1]);
    }
    while (!waiting.isEmpty()) {
      Split parent = waiting.peek();
      int[] next = nextChild.peek();
      Node child = nodes.read(parent.depth + 1);
      parent.children[next[0]++] = child;
      if (next[0] == parent.children.length) {
        waiting.pop();
        nextChild.pop();
      }
      if (child instanceof Split) {
        waiting.push((Split) child);
        nextChild.push(new int[1]);
      }
    }
    if (nodes.leavesRead != leafCount) {
      throw in.error("leafCount", "is " + leafCount + " but the tree has " + nodes.leavesRead
          + " leaves");
    }
    t.leafCount = leafCount;
    t.random.setState(drawState); // after the leaves, whose making drew from it
    return t;
  }

  /** The nominal features and the binary-split setting (version 4). */
  private static void readNominal(SnapshotReader in, HoeffdingTree.Builder b, int dimension,
      int numClasses) {
    int count = in.readInt("nominal features", 0, dimension);
    int previous = -1;
    long cells = 0;
    for (int k = 0; k < count; k++) {
      int j = in.readInt("nominal feature", previous + 1, dimension - 1);
      int values = in.readInt("values of feature " + j, 2, SizeLimits.MAX_NOMINAL_VALUES);
      b.nominal(j, values);
      cells += (long) numClasses * (values + 1);
      previous = j;
    }
    b.binaryNominalSplits(in.readBoolean("binaryNominalSplits"));
    // Building the tree makes its first leaf, with its nominal tables.
    if (8 * cells > in.remaining()) {
      throw in.error("nominal features", "need " + 8 * cells + " bytes of tables per leaf but "
          + in.remaining() + " remain");
    }
  }

  /**
   * Reads nodes one at a time, counting leaves read and leaves promised (1, plus each split's
   * branches less one): a split is refused unless the leaves it promises fit the tree's budget
   * and the bytes left can hold them, so hostile bytes cannot make it allocate children that
   * will never come.
   */
  private static final class NodeReader {
    private final HoeffdingTree t;
    private final SnapshotReader in;
    private final int stateVersion;
    private final boolean adaptive;
    private final long minLeafBytes;
    int leavesRead;
    private long leavesPromised = 1;

    NodeReader(HoeffdingTree t, SnapshotReader in, int stateVersion, boolean adaptive) {
      this.t = t;
      this.in = in;
      this.stateVersion = stateVersion;
      this.adaptive = adaptive;
      this.minLeafBytes = 1 + 8L * 5 * t.numClasses * t.dimension + 8 * t.nominalCells();
    }

    /** One node; a split comes without its children, which follow it in the bytes. */
    Node read(int depth) {
      if (depth > t.maxDepth) {
        throw in.error("node", "lies at depth " + depth + ", deeper than maxDepth " + t.maxDepth);
      }
      int kind = in.readByte("node kind", stateVersion >= 4 ? 4 : 2);
      return kind == LEAF ? readLeaf(depth, true) : readSplit(depth, kind);
    }

    private Split readSplit(int depth, int kind) {
      int attribute = in.readInt("split attribute", 0, t.dimension - 1);
      int values = t.nominalValues[attribute];
      if ((kind == Split.NUMERIC) != (values == 0)) {
        throw in.error("split", "of kind " + kind + " does not suit feature " + attribute
            + (values == 0 ? ", which is numeric" : ", which is nominal"));
      }
      int branches = kind == Split.MULTIWAY ? values : 2;
      promise(branches - 1);
      double threshold = kind == Split.NUMERIC ? in.readFiniteDouble("split threshold") : 0;
      int value = kind == Split.NOMINAL_BINARY ? in.readInt("split value", 0, values - 1) : -1;
      Split split = new Split(depth, kind, attribute, threshold, value, branches, t.numClasses);
      if (stateVersion >= 4) {
        double[] weights = in.readDoubles("branch weights", branches, true);
        requireNonNegative(weights, "branch weights");
        System.arraycopy(weights, 0, split.branchWeights, 0, branches);
        double[] classWeights = in.readDoubles("split class weights", t.numClasses, true);
        requireNonNegative(classWeights, "split class weights");
        System.arraycopy(classWeights, 0, split.classWeights, 0, t.numClasses);
      }
      if (adaptive) {
        split.errors = readErrors();
        if (in.readBoolean("split has an alternate")) {
          promise(1);
          in.readByte("alternate kind (a leaf)", LEAF + 1);
          split.alternate = readLeaf(depth, true);
          split.alternate.errors = Adwin.read(in);
        }
      }
      if (t.anytime) {
        in.readByte("statistics kind (a leaf)", LEAF + 1);
        split.statistics = readLeaf(depth, false);
      }
      return split;
    }

    /** Counts {@code more} leaves promised, refusing more than the budget or the bytes hold. */
    private void promise(int more) {
      leavesPromised += more;
      if (leavesPromised > t.maxLeaves()
          || (leavesPromised - leavesRead) * minLeafBytes > in.remaining()) {
        throw in.error("split", "promises " + leavesPromised + " leaves, more than the budget of "
            + t.maxLeaves() + " or than the " + in.remaining() + " bytes left can hold");
      }
    }

    private Adwin readErrors() {
      return in.readBoolean("has an error record") ? Adwin.read(in) : null;
    }

    /**
     * A leaf, or ({@code counted} false) the statistics of an extremely fast decision tree's split,
     * which are no leaf of the tree: there are fewer splits than leaves.
     */
    private Leaf readLeaf(int depth, boolean counted) {
      if (counted && ++leavesRead > t.maxLeaves()) {
        throw in.error("node", "is leaf " + leavesRead + ", more than the tree's budget of "
            + t.maxLeaves());
      }
      double[] classWeights = in.readDoubles("leaf class weights", t.numClasses, true);
      requireNonNegative(classWeights, "leaf class weights");
      if (minLeafBytes > in.remaining() + 1) {
        throw in.error("leaf", "needs " + minLeafBytes + " bytes but " + in.remaining()
            + " remain");
      }
      Leaf leaf = t.newLeaf(depth);
      System.arraycopy(classWeights, 0, leaf.classWeights, 0, t.numClasses);
      leaf.weightAtLastEvaluation = in.readFiniteDouble("leaf weight at last evaluation");
      leaf.majorityCorrect = in.readFiniteDouble("leaf majority-class hits");
      leaf.naiveBayesCorrect = in.readFiniteDouble("leaf naive Bayes hits");
      GaussianCellsCodec.read(in, leaf.stats);
      if (t.featureSubset > 0) {
        leaf.allowed = readAllowed(t, in);
      }
      for (int j = 0; j < t.dimension; j++) {
        int values = t.nominalValues[j];
        if (values > 0) {
          double[] counts = in.readDoubles("leaf nominal weights", t.numClasses * values, true);
          double[] observed = in.readDoubles("leaf nominal totals", t.numClasses, true);
          requireNonNegative(counts, "leaf nominal weights");
          requireNonNegative(observed, "leaf nominal totals");
          System.arraycopy(counts, 0, leaf.nominalCounts[j], 0, counts.length);
          System.arraycopy(observed, 0, leaf.nominalObserved[j], 0, observed.length);
        }
      }
      return leaf;
    }

    private void requireNonNegative(double[] weights, String field) {
      for (double w : weights) {
        if (w < 0) {
          throw in.error(field, "holds a negative weight " + w);
        }
      }
    }
  }
}
