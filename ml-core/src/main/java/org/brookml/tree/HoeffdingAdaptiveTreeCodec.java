package org.brookml.tree;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.io.Snapshots;

/**
 * Writes and reads {@link HoeffdingAdaptiveTree} snapshots: the adaptive settings, the Poisson
 * stream's state and the alternate counters, then the tree as a {@link HoeffdingTreeCodec} version
 * 4 tree whose splits also carry their error record and alternate leaf. Found by the service
 * loader; use {@link Snapshots}.
 */
public final class HoeffdingAdaptiveTreeCodec extends BaseModelCodec<HoeffdingAdaptiveTree> {

  private static final int TREE_VERSION = 4;

  /** The constructor the service loader calls. */
  public HoeffdingAdaptiveTreeCodec() {
    super("brook.tree.HoeffdingAdaptiveTree", HoeffdingAdaptiveTree.class, 1);
  }

  @Override
  public void write(HoeffdingAdaptiveTree t, SnapshotWriter out) {
    out.writeDouble(t.driftDelta).writeDouble(t.switchSignificance)
        .writeInt(t.driftWindowThreshold).writeBoolean(t.bootstrap).writeLong(t.seed)
        .writeLong(t.random.state()).writeLong(t.alternatesStarted)
        .writeLong(t.alternatesSwitched).writeLong(t.alternatesPruned);
    HoeffdingTreeCodec.writeTree(t.tree, out, true);
  }

  @Override
  public HoeffdingAdaptiveTree read(SnapshotReader in, int stateVersion) {
    double driftDelta = in.readDouble("driftDelta");
    double switchSignificance = in.readDouble("switchSignificance");
    int driftWindowThreshold = in.readInt("driftWindowThreshold", 0, Integer.MAX_VALUE);
    boolean bootstrap = in.readBoolean("bootstrap");
    long seed = in.readLong("seed");
    long drawState = in.readLong("draw state");
    long started = in.readLong("alternatesStarted", 0);
    long switched = in.readLong("alternatesSwitched", 0);
    long pruned = in.readLong("alternatesPruned", 0);
    HoeffdingTree tree = HoeffdingTreeCodec.readTree(in, TREE_VERSION, true, false);
    HoeffdingAdaptiveTree t;
    try {
      t = HoeffdingAdaptiveTree.builder(tree.toBuilder()).driftDelta(driftDelta)
          .switchSignificance(switchSignificance).driftWindowThreshold(driftWindowThreshold)
          .bootstrap(bootstrap).seed(seed).build(tree);
    } catch (IllegalArgumentException e) {
      throw in.error("settings", e.getMessage());
    }
    t.random.setState(drawState);
    t.alternatesStarted = started;
    t.alternatesSwitched = switched;
    t.alternatesPruned = pruned;
    return t;
  }
}
