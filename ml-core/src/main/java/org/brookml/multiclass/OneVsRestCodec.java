package org.brookml.multiclass;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.OnlineClassifier;

/**
 * Writes and reads {@link OneVsRest} snapshots: the number of classes, then each member's own
 * snapshot. Found by the service loader; use {@link org.brookml.io.Snapshots}.
 */
public final class OneVsRestCodec extends BaseModelCodec<OneVsRest> {

  /** The constructor the service loader calls. */
  public OneVsRestCodec() {
    super("brook.multiclass.OneVsRest", OneVsRest.class, 1);
  }

  @Override
  public void write(OneVsRest model, SnapshotWriter out) {
    out.writeInt(model.members.length);
    for (OnlineClassifier member : model.members) {
      out.writeModel(member);
    }
  }

  @Override
  public OneVsRest read(SnapshotReader in, int stateVersion) {
    int classes = in.readInt("classes", 2, OneVsRest.MAX_CLASSES);
    if (classes > in.remaining()) {
      throw in.error("classes", classes + " members do not fit the snapshot");
    }
    OnlineClassifier[] members = new OnlineClassifier[classes];
    for (int c = 0; c < classes; c++) {
      OnlineClassifier member = in.readModel("member " + c, OnlineClassifier.class);
      if (member.numClasses() != 2 || (c > 0 && (member.getClass() != members[0].getClass()
          || member.dimension() != members[0].dimension()))) {
        throw in.error("member " + c, "is " + member + ", not a binary model like member 0");
      }
      members[c] = member;
    }
    return new OneVsRest(members);
  }
}
