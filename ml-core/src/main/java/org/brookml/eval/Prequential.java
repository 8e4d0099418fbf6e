package org.brookml.eval;

import java.util.Objects;
import org.brookml.learner.DenseExampleStream;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.OnlineClusterer;
import org.brookml.learner.OnlineRegressor;
import org.brookml.learner.SparseExampleStream;

/**
 * Prequential (test-then-train) evaluation: each example is first used to test the model, then to
 * train it, so every example is unseen when it is scored and the whole stream serves as both test
 * and training set (Dawid 1984; Gama et al. 2013). A classifier's accuracy and kappa score its
 * {@code predict} answer, and log loss the probability {@code predictProba} gives the true class.
 * An optional {@link ProgressListener} hears about every example. The stream is consumed but not
 * closed.
 */
public final class Prequential {

  private Prequential() {}

  /** Scores then trains {@code model} on every example; targets are class codes. */
  public static ClassificationMetrics classification(
      OnlineClassifier model, DenseExampleStream stream, ClassificationMetrics metrics) {
    return classification(model, stream, metrics, ProgressListener.none());
  }

  /** The same, telling {@code progress} about every example. */
  public static ClassificationMetrics classification(OnlineClassifier model,
      DenseExampleStream stream, ClassificationMetrics metrics,
      ProgressListener<? super ClassificationMetrics> progress) {
    Objects.requireNonNull(progress, "progress");
    double[] proba = new double[model.numClasses()];
    while (stream.next()) {
      double[] x = stream.features();
      int label = classCode(stream.target(), model.numClasses(), stream.position());
      int predicted = model.predict(x);
      model.predictProba(x, proba);
      metrics.update(label, predicted, proba[label]);
      model.learn(x, label);
      progress.onProgress(metrics.count(), metrics);
    }
    return metrics;
  }

  /** Sparse counterpart of {@link #classification(OnlineClassifier, DenseExampleStream, ClassificationMetrics)}. */
  public static ClassificationMetrics classification(
      OnlineClassifier model, SparseExampleStream stream, ClassificationMetrics metrics) {
    return classification(model, stream, metrics, ProgressListener.none());
  }

  /** The same, telling {@code progress} about every example. */
  public static ClassificationMetrics classification(OnlineClassifier model,
      SparseExampleStream stream, ClassificationMetrics metrics,
      ProgressListener<? super ClassificationMetrics> progress) {
    Objects.requireNonNull(progress, "progress");
    double[] proba = new double[model.numClasses()];
    while (stream.next()) {
      int label = classCode(stream.target(), model.numClasses(), stream.position());
      int predicted = model.predict(stream.features());
      model.predictProba(stream.features(), proba);
      metrics.update(label, predicted, proba[label]);
      model.learn(stream.features(), label);
      progress.onProgress(metrics.count(), metrics);
    }
    return metrics;
  }

  /** Scores then trains {@code model} on every example. */
  public static RegressionMetrics regression(
      OnlineRegressor model, DenseExampleStream stream, RegressionMetrics metrics) {
    return regression(model, stream, metrics, ProgressListener.none());
  }

  /** The same, telling {@code progress} about every example. */
  public static RegressionMetrics regression(OnlineRegressor model, DenseExampleStream stream,
      RegressionMetrics metrics, ProgressListener<? super RegressionMetrics> progress) {
    Objects.requireNonNull(progress, "progress");
    while (stream.next()) {
      double[] x = stream.features();
      metrics.update(stream.target(), model.predict(x));
      model.learn(x, stream.target());
      progress.onProgress(metrics.count(), metrics);
    }
    return metrics;
  }

  /**
   * Scores then trains a clusterer: each example's squared distance to its nearest centre, taken
   * before the example is learned. Examples that arrive before the model is ready are learned only.
   */
  public static ClusteringMetrics clustering(
      OnlineClusterer model, DenseExampleStream stream, ClusteringMetrics metrics) {
    return clustering(model, stream, metrics, ProgressListener.none());
  }

  /** The same, telling {@code progress} about every example. */
  public static ClusteringMetrics clustering(OnlineClusterer model, DenseExampleStream stream,
      ClusteringMetrics metrics, ProgressListener<? super ClusteringMetrics> progress) {
    Objects.requireNonNull(progress, "progress");
    while (stream.next()) {
      double[] x = stream.features();
      if (model.isReady()) {
        metrics.update(model.squaredDistanceToNearest(x));
        progress.onProgress(metrics.count(), metrics);
      }
      model.learn(x);
    }
    return metrics;
  }

  static int classCode(double target, int numClasses, String position) {
    int label = (int) target;
    if (label != target || label < 0 || label >= numClasses) {
      throw new IllegalArgumentException((position.isEmpty() ? "" : position + ": ") + "target "
          + target + " is not a class code in [0, " + numClasses + ") of the model; map labels to "
          + "codes with a LabelEncoder (CsvReader.Builder.labels) or build the model for more "
          + "classes");
    }
    return label;
  }
}
