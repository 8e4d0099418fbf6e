package org.brookml.examples.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.brookml.io.Snapshots;
import org.brookml.linear.SgdClassifier;

/**
 * Logistic regression per key inside Kafka Streams. With a bootstrap server as argument it runs
 * against that cluster (topics {@code examples}, {@code predictions}, {@code models},
 * {@code rejected} must exist); without one it runs the same topology on Kafka Streams' test
 * driver over a generated stream of two keys with different concepts, and prints each key's
 * prequential accuracy and the snapshots the punctuator published.
 */
public final class KafkaStreamsExample {

  private KafkaStreamsExample() {}

  /** The topology: one two-feature logistic regression per key, snapshots every 10 s. */
  static Topology topology(boolean persistent) {
    // README:kafka-topology
    Topology topology = LearnerTopology.build(SgdClassifier.class,
        () -> SgdClassifier.builder(2).build(),   // the model of a key seen for the first time
        persistent,                                // RocksDB (true) or in-memory store
        Duration.ofSeconds(10));                   // publish every key's snapshot every 10 s
    // README:end
    return topology;
  }

  public static void main(String[] args) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "brook-example");
    if (args.length > 0) {
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
      KafkaStreams streams = new KafkaStreams(topology(true), props);
      Runtime.getRuntime().addShutdownHook(new Thread(streams::close));
      streams.start();
      return;
    }
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    try (TopologyTestDriver driver = new TopologyTestDriver(topology(false), props)) {
      TestInputTopic<String, String> examples = driver.createInputTopic(
          LearnerTopology.EXAMPLES, new StringSerializer(), new StringSerializer());
      TestOutputTopic<String, byte[]> predictions = driver.createOutputTopic(
          LearnerTopology.PREDICTIONS, new StringDeserializer(), new ByteArrayDeserializer());
      TestOutputTopic<String, byte[]> models = driver.createOutputTopic(
          LearnerTopology.MODELS, new StringDeserializer(), new ByteArrayDeserializer());
      SplittableRandom random = new SplittableRandom(1);
      int[] correct = new int[2];
      int n = 20_000;
      for (int i = 0; i < n; i++) {
        int key = i % 2;
        String line = TwoConcepts.example(key, random);
        examples.pipeInput(TwoConcepts.KEYS[key], line);
        String predicted = new String(predictions.readValue(), StandardCharsets.UTF_8);
        correct[key] += predicted.charAt(0) == line.charAt(0) ? 1 : 0;
      }
      driver.advanceWallClockTime(Duration.ofSeconds(10));
      for (int key = 0; key < 2; key++) {
        System.out.printf(Locale.ROOT, "key %-5s prequential accuracy %.4f over %d examples%n",
            TwoConcepts.KEYS[key], correct[key] / (n / 2.0), n / 2);
      }
      List<KeyValue<String, byte[]>> published = models.readKeyValuesToList();
      for (KeyValue<String, byte[]> model : published) {
        System.out.println("published " + model.key + ": " + Snapshots.read(model.value));
      }
    }
  }
}
