package org.brookml.examples.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.brookml.io.Snapshots;
import org.brookml.linear.SgdClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Data-parallel training on a Flink MiniCluster: two learner instances on disjoint halves of the
 * stream, one merger, and a predictor fed through broadcast state. The last merged model has
 * learned every point exactly once and is about as accurate as one model trained in-process on
 * all points; the broadcast predictor answers every point of a second stream with merged models.
 */
class DataParallelTest {

  private static final long N = 40_000;

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2).build());

  static final List<Object> MERGED = new CopyOnWriteArrayList<>();
  static final List<Object> PREDICTIONS = new CopyOnWriteArrayList<>();

  @Test
  void mergedModel_learnsEveryPointOnce_andIsAsGoodAsOneModel() throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.configure(conf);
    env.setParallelism(2);
    DataStream<LabelledPoint> training = env.fromSequence(0, N - 1).setParallelism(1)
        .map(i -> Points.at(i, 1)).setParallelism(1).returns(LabelledPoint.class);
    DataStream<LabelledPoint> serving = env.fromSequence(N, N + 9_999).setParallelism(1)
        .map(i -> Points.at(i, 1)).setParallelism(1).returns(LabelledPoint.class);
    FlinkExample.DataParallel job = FlinkExample.dataParallelLogistic(training, serving, 1_000);
    job.mergedModels().sinkTo(new ListSink<>("merged")).setParallelism(1);
    job.predictions().sinkTo(new ListSink<>("predictions"));
    env.execute("brook-data-parallel");

    ModelSnapshot last = MERGED.stream().map(ModelSnapshot.class::cast)
        .max((a, b) -> Long.compare(a.samplesSeen, b.samplesSeen)).orElseThrow();
    assertThat(last.samplesSeen).isEqualTo(N);
    SgdClassifier merged = Snapshots.read(last.bytes, SgdClassifier.class);
    SgdClassifier single = SgdClassifier.builder(2).build();
    for (long i = 0; i < N; i++) {
      LabelledPoint p = Points.at(i, 1);
      single.learn(p.features, p.label);
    }
    double mergedAccuracy = accuracy(merged);
    double singleAccuracy = accuracy(single);
    System.out.printf("merged model %.4f, one model on all points %.4f, %d merged snapshots, "
        + "%d broadcast predictions%n", mergedAccuracy, singleAccuracy, MERGED.size(),
        PREDICTIONS.size());
    assertThat(singleAccuracy).isGreaterThan(0.9);
    assertThat(mergedAccuracy).isGreaterThan(singleAccuracy - 0.01);
    // Points that came before an instance's first model waited for it: every point is answered.
    assertThat(PREDICTIONS).hasSize(10_000);
    long correct = PREDICTIONS.stream().map(Prediction.class::cast)
        .filter(p -> p.predicted == p.label).count();
    assertThat(correct / (double) PREDICTIONS.size()).isGreaterThan(0.85);
  }

  private static double accuracy(SgdClassifier model) {
    int correct = 0;
    for (long i = 1_000_000; i < 1_010_000; i++) {
      LabelledPoint p = Points.at(i, 1);
      correct += model.predict(p.features) == p.label ? 1 : 0;
    }
    return correct / 10_000.0;
  }

  /**
   * Appends every element to one of the test's static lists (the MiniCluster runs in this JVM;
   * the sink itself is serialized, so it names its list instead of holding it).
   */
  static final class ListSink<T> implements Sink<T> {
    private final String list;

    ListSink(String list) {
      this.list = list;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(T element, Context context) {
          (list.equals("merged") ? MERGED : PREDICTIONS).add(element);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}
