package org.brookml.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.brookml.io.Snapshots;
import org.brookml.linear.SgdClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology on Kafka Streams' own runtime (TopologyTestDriver runs the real processor, state
 * store and punctuation code), with an in-memory and a persistent RocksDB store: every prediction
 * equals the one the same learner makes in-process on the same records in the same order, the
 * published snapshots equal the in-process models byte for byte, learning quality is that of the
 * learner, and bad records are rejected without touching the model.
 */
class LearnerTopologyTest {

  @TempDir
  Path stateDir;

  private TopologyTestDriver driver(boolean persistent) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "brook-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return new TopologyTestDriver(KafkaStreamsExample.topology(persistent), props);
  }

  @Test
  void inMemoryStore_predictionsAndSnapshotsEqualTheInProcessLearner() {
    assertEngineEqualsInProcess(false);
  }

  @Test
  void rocksDbStore_predictionsAndSnapshotsEqualTheInProcessLearner() {
    assertEngineEqualsInProcess(true);
  }

  @Test
  void inMemoryStore_rejectsBadRecordsWithTheReason() {
    assertBadRecordsRejected(false);
  }

  @Test
  void rocksDbStore_rejectsBadRecordsWithTheReason() {
    assertBadRecordsRejected(true);
  }

  private void assertEngineEqualsInProcess(boolean persistent) {
    try (TopologyTestDriver driver = driver(persistent)) {
      TestInputTopic<String, String> examples = driver.createInputTopic(
          LearnerTopology.EXAMPLES, new StringSerializer(), new StringSerializer());
      TestOutputTopic<String, byte[]> predictions = driver.createOutputTopic(
          LearnerTopology.PREDICTIONS, new StringDeserializer(), new ByteArrayDeserializer());
      TestOutputTopic<String, byte[]> models = driver.createOutputTopic(
          LearnerTopology.MODELS, new StringDeserializer(), new ByteArrayDeserializer());
      Map<String, SgdClassifier> inProcess = new HashMap<>();
      Map<String, Integer> lateCorrect = new HashMap<>();
      SplittableRandom random = new SplittableRandom(3);
      int n = 6_000;
      for (int i = 0; i < n; i++) {
        String key = TwoConcepts.KEYS[i % 2];
        String line = TwoConcepts.example(i % 2, random);
        examples.pipeInput(key, line);
        String engine = new String(predictions.readValue(), StandardCharsets.UTF_8);

        SgdClassifier local = inProcess.computeIfAbsent(key, k -> SgdClassifier.builder(2).build());
        LabelledExample example = LabelledExample.parse(line);
        double[] proba = local.predictProba(example.features(), new double[2]);
        int predicted = proba[1] > proba[0] ? 1 : 0;
        assertThat(engine).as("record %d", i)
            .isEqualTo(predicted + "," + String.format(Locale.ROOT, "%.17g",
                proba[predicted]));
        local.learn(example.features(), example.label());
        if (i >= n / 2 && predicted == example.label()) {
          lateCorrect.merge(key, 1, Integer::sum);
        }
      }
      assertThat(predictions.isEmpty()).isTrue();
      for (String key : TwoConcepts.KEYS) {
        assertThat(lateCorrect.get(key) / (n / 4.0)).as("accuracy of %s, second half", key)
            .isGreaterThan(0.95);
      }

      assertThat(models.isEmpty()).as("nothing published before the period").isTrue();
      driver.advanceWallClockTime(Duration.ofSeconds(10));
      List<KeyValue<String, byte[]>> published = models.readKeyValuesToList();
      assertThat(published).extracting(kv -> kv.key)
          .containsExactlyInAnyOrder(TwoConcepts.KEYS);
      for (KeyValue<String, byte[]> model : published) {
        assertThat(model.value).as(model.key)
            .isEqualTo(Snapshots.write(inProcess.get(model.key)));
        assertThat(Snapshots.read(model.value, SgdClassifier.class).samplesSeen())
            .isEqualTo(n / 2);
      }
    }
  }

  /** Bad records go to the rejected topic with the reason and leave the stored model unchanged. */
  private void assertBadRecordsRejected(boolean persistent) {
    try (TopologyTestDriver driver = driver(persistent)) {
      TestInputTopic<String, String> examples = driver.createInputTopic(
          LearnerTopology.EXAMPLES, new StringSerializer(), new StringSerializer());
      TestOutputTopic<String, byte[]> predictions = driver.createOutputTopic(
          LearnerTopology.PREDICTIONS, new StringDeserializer(), new ByteArrayDeserializer());
      TestOutputTopic<String, byte[]> rejected = driver.createOutputTopic(
          LearnerTopology.REJECTED, new StringDeserializer(), new ByteArrayDeserializer());
      examples.pipeInput("north", "1,0.5,0.25");
      KeyValueStore<String, byte[]> store = driver.getKeyValueStore(LearnerTopology.STORE);
      byte[] before = store.get("north");
      List<String> bad = List.of("1,abc,0", "1,NaN,0", "1,0.5", "2,0.5,0.5", "", "1");
      for (String line : bad) {
        examples.pipeInput("north", line);
      }
      assertThat(predictions.readValuesToList()).hasSize(1);
      List<String> reasons = rejected.readValuesToList().stream()
          .map(v -> new String(v, StandardCharsets.UTF_8)).toList();
      assertThat(reasons).hasSize(bad.size());
      assertThat(reasons.get(0)).contains("not a number");
      assertThat(reasons.get(1)).contains("not finite");
      assertThat(reasons.get(2)).contains("dimension");
      assertThat(reasons.get(3)).contains("label 2");
      assertThat(store.get("north")).isEqualTo(before);
    }
  }
}
