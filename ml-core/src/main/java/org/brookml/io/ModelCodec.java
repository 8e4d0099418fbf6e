package org.brookml.io;

import org.brookml.learner.OnlineLearner;

/**
 * Writes and reads one model type's configuration and full learning state: everything needed for a
 * restored model to predict and go on learning exactly as the original would. {@link Snapshots}
 * adds the header (magic, format version, model type, state version) and the CRC-32C around it.
 *
 * <p>{@link #read} must validate as it goes (through {@link SnapshotReader}'s checked reads and the
 * model's own builder) and throw {@link SnapshotFormatException} for anything impossible; it must
 * never return a half-built model.
 *
 * @param <M> the model type
 */
public interface ModelCodec<M extends OnlineLearner> {

  /** Stable name written into every snapshot, e.g. {@code brook.cluster.MiniBatchKMeans}. */
  String modelType();

  /** The model class this codec writes. */
  Class<M> modelClass();

  /** Version of the layout {@link #write} produces; older versions must stay readable. */
  int stateVersion();

  /** Writes the model's configuration and state. */
  void write(M model, SnapshotWriter out);

  /**
   * Whether this codec writes {@link #modelClass()} models. A codec that only reads the snapshots of
   * a model type Brook no longer writes (whose class was replaced) returns false; the current
   * codec of that class writes.
   */
  default boolean writes() {
    return true;
  }

  /** Reads a model written with the given layout version (at most {@link #stateVersion()}). */
  M read(SnapshotReader in, int stateVersion);
}
