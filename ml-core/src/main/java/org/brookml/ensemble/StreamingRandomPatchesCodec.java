package org.brookml.ensemble;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.io.Snapshots;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.SizeLimits;
import org.brookml.tree.HoeffdingTree;

/**
 * Writes and reads {@link StreamingRandomPatches} snapshots: the settings (the trees' settings as
 * an untrained tree, the base classifier if any, size, training method, subspace share, lambda,
 * detector confidences, weighted vote, seed, threads), then the members
 * ({@link ForestMembersCodec}: each with its subspace, random stream, counts, model, detectors,
 * background and accuracy). Found by the service loader; use {@link Snapshots}.
 */
public final class StreamingRandomPatchesCodec extends BaseModelCodec<StreamingRandomPatches> {

  /** The constructor the service loader calls. */
  public StreamingRandomPatchesCodec() {
    super("brook.ensemble.StreamingRandomPatches", StreamingRandomPatches.class, 1);
  }

  @Override
  public void write(StreamingRandomPatches f, SnapshotWriter out) {
    out.writeModel(f.tree).writeBoolean(f.base != null);
    if (f.base != null) {
      out.writeModel(f.base);
    }
    out.writeInt(f.members.length).writeByte(f.method.ordinal()).writeInt(f.subspacePercent)
        .writeDouble(f.lambda).writeDouble(f.warningDelta).writeDouble(f.driftDelta)
        .writeBoolean(f.weightedVote).writeLong(f.seed).writeInt(f.threads);
    ForestMembersCodec.write(f, out);
  }

  @Override
  public StreamingRandomPatches read(SnapshotReader in, int stateVersion) {
    HoeffdingTree tree = in.readModel("tree settings", HoeffdingTree.class);
    OnlineClassifier base = in.readBoolean("has a base classifier")
        ? in.readModel("base classifier", OnlineClassifier.class) : null;
    int size = in.readInt("size", 1, SizeLimits.MAX_MEMBERS);
    StreamingRandomPatches f;
    try {
      StreamingRandomPatches.Builder b = StreamingRandomPatches.builder(tree.dimension(),
          tree.numClasses()).tree(tree).size(1)
          .trainingMethod(StreamingRandomPatches.TrainingMethod.values()[in.readByte(
              "training method", StreamingRandomPatches.TrainingMethod.values().length)])
          .subspacePercent(in.readInt("subspacePercent", 1, 100))
          .lambda(in.readDouble("lambda")).warningDelta(in.readDouble("warningDelta"))
          .driftDelta(in.readDouble("driftDelta")).weightedVote(in.readBoolean("weightedVote"))
          .seed(in.readLong("seed")).threads(in.readInt("threads", 1, 256));
      if (base != null) {
        b.base(base);
      }
      // One member first: the bytes must hold every member before all are made.
      long smallest = Snapshots.write(b.build().member(0)).length;
      if (size * smallest > in.remaining()) {
        throw in.error("size", size + " members of at least " + smallest + " bytes each do not "
            + "fit the " + in.remaining() + " bytes left");
      }
      f = b.size(size).build();
    } catch (IllegalArgumentException e) {
      throw in.error("settings", e.getMessage());
    }
    ForestMembersCodec.read(f, in, f.subspaceSize,
        f.base != null ? f.base.getClass() : HoeffdingTree.class);
    return f;
  }
}
