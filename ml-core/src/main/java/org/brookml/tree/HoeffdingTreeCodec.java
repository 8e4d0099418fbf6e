package org.brookml.tree;

import java.util.ArrayDeque;
import java.util.Deque;
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
 * and, with a subset, each leaf's features; versions 1 and 2 are still read.
 */
public final class HoeffdingTreeCodec extends BaseModelCodec<HoeffdingTree> {

  private static final int LEAF = 0;
  private static final int SPLIT = 1;

  /** The constructor the service loader calls. */
  public HoeffdingTreeCodec() {
    super("brook.tree.HoeffdingTree", HoeffdingTree.class, 3);
  }

  @Override
  public void write(HoeffdingTree t, SnapshotWriter out) {
    out.writeInt(t.dimension).writeInt(t.numClasses).writeInt(t.gracePeriod)
        .writeDouble(t.delta).writeDouble(t.tieThreshold).writeByte(t.criterion.ordinal())
        .writeByte(t.leafPrediction.ordinal()).writeDouble(t.nbThreshold)
        .writeInt(t.splitPoints).writeInt(t.maxDepth).writeLong(t.maxMemoryBytes)
        .writeDouble(t.minBranchFraction).writeBoolean(t.prePrune)
        .writeDouble(t.varianceSmoothing).writeInt(t.featureSubset).writeLong(t.seed);
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
        out.writeByte(SPLIT).writeInt(split.attribute).writeDouble(split.threshold);
        pending.push(split.right);
        pending.push(split.left);
      } else {
        leaves++;
        Leaf leaf = (Leaf) node;
        out.writeByte(LEAF).writeDoubles(leaf.classWeights)
            .writeDouble(leaf.weightAtLastEvaluation).writeDouble(leaf.majorityCorrect)
            .writeDouble(leaf.naiveBayesCorrect);
        GaussianCellsCodec.write(leaf.stats, out);
        if (t.featureSubset > 0) {
          writeAllowed(leaf.allowed, out);
        }
      }
    }
    if (leaves != t.leafCount) {
      throw inconsistent(t, "it counts " + t.leafCount + " leaves but has " + leaves);
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
    int dimension = in.readInt("dimension", 1, SizeLimits.MAX_DIMENSION);
    int numClasses = in.readInt("numClasses", 2, SizeLimits.MAX_CLASSES);
    SizeLimits.cells("numClasses x dimension", numClasses, dimension);
    // Building the tree makes its first leaf: the bytes must hold at least one leaf's cells.
    GaussianCellsCodec.requireReadable(in, numClasses, dimension);
    HoeffdingTree t = HoeffdingTree.builder(dimension, numClasses)
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
        .seed(stateVersion >= 3 ? in.readLong("seed") : 1).build();
    t.samplesSeen = in.readLong("samplesSeen", 0);
    int leafCount = in.readInt("leafCount", 1, t.maxLeaves());
    long drawState = stateVersion >= 3 ? in.readLong("feature draw state") : t.random.state();
    int[] leavesRead = {0};
    // Pre-order, as written, without recursion: each split waits on the stack for its children.
    t.root = readNode(t, 0, in, leavesRead);
    Deque<Split> waiting = new ArrayDeque<>();
    if (t.root instanceof Split) {
      waiting.push((Split) t.root);
    }
    while (!waiting.isEmpty()) {
      Split parent = waiting.peek();
      Node child = readNode(t, parent.depth + 1, in, leavesRead);
      if (parent.left == null) {
        parent.left = child;
      } else {
        parent.right = child;
        waiting.pop();
      }
      if (child instanceof Split) {
        waiting.push((Split) child);
      }
    }
    if (leavesRead[0] != leafCount) {
      throw in.error("leafCount", "is " + leafCount + " but the tree has " + leavesRead[0]
          + " leaves");
    }
    t.leafCount = leafCount;
    t.random.setState(drawState); // after the leaves, whose making drew from it
    return t;
  }

  /** One node; a split comes without its children, which follow it in the bytes. */
  private static Node readNode(HoeffdingTree t, int depth, SnapshotReader in, int[] leavesRead) {
    if (depth > t.maxDepth) {
      throw in.error("node", "lies at depth " + depth + ", deeper than maxDepth " + t.maxDepth);
    }
    int kind = in.readByte("node kind", 2);
    if (kind == SPLIT) {
      int attribute = in.readInt("split attribute", 0, t.dimension - 1);
      double threshold = in.readFiniteDouble("split threshold");
      return new Split(depth, attribute, threshold, null, null);
    }
    if (++leavesRead[0] > t.maxLeaves()) {
      throw in.error("node", "is leaf " + leavesRead[0] + ", more than the tree's budget of "
          + t.maxLeaves());
    }
    double[] classWeights = in.readDoubles("leaf class weights", t.numClasses, true);
    GaussianCellsCodec.requireReadable(in, t.numClasses(), t.dimension());
    Leaf leaf = t.newLeaf(depth);
    for (int c = 0; c < t.numClasses; c++) {
      if (classWeights[c] < 0) {
        throw in.error("leaf class weights", "holds a negative weight " + classWeights[c]);
      }
    }
    System.arraycopy(classWeights, 0, leaf.classWeights, 0, t.numClasses);
    leaf.weightAtLastEvaluation = in.readFiniteDouble("leaf weight at last evaluation");
    leaf.majorityCorrect = in.readFiniteDouble("leaf majority-class hits");
    leaf.naiveBayesCorrect = in.readFiniteDouble("leaf naive Bayes hits");
    GaussianCellsCodec.read(in, leaf.stats);
    if (t.featureSubset > 0) {
      leaf.allowed = readAllowed(t, in);
    }
    return leaf;
  }
}
