package org.brookml.ensemble;

import org.brookml.drift.Adwin;
import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.io.Snapshots;
import org.brookml.learner.SizeLimits;
import org.brookml.tree.HoeffdingTree;

/**
 * Writes and reads {@link AdaptiveRandomForest} snapshots: the settings (the trees' settings as
 * an untrained tree, size, feature subset, lambda, detector confidences, weighted vote, seed),
 * then the draw state and counters, then each tree with its detectors, background tree and
 * accuracy counts. Found by the service loader; use {@link Snapshots}.
 */
public final class AdaptiveRandomForestCodec extends BaseModelCodec<AdaptiveRandomForest> {

  /** The constructor the service loader calls. */
  public AdaptiveRandomForestCodec() {
    super("brook.ensemble.AdaptiveRandomForest", AdaptiveRandomForest.class, 1);
  }

  @Override
  public void write(AdaptiveRandomForest f, SnapshotWriter out) {
    out.writeModel(f.prototype).writeInt(f.members.length).writeInt(f.featureSubset)
        .writeDouble(f.lambda).writeDouble(f.warningDelta).writeDouble(f.driftDelta)
        .writeBoolean(f.weightedVote).writeLong(f.seed);
    out.writeLong(f.random.state()).writeLong(f.samplesSeen).writeLong(f.treesMade)
        .writeLong(f.drifts).writeLong(f.warnings);
    for (AdaptiveRandomForest.Member m : f.members) {
      out.writeModel(m.tree);
      if (m.warning != null) {
        m.warning.write(out);
      }
      if (m.drift != null) {
        m.drift.write(out);
      }
      out.writeBoolean(m.background != null);
      if (m.background != null) {
        out.writeModel(m.background);
      }
      out.writeDouble(m.scored).writeDouble(m.correct);
    }
  }

  @Override
  public AdaptiveRandomForest read(SnapshotReader in, int stateVersion) {
    HoeffdingTree prototype = in.readModel("tree settings", HoeffdingTree.class);
    int size = in.readInt("size", 1, SizeLimits.MAX_MEMBERS);
    long smallestTree = Snapshots.write(prototype).length;
    if (size * smallestTree > in.remaining()) {
      throw in.error("size", size + " trees of at least " + smallestTree + " bytes each do not "
          + "fit the " + in.remaining() + " bytes left");
    }
    AdaptiveRandomForest f;
    try {
      f = AdaptiveRandomForest.builder(prototype.dimension(), prototype.numClasses())
          .tree(prototype).size(size).featureSubset(in.readInt("featureSubset", 1,
              prototype.dimension()))
          .lambda(in.readDouble("lambda")).warningDelta(in.readDouble("warningDelta"))
          .driftDelta(in.readDouble("driftDelta")).weightedVote(in.readBoolean("weightedVote"))
          .seed(in.readLong("seed")).build();
    } catch (IllegalArgumentException e) {
      throw in.error("settings", e.getMessage());
    }
    f.random.setState(in.readLong("random state"));
    f.samplesSeen = in.readLong("samplesSeen", 0);
    f.treesMade = in.readLong("treesMade", 0);
    f.drifts = in.readLong("drifts", 0);
    f.warnings = in.readLong("warnings", 0);
    for (int i = 0; i < size; i++) {
      AdaptiveRandomForest.Member m = f.members[i];
      m.tree = tree(f, in, "tree " + i);
      m.warning = f.warningDelta > 0 ? detector(in, f.warningDelta, "warning detector " + i)
          : null;
      m.drift = f.driftDelta > 0 ? detector(in, f.driftDelta, "drift detector " + i) : null;
      m.background = in.readBoolean("has background " + i) ? tree(f, in, "background " + i)
          : null;
      m.scored = in.readFiniteDouble("scored " + i);
      m.correct = in.readFiniteDouble("correct " + i);
      if (!(m.correct >= 0 && m.correct <= m.scored)) {
        throw in.error("correct " + i, "is " + m.correct + ", outside [0, " + m.scored + "]");
      }
    }
    return f;
  }

  private static HoeffdingTree tree(AdaptiveRandomForest f, SnapshotReader in, String field) {
    HoeffdingTree tree = in.readModel(field, HoeffdingTree.class);
    if (tree.dimension() != f.dimension() || tree.numClasses() != f.numClasses()) {
      throw in.error(field, "is for " + tree.dimension() + " features and " + tree.numClasses()
          + " classes, unlike the forest");
    }
    return tree;
  }

  private static Adwin detector(SnapshotReader in, double delta, String field) {
    Adwin detector = Adwin.read(in);
    if (detector.delta() != delta) {
      throw in.error(field, "has delta " + detector.delta() + ", not " + delta);
    }
    return detector;
  }
}
