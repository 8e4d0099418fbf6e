package org.brookml.examples.flink;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.brookml.linear.SgdClassifier;

/**
 * Keyed logistic regression in Flink: one model per key in keyed state, test-then-train, on a local
 * environment over a generated stream of 4 keys with different concepts; prints each key's
 * prequential accuracy.
 */
public final class FlinkExample {

  private FlinkExample() {}

  /** The job's learning step: keyed models over {@code points}. */
  public static SingleOutputStreamOperator<Prediction> keyedLogistic(
      DataStream<LabelledPoint> points, long snapshotEvery) {
    // README:flink-keyed
    SingleOutputStreamOperator<Prediction> predictions = points.keyBy(p -> p.key)
        .process(new KeyedLearner<>(SgdClassifier.class, () -> SgdClassifier.builder(2).build(),
            snapshotEvery))                       // a snapshot every snapshotEvery points of a key
        .name("brook-keyed-learner");
    // README:end
    return predictions;
  }

  /**
   * Data-parallel logistic regression: learners on rebalanced {@code points} publish snapshots
   * every {@code publishEvery} points, one merger combines them, and {@code toPredict} is answered
   * by the newest merged model through broadcast state. Returns the merged models and the
   * predictions.
   */
  public static DataParallel dataParallelLogistic(DataStream<LabelledPoint> points,
      DataStream<LabelledPoint> toPredict, long publishEvery) {
    DataStream<ModelSnapshot> merged = points.rebalance()
        .process(new ParallelLearner<>(SgdClassifier.class,
            () -> SgdClassifier.builder(2).build(), publishEvery))
        .name("brook-parallel-learner")
        .process(new ModelMerger<>(SgdClassifier.class)).setParallelism(1)
        .name("brook-model-merger");
    DataStream<Prediction> predictions = toPredict
        .connect(merged.broadcast(BroadcastPredictor.MODEL))
        .process(new BroadcastPredictor<>(SgdClassifier.class, 100_000))
        .name("brook-broadcast-predictor");
    return new DataParallel(merged, predictions);
  }

  /** The two outputs of {@link #dataParallelLogistic}. */
  public record DataParallel(DataStream<ModelSnapshot> mergedModels,
      DataStream<Prediction> predictions) {}

  public static void main(String[] args) throws Exception {
    int keys = 4;
    long n = 40_000;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    DataStream<LabelledPoint> points = env.fromSequence(0, n - 1).map(i -> Points.at(i, keys))
        .returns(LabelledPoint.class);
    Map<String, int[]> tally = new HashMap<>();
    try (CloseableIterator<Prediction> predictions =
        keyedLogistic(points, 1_000).executeAndCollect("brook-flink-example")) {
      while (predictions.hasNext()) {
        Prediction p = predictions.next();
        int[] t = tally.computeIfAbsent(p.key, k -> new int[2]);
        t[0] += p.predicted == p.label ? 1 : 0;
        t[1]++;
      }
    }
    tally.forEach((key, t) -> System.out.printf(Locale.ROOT,
        "key %s: prequential accuracy %.4f over %d points%n", key, t[0] / (double) t[1], t[1]));
  }
}
