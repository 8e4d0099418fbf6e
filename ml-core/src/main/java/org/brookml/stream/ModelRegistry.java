package org.brookml.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.brookml.io.SnapshotFormatException;
import org.brookml.io.SnapshotInfo;
import org.brookml.io.Snapshots;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.OnlineClusterer;
import org.brookml.learner.OnlineLearner;
import org.brookml.learner.OnlineRegressor;

/**
 * Hot swap from snapshots: validates a snapshot (format, checksum, model type, state version, and
 * dimension) completely, and checks that the restored model works (it answers a probe row of
 * zeros with finite values), before it replaces the model a {@link LiveModel} serves. A bad
 * snapshot is rejected with a clear exception and the running model keeps serving.
 *
 * @param <M> the model type
 */
public final class ModelRegistry<M extends OnlineLearner> {

  private final LiveModel<M> live;
  private final Class<M> type;
  private final int dimension;

  /** Swaps validated snapshots of {@code type} with {@code dimension} features into {@code live}. */
  public ModelRegistry(LiveModel<M> live, Class<M> type, int dimension) {
    this.live = Objects.requireNonNull(live, "live");
    this.type = Objects.requireNonNull(type, "type");
    this.dimension = dimension;
  }

  /**
   * Validates {@code bytes} and, if they hold a usable model, swaps it in.
   *
   * @return the version now served
   * @throws SnapshotFormatException if the bytes are not a valid snapshot of the expected type
   * @throws IllegalArgumentException if the model's dimension differs, or it does not answer a
   *     probe row with finite values
   */
  public long load(byte[] bytes) {
    SnapshotInfo info = Snapshots.inspect(bytes);
    M model = Snapshots.read(bytes, type);
    if (model.dimension() != dimension) {
      throw new IllegalArgumentException("snapshot holds a " + info.modelType() + " of dimension "
          + model.dimension() + ", but the served model has dimension " + dimension);
    }
    requireWorking(model.copy(), info);
    return live.swap(model);
  }

  /** Asks a copy of the restored model about a row of zeros; its answers must be finite. */
  private void requireWorking(OnlineLearner model, SnapshotInfo info) {
    double[] probe = new double[dimension];
    double answer;
    try {
      if (model instanceof OnlineClassifier) {
        OnlineClassifier classifier = (OnlineClassifier) model;
        double[] proba = classifier.predictProba(probe, new double[classifier.numClasses()]);
        answer = classifier.predict(probe);
        for (double p : proba) {
          answer += p;
        }
      } else if (model instanceof OnlineRegressor) {
        answer = ((OnlineRegressor) model).predict(probe);
      } else if (model instanceof OnlineClusterer && ((OnlineClusterer) model).isReady()) {
        answer = ((OnlineClusterer) model).squaredDistanceToNearest(probe);
      } else {
        return;
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the " + info.modelType() + " in the snapshot restores "
          + "but cannot answer a probe row: " + e.getMessage(), e);
    }
    if (!Double.isFinite(answer)) {
      throw new IllegalArgumentException("the " + info.modelType() + " in the snapshot restores "
          + "but answers a probe row of zeros with a non-finite value; it is not swapped in");
    }
  }

  /** Reads a snapshot file and {@link #load(byte[]) loads} it. */
  public long load(Path file) throws IOException {
    return load(Files.readAllBytes(file));
  }
}
