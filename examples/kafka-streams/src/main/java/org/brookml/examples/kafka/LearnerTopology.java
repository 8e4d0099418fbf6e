package org.brookml.examples.kafka;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.brookml.learner.OnlineClassifier;

/**
 * The Kafka Streams topology that wraps any Brook classifier: examples topic (String key = model
 * key, value {@code "label,x1,...,xd"}) into {@link LearnerProcessor}, whose model state lives in a
 * key-value store (in-memory or persistent RocksDB, both changelogged), and out to the predictions,
 * models and rejected topics.
 */
public final class LearnerTopology {

  /** Input topic. */
  public static final String EXAMPLES = "examples";
  /** One {@code "predicted,probability"} per example, made before learning it. */
  public static final String PREDICTIONS = "predictions";
  /** Every key's model snapshot, published by a punctuator. */
  public static final String MODELS = "models";
  /** Examples the model refused, with the reason. */
  public static final String REJECTED = "rejected";

  static final String STORE = "brook-models";
  static final String PREDICTION_SINK = "prediction-sink";
  static final String MODEL_SINK = "model-sink";
  static final String REJECTED_SINK = "rejected-sink";

  private LearnerTopology() {}

  /**
   * Builds the topology.
   *
   * @param type the model class (checked when a stored snapshot is restored)
   * @param factory makes the model of a key seen for the first time
   * @param persistent RocksDB store if true, in-memory store if false
   * @param publishEvery wall-clock period of the model snapshots
   */
  public static <M extends OnlineClassifier> Topology build(Class<M> type,
      Supplier<? extends M> factory, boolean persistent, Duration publishEvery) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(publishEvery, "publishEvery");
    KeyValueBytesStoreSupplier store = persistent
        ? Stores.persistentKeyValueStore(STORE) : Stores.inMemoryKeyValueStore(STORE);
    Topology topology = new Topology();
    topology.addSource("examples-source", Serdes.String().deserializer(),
        Serdes.String().deserializer(), EXAMPLES);
    topology.addProcessor("learner", () -> new LearnerProcessor<>(type, factory, publishEvery),
        "examples-source");
    topology.addStateStore(
        Stores.keyValueStoreBuilder(store, Serdes.String(), Serdes.ByteArray()), "learner");
    for (String[] sink : new String[][] {{PREDICTION_SINK, PREDICTIONS}, {MODEL_SINK, MODELS},
        {REJECTED_SINK, REJECTED}}) {
      topology.addSink(sink[0], sink[1], Serdes.String().serializer(),
          Serdes.ByteArray().serializer(), "learner");
    }
    return topology;
  }
}
