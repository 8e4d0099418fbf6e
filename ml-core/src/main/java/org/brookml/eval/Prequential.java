package org.brookml.eval;

import static org.brookml.learner.Probabilities.argMax;

import org.brookml.learner.DenseExampleStream;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.OnlineClusterer;
import org.brookml.learner.OnlineRegressor;
import org.brookml.learner.SparseExampleStream;

/**
 * Prequential (test-then-train) evaluation: each example is first used to test the model, then to
 * train it, so every example is unseen when it is scored and the whole stream serves as both test
 * and training set (Dawid 1984; Gama et al. 2013). The stream is consumed but not closed.
 */
public final class Prequential {

  private Prequential() {}

  /** Scores then trains {@code model} on every example; targets are class codes. */
  public static ClassificationMetrics classification(
      OnlineClassifier model, DenseExampleStream stream, ClassificationMetrics metrics) {
    double[] proba = new double[model.numClasses()];
    while (stream.next()) {
      double[] x = stream.features();
      int label = classCode(stream.target(), model.numClasses());
      model.predictProba(x, proba);
      metrics.update(label, argMax(proba), proba[label]);
      model.learn(x, label);
    }
    return metrics;
  }

  /** Sparse counterpart of {@link #classification(OnlineClassifier, DenseExampleStream, ClassificationMetrics)}. */
  public static ClassificationMetrics classification(
      OnlineClassifier model, SparseExampleStream stream, ClassificationMetrics metrics) {
    double[] proba = new double[model.numClasses()];
    while (stream.next()) {
      int label = classCode(stream.target(), model.numClasses());
      model.predictProba(stream.features(), proba);
      metrics.update(label, argMax(proba), proba[label]);
      model.learn(stream.features(), label);
    }
    return metrics;
  }

  /** Scores then trains {@code model} on every example. */
  public static RegressionMetrics regression(
      OnlineRegressor model, DenseExampleStream stream, RegressionMetrics metrics) {
    while (stream.next()) {
      double[] x = stream.features();
      metrics.update(stream.target(), model.predict(x));
      model.learn(x, stream.target());
    }
    return metrics;
  }

  /**
   * Scores then trains a clusterer: each example's squared distance to its nearest centre, taken
   * before the example is learned. Examples that arrive before the model is ready are learned only.
   */
  public static ClusteringMetrics clustering(
      OnlineClusterer model, DenseExampleStream stream, ClusteringMetrics metrics) {
    while (stream.next()) {
      double[] x = stream.features();
      if (model.isReady()) {
        metrics.update(model.squaredDistanceToNearest(x));
      }
      model.learn(x);
    }
    return metrics;
  }


  private static int classCode(double target, int numClasses) {
    int label = (int) target;
    if (label != target || label < 0 || label >= numClasses) {
      throw new IllegalArgumentException(
          "target " + target + " is not a class code in [0, " + numClasses + ")");
    }
    return label;
  }
}
