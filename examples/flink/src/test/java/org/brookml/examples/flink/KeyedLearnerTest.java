package org.brookml.examples.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.brookml.io.Snapshots;
import org.brookml.linear.SgdClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keyed Brook models on a real Flink MiniCluster (2 slots, parallelism 2, checkpoints every 50 ms,
 * generic types disabled so nothing goes through Kryo). A run in which an operator throws once
 * after a checkpoint, and Flink restores and replays, ends with every key's model equal, byte for
 * byte, to a run without the failure and to the same learner trained in-process on the key's
 * points: no point lost or learned twice.
 */
class KeyedLearnerTest {

  private static final int KEYS = 4;
  private static final long N = 20_000;
  private static final long SNAPSHOT_EVERY = 500;

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2).build());

  /** Snapshots by run, "key@samplesSeen"; a replayed snapshot must equal the first one. */
  static final Map<String, Map<String, byte[]>> SNAPSHOTS = new ConcurrentHashMap<>();
  static final List<String> MISMATCHES = new CopyOnWriteArrayList<>();
  static final AtomicInteger CHECKPOINTS = new AtomicInteger();
  static final AtomicBoolean FAILED = new AtomicBoolean();
  static final AtomicLong FAILED_AT = new AtomicLong(-1);
  static final AtomicLong RESUMED_AT = new AtomicLong(-1);

  @Test
  void recoveryAfterAFailure_givesTheModelsOfARunWithoutIt() throws Exception {
    run("clean", false);
    assertThat(FAILED).isFalse();
    run("failure", true);
    assertThat(FAILED).as("the failure was injected").isTrue();
    assertThat(CHECKPOINTS.get()).as("checkpoints completed").isPositive();
    assertThat(RESUMED_AT.get()).as("first point after the restart: from a checkpoint, not 0")
        .isPositive().isLessThanOrEqualTo(FAILED_AT.get());
    assertThat(MISMATCHES).as("replayed snapshots that differ").isEmpty();
    System.out.printf("failed at point %d after %d checkpoints; resumed from point %d%n",
        FAILED_AT.get(), CHECKPOINTS.get(), RESUMED_AT.get());

    Map<String, SgdClassifier> inProcess = new HashMap<>();
    for (long i = 0; i < N; i++) {
      LabelledPoint p = Points.at(i, KEYS);
      inProcess.computeIfAbsent(p.key, k -> SgdClassifier.builder(2).build())
          .learn(p.features, p.label);
    }
    Map<String, byte[]> clean = SNAPSHOTS.get("clean");
    Map<String, byte[]> recovered = SNAPSHOTS.get("failure");
    assertThat(clean).hasSize((int) (N / SNAPSHOT_EVERY));
    assertThat(recovered.keySet()).isEqualTo(clean.keySet());
    for (Map.Entry<String, byte[]> snapshot : clean.entrySet()) {
      assertThat(recovered.get(snapshot.getKey())).as(snapshot.getKey())
          .isEqualTo(snapshot.getValue());
    }
    for (Map.Entry<String, SgdClassifier> model : inProcess.entrySet()) {
      byte[] last = clean.get(model.getKey() + "@" + N / KEYS);
      assertThat(last).as(model.getKey()).isEqualTo(Snapshots.write(model.getValue()));
      SgdClassifier restored = Snapshots.read(last, SgdClassifier.class);
      assertThat(restored.samplesSeen()).isEqualTo(N / KEYS);
    }
  }

  private static void run(String name, boolean injectFailure) throws Exception {
    SNAPSHOTS.put(name, new ConcurrentHashMap<>());
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(50));
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.configure(conf);
    env.setParallelism(2);
    env.enableCheckpointing(50);
    DataStream<LabelledPoint> points = env.fromSequence(0, N - 1).setParallelism(1)
        .map(new SlowSource(injectFailure)).setParallelism(1).returns(LabelledPoint.class);
    SingleOutputStreamOperator<Prediction> predictions =
        FlinkExample.keyedLogistic(points, SNAPSHOT_EVERY);
    predictions.getSideOutput(KeyedLearner.SNAPSHOTS).sinkTo(new SnapshotSink(name));
    env.execute(name);
  }

  /**
   * Turns indices into points, pausing 1 ms every 50 so that checkpoints complete while the job
   * runs, and (when asked) throws once, past the middle of the stream, after a checkpoint.
   */
  static final class SlowSource implements MapFunction<Long, LabelledPoint>, CheckpointListener {
    private final boolean injectFailure;

    SlowSource(boolean injectFailure) {
      this.injectFailure = injectFailure;
    }

    @Override
    public LabelledPoint map(Long index) throws Exception {
      if (index % 50 == 0) {
        Thread.sleep(1);
      }
      if (injectFailure && FAILED.get()) {
        RESUMED_AT.compareAndSet(-1, index);
      }
      if (injectFailure && index >= N / 2 && CHECKPOINTS.get() > 0
          && FAILED.compareAndSet(false, true)) {
        FAILED_AT.set(index);
        throw new IllegalStateException("injected failure at point " + index);
      }
      return Points.at(index, KEYS);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (injectFailure) {
        CHECKPOINTS.incrementAndGet();
      }
    }
  }

  /** Keeps every snapshot of a run; notes any replayed snapshot that differs from the first. */
  static final class SnapshotSink implements Sink<ModelSnapshot> {
    private final String run;

    SnapshotSink(String run) {
      this.run = run;
    }

    @Override
    public SinkWriter<ModelSnapshot> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(ModelSnapshot snapshot, Context context) {
          String id = snapshot.key + "@" + snapshot.samplesSeen;
          byte[] first = SNAPSHOTS.get(run).putIfAbsent(id, snapshot.bytes);
          if (first != null && !Arrays.equals(first, snapshot.bytes)) {
            MISMATCHES.add(run + " " + id);
          }
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }
}
