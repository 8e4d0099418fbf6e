package org.brookml.eval;

import java.util.Objects;
import org.brookml.learner.DenseExampleStream;
import org.brookml.learner.OnlineClassifier;

/**
 * Interleaved test-then-train by chunks, as MOA's {@code EvaluateInterleavedChunks}: the stream
 * is cut into chunks of {@code chunkSize} examples; every example of a chunk is scored by the
 * model as it stood before the chunk, then the model learns the whole chunk in order. The
 * listener hears after each chunk (with the examples scored so far); the metrics accumulate over
 * the stream. A last, shorter chunk is scored and learned too. The stream is consumed but not
 * closed.
 */
public final class InterleavedChunks {

  private InterleavedChunks() {}

  /** Runs the evaluation; {@code chunkSize} at least 1 and at most 2^24. */
  public static ClassificationMetrics classification(OnlineClassifier model,
      DenseExampleStream stream, int chunkSize, ClassificationMetrics metrics,
      ProgressListener<? super ClassificationMetrics> progress) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(progress, "progress");
    if (chunkSize < 1 || chunkSize > 1 << 24) {
      throw new IllegalArgumentException("chunkSize must be in [1, 2^24], got " + chunkSize);
    }
    int d = stream.dimension();
    double[] rows = new double[Math.multiplyExact(chunkSize, d)];
    int[] labels = new int[chunkSize];
    double[] proba = new double[model.numClasses()];
    double[] x = new double[d];
    int filled;
    do {
      filled = 0;
      while (filled < chunkSize && stream.next()) {
        labels[filled] = Prequential.classCode(stream.target(), model.numClasses(),
            stream.position());
        System.arraycopy(stream.features(), 0, rows, filled * d, d);
        filled++;
      }
      for (int i = 0; i < filled; i++) {
        System.arraycopy(rows, i * d, x, 0, d);
        model.predictProba(x, proba);
        metrics.update(labels[i], model.predict(x), proba[labels[i]]);
      }
      for (int i = 0; i < filled; i++) {
        System.arraycopy(rows, i * d, x, 0, d);
        model.learn(x, labels[i]);
      }
      if (filled > 0) {
        progress.onProgress(metrics.count(), metrics);
      }
    } while (filled == chunkSize);
    return metrics;
  }
}
