package org.brookml.tree;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.io.Snapshots;

/**
 * Writes and reads {@link ExtremelyFastDecisionTree} snapshots: the re-evaluation period and the
 * revision count, then the tree as a {@link HoeffdingTreeCodec} version 4 tree whose splits also
 * carry their statistics (as a leaf). Found by the service loader; use {@link Snapshots}.
 */
public final class ExtremelyFastDecisionTreeCodec
    extends BaseModelCodec<ExtremelyFastDecisionTree> {

  private static final int TREE_VERSION = 4;

  /** The constructor the service loader calls. */
  public ExtremelyFastDecisionTreeCodec() {
    super("brook.tree.ExtremelyFastDecisionTree", ExtremelyFastDecisionTree.class, 1);
  }

  @Override
  public void write(ExtremelyFastDecisionTree t, SnapshotWriter out) {
    out.writeInt(t.reevaluationPeriod).writeLong(t.revisions);
    HoeffdingTreeCodec.writeTree(t.tree, out, false);
  }

  @Override
  public ExtremelyFastDecisionTree read(SnapshotReader in, int stateVersion) {
    int period = in.readInt("reevaluationPeriod", 1, Integer.MAX_VALUE);
    long revisions = in.readLong("revisions", 0);
    HoeffdingTree tree = HoeffdingTreeCodec.readTree(in, TREE_VERSION, false, true);
    ExtremelyFastDecisionTree t = ExtremelyFastDecisionTree.builder(tree.toBuilder())
        .reevaluationPeriod(period).build(tree);
    t.revisions = revisions;
    return t;
  }
}
