package org.brookml.ensemble;

import org.brookml.drift.Adwin;
import org.brookml.ensemble.DriftAwareForest.Learner;
import org.brookml.ensemble.DriftAwareForest.Member;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.OnlineClassifier;

/**
 * The member layout the forests' codecs share: per member its random state and counts, its
 * learner (the model, with its subspace when it has one), its detectors, its background learner
 * and its accuracy counts. Reading checks every part against the forest's settings.
 */
final class ForestMembersCodec {

  private ForestMembersCodec() {}

  /** Writes the samples seen and every member. */
  static void write(DriftAwareForest f, SnapshotWriter out) {
    out.writeLong(f.samplesSeen);
    for (Member m : f.members) {
      out.writeLong(m.random.state()).writeLong(m.drifts).writeLong(m.warnings);
      writeLearner(m.learner, out);
      if (m.warning != null) {
        m.warning.write(out);
      }
      if (m.drift != null) {
        m.drift.write(out);
      }
      out.writeBoolean(m.background != null);
      if (m.background != null) {
        writeLearner(m.background, out);
      }
      out.writeDouble(m.scored).writeDouble(m.correct);
    }
  }

  private static void writeLearner(Learner learner, SnapshotWriter out) {
    out.writeBoolean(learner.features != null);
    if (learner.features != null) {
      for (int j : learner.features) {
        out.writeInt(j);
      }
    }
    out.writeModel(learner.model);
  }

  /** Reads into {@code f} (built from the snapshot's settings) what {@link #write} wrote. */
  static void read(DriftAwareForest f, SnapshotReader in, int subspaceSize,
      Class<? extends OnlineClassifier> type) {
    f.samplesSeen = in.readLong("samplesSeen", 0);
    for (int i = 0; i < f.members.length; i++) {
      Member m = f.members[i];
      m.random.setState(in.readLong("random state " + i));
      m.drifts = in.readLong("drifts " + i, 0);
      m.warnings = in.readLong("warnings " + i, 0);
      m.learner = readLearner(f, in, "member " + i, subspaceSize, type);
      m.warning = f.warningDelta > 0 ? detector(in, f.warningDelta, "warning detector " + i)
          : null;
      m.drift = f.driftDelta > 0 ? detector(in, f.driftDelta, "drift detector " + i) : null;
      m.background = in.readBoolean("has background " + i)
          ? readLearner(f, in, "background " + i, subspaceSize, type) : null;
      readAccuracy(m, in, i);
    }
  }

  /** A member's accuracy counts, checked. */
  static void readAccuracy(Member m, SnapshotReader in, int i) {
    m.scored = in.readFiniteDouble("scored " + i);
    m.correct = in.readFiniteDouble("correct " + i);
    if (!(m.correct >= 0 && m.correct <= m.scored)) {
      throw in.error("correct " + i, "is " + m.correct + ", outside [0, " + m.scored + "]");
    }
  }

  /**
   * A learner: over all features, or over a subspace of {@code subspaceSize} distinct features
   * in increasing order; its model must fit it.
   */
  private static Learner readLearner(DriftAwareForest f, SnapshotReader in, String field,
      int subspaceSize, Class<? extends OnlineClassifier> type) {
    int[] features = null;
    if (in.readBoolean(field + " has a subspace")) {
      if (4L * subspaceSize > in.remaining()) {
        throw in.error(field + " features", subspaceSize + " do not fit the bytes left");
      }
      features = new int[subspaceSize];
      for (int k = 0; k < subspaceSize; k++) {
        features[k] = in.readInt(field + " feature", k == 0 ? 0 : features[k - 1] + 1,
            f.dimension() - 1);
      }
    }
    return new Learner(model(f, in, field, features == null ? f.dimension() : features.length,
        type), features);
  }

  /**
   * A member model of {@code type} that must take {@code dimension} features and the forest's
   * classes.
   */
  static OnlineClassifier model(DriftAwareForest f, SnapshotReader in, String field,
      int dimension, Class<? extends OnlineClassifier> type) {
    OnlineClassifier model = in.readModel(field, type);
    if (model.dimension() != dimension || model.numClasses() != f.numClasses()) {
      throw in.error(field, "is for " + model.dimension() + " features and "
          + model.numClasses() + " classes, not " + dimension + " and " + f.numClasses());
    }
    return model;
  }

  /** An ADWIN detector with the forest's confidence. */
  static Adwin detector(SnapshotReader in, double delta, String field) {
    Adwin detector = Adwin.read(in);
    if (detector.delta() != delta) {
      throw in.error(field, "has delta " + detector.delta() + ", not " + delta);
    }
    return detector;
  }
}
