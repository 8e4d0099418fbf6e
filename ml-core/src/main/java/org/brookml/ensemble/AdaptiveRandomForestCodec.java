package org.brookml.ensemble;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.io.Snapshots;
import org.brookml.learner.SizeLimits;
import org.brookml.tree.HoeffdingTree;

/**
 * Writes and reads {@link AdaptiveRandomForest} snapshots: the settings (the trees' settings as
 * an untrained tree, size, feature subset, lambda, detector confidences, weighted vote, seed,
 * threads), then the members ({@link ForestMembersCodec}: each with its own random stream,
 * counts, tree, detectors, background tree and accuracy). Version 1 (one random stream for the
 * forest) is still read: its trees, detectors and counts are restored, and each member starts a
 * fresh stream of its own. Found by the service loader; use {@link Snapshots}.
 */
public final class AdaptiveRandomForestCodec extends BaseModelCodec<AdaptiveRandomForest> {

  /** The constructor the service loader calls. */
  public AdaptiveRandomForestCodec() {
    super("brook.ensemble.AdaptiveRandomForest", AdaptiveRandomForest.class, 2);
  }

  @Override
  public void write(AdaptiveRandomForest f, SnapshotWriter out) {
    out.writeModel(f.prototype).writeInt(f.members.length).writeInt(f.featureSubset)
        .writeDouble(f.lambda).writeDouble(f.warningDelta).writeDouble(f.driftDelta)
        .writeBoolean(f.weightedVote).writeLong(f.seed).writeInt(f.threads);
    ForestMembersCodec.write(f, out);
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
          .seed(in.readLong("seed"))
          .threads(stateVersion >= 2 ? in.readInt("threads", 1, 256) : 1).build();
    } catch (IllegalArgumentException e) {
      throw in.error("settings", e.getMessage());
    }
    if (stateVersion >= 2) {
      ForestMembersCodec.read(f, in, 0, HoeffdingTree.class);
    } else {
      readVersion1Members(f, in);
    }
    return f;
  }

  private static void readVersion1Members(AdaptiveRandomForest f, SnapshotReader in) {
    in.readLong("random state"); // one stream for the forest: each member now has its own
    f.samplesSeen = in.readLong("samplesSeen", 0);
    in.readLong("treesMade", 0);
    long drifts = in.readLong("drifts", 0);
    long warnings = in.readLong("warnings", 0);
    for (int i = 0; i < f.members.length; i++) {
      DriftAwareForest.Member m = f.members[i];
      m.learner = new DriftAwareForest.Learner(ForestMembersCodec.model(f, in, "tree " + i,
          f.dimension(), HoeffdingTree.class), null);
      m.warning = f.warningDelta > 0
          ? ForestMembersCodec.detector(in, f.warningDelta, "warning detector " + i) : null;
      m.drift = f.driftDelta > 0
          ? ForestMembersCodec.detector(in, f.driftDelta, "drift detector " + i) : null;
      m.background = in.readBoolean("has background " + i) ? new DriftAwareForest.Learner(
          ForestMembersCodec.model(f, in, "background " + i, f.dimension(), HoeffdingTree.class),
          null) : null;
      ForestMembersCodec.readAccuracy(m, in, i);
    }
    f.members[0].drifts = drifts;
    f.members[0].warnings = warnings;
  }
}
