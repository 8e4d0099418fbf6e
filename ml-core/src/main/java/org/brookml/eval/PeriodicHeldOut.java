package org.brookml.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.brookml.learner.DenseExample;
import org.brookml.learner.DenseExampleStream;
import org.brookml.learner.OnlineClassifier;

/**
 * Periodic held-out evaluation, as MOA's {@code EvaluatePeriodicHeldOutTest}: the first
 * {@code testSize} examples of the stream are set aside as a fixed test set; the model learns
 * from the examples after them, and after every {@code every} of those it is scored on the whole
 * test set with fresh metrics (it does not learn from the test set). The metrics of each point
 * go to the listener with the number of training examples so far; the last ones are returned. The
 * stream is consumed but not closed.
 */
public final class PeriodicHeldOut {

  private PeriodicHeldOut() {}

  /**
   * Runs the evaluation.
   *
   * @param testSize examples held out, at least 1
   * @param every training examples between two scorings, at least 1
   * @param window the metrics' sliding window (the test set is scored in one pass)
   * @throws IllegalArgumentException if the stream ends before the test set is full
   */
  public static ClassificationMetrics classification(OnlineClassifier model,
      DenseExampleStream stream, int testSize, long every, int window,
      ProgressListener<? super ClassificationMetrics> progress) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(progress, "progress");
    if (testSize < 1 || every < 1) {
      throw new IllegalArgumentException("testSize and every must be >= 1, got " + testSize
          + ", " + every);
    }
    List<DenseExample> test = new ArrayList<>();
    while (test.size() < testSize && stream.next()) {
      test.add(new DenseExample(stream.features().clone(), stream.target()));
    }
    if (test.size() < testSize) {
      throw new IllegalArgumentException("the stream ended after " + test.size()
          + " examples, before the " + testSize + " held out for testing");
    }
    ClassificationMetrics last = score(model, test, window);
    long trained = 0;
    while (stream.next()) {
      model.learn(stream.features(), Prequential.classCode(stream.target(), model.numClasses(),
          stream.position()));
      trained++;
      if (trained % every == 0) {
        last = score(model, test, window);
        progress.onProgress(trained, last);
      }
    }
    return last;
  }

  private static ClassificationMetrics score(OnlineClassifier model, List<DenseExample> test,
      int window) {
    ClassificationMetrics metrics = new ClassificationMetrics(model.numClasses(), window);
    double[] proba = new double[model.numClasses()];
    for (DenseExample example : test) {
      int label = Prequential.classCode(example.target(), model.numClasses(), "test example");
      model.predictProba(example.features(), proba);
      metrics.update(label, model.predict(example.features()), proba[label]);
    }
    return metrics;
  }
}
