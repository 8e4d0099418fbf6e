package org.brookml.eval;

import java.util.Objects;
import org.brookml.learner.DenseExampleStream;
import org.brookml.learner.OnlineClassifier;

/**
 * Prequential evaluation with delayed labels, as MOA's {@code EvaluatePrequentialDelayed}: each
 * example is scored when it arrives, by the model as it stands then, but its label reaches the
 * model only later, so the model learns it after the examples in between were scored. The delay
 * is a number of examples (the label of example {@code t} is learned when example
 * {@code t + delay} arrives), or a span of time read from a feature of each example (learned once
 * an example at least {@code delay} later arrives). Labels still waiting at the end are learned
 * then. The listener hears about every scored example. The stream is consumed but not closed.
 */
public final class DelayedPrequential {

  private DelayedPrequential() {}

  /** Delays each label by {@code delay} examples (0 is plain prequential), up to 2^24. */
  public static ClassificationMetrics byExamples(OnlineClassifier model,
      DenseExampleStream stream, int delay, ClassificationMetrics metrics,
      ProgressListener<? super ClassificationMetrics> progress) {
    if (delay < 0 || delay > 1 << 24) {
      throw new IllegalArgumentException("delay must be in [0, 2^24] examples, got " + delay);
    }
    return run(model, stream, delay + 1, -1, 0, metrics, progress);
  }

  /**
   * Delays each label by {@code delay} time units, the time of an example being its feature
   * {@code timeFeature} (non-decreasing along the stream); at most {@code maxPending} labels may
   * wait at once (the buffer is allocated for them).
   */
  public static ClassificationMetrics byTime(OnlineClassifier model, DenseExampleStream stream,
      int timeFeature, double delay, int maxPending, ClassificationMetrics metrics,
      ProgressListener<? super ClassificationMetrics> progress) {
    if (timeFeature < 0 || timeFeature >= stream.dimension()) {
      throw new IllegalArgumentException("timeFeature " + timeFeature + " is outside the "
          + stream.dimension() + " features");
    }
    if (!(delay >= 0) || Double.isInfinite(delay)) {
      throw new IllegalArgumentException("delay must be finite and >= 0, got " + delay);
    }
    if (maxPending < 1 || maxPending > 1 << 24) {
      throw new IllegalArgumentException("maxPending must be in [1, 2^24], got " + maxPending);
    }
    return run(model, stream, maxPending, timeFeature, delay, metrics, progress);
  }

  /** A ring of pending examples; {@code timeFeature} -1: learn when the ring is full. */
  private static ClassificationMetrics run(OnlineClassifier model, DenseExampleStream stream,
      int capacity, int timeFeature, double delay, ClassificationMetrics metrics,
      ProgressListener<? super ClassificationMetrics> progress) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(progress, "progress");
    Pending pending = new Pending(capacity, stream.dimension());
    double[] proba = new double[model.numClasses()];
    double lastTime = Double.NEGATIVE_INFINITY;
    while (stream.next()) {
      double[] features = stream.features();
      int label = Prequential.classCode(stream.target(), model.numClasses(), stream.position());
      double now = timeFeature < 0 ? 0 : features[timeFeature];
      if (timeFeature >= 0 && now < lastTime) {
        throw new IllegalArgumentException(stream.position() + ": time " + now
            + " is earlier than the previous example's " + lastTime);
      }
      lastTime = now;
      while (timeFeature >= 0 && pending.size > 0 && pending.oldestTime() + delay <= now) {
        pending.learnOldest(model);
      }
      model.predictProba(features, proba);
      metrics.update(label, model.predict(features), proba[label]);
      progress.onProgress(metrics.count(), metrics);
      if (pending.size == capacity) { // only by time: by examples the oldest was learned already
        throw new IllegalStateException(stream.position() + ": more than " + capacity
            + " labels wait at once; raise maxPending or shorten the delay");
      }
      pending.add(features, label, now);
      if (timeFeature < 0 && pending.size == capacity) { // delay + 1 slots: the oldest is due
        pending.learnOldest(model);
      }
    }
    while (pending.size > 0) {
      pending.learnOldest(model);
    }
    return metrics;
  }

  /** Examples whose labels have not reached the model yet, oldest first. */
  private static final class Pending {
    private final int capacity;
    private final int dimension;
    private final double[] rows;
    private final int[] labels;
    private final double[] times;
    private final double[] x;
    private int head;
    int size;

    Pending(int capacity, int dimension) {
      this.capacity = capacity;
      this.dimension = dimension;
      rows = new double[Math.multiplyExact(capacity, dimension)];
      labels = new int[capacity];
      times = new double[capacity];
      x = new double[dimension];
    }

    void add(double[] features, int label, double time) {
      int tail = (head + size) % capacity;
      System.arraycopy(features, 0, rows, tail * dimension, dimension);
      labels[tail] = label;
      times[tail] = time;
      size++;
    }

    double oldestTime() {
      return times[head];
    }

    void learnOldest(OnlineClassifier model) {
      System.arraycopy(rows, head * dimension, x, 0, dimension);
      model.learn(x, labels[head]);
      head = (head + 1) % capacity;
      size--;
    }
  }
}
