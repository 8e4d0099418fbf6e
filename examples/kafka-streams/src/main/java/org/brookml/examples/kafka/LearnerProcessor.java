package org.brookml.examples.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.brookml.eval.Prequential;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.Probabilities;
import org.brookml.stream.SnapshotStep;

/**
 * Test-then-train per key: each record {@code "label,x1,...,xd"} is scored by the key's model,
 * which then learns it; the model lives as Brook snapshot bytes in a key-value state store (so
 * Kafka Streams changelogs and restores it), and a wall-clock punctuator publishes every key's
 * snapshot. Outputs go to named children: predictions as {@code "predicted,probability"} text,
 * snapshots as bytes, and records the model rejects (malformed, non-finite, wrong dimension,
 * unknown label) with the reason, leaving that key's model as it was.
 *
 * @param <M> the model type
 */
final class LearnerProcessor<M extends OnlineClassifier>
    implements Processor<String, String, String, byte[]> {

  private final SnapshotStep<M> step;
  private final Duration publishEvery;
  private ProcessorContext<String, byte[]> context;
  private KeyValueStore<String, byte[]> store;

  LearnerProcessor(Class<M> type, Supplier<? extends M> factory, Duration publishEvery) {
    this.step = new SnapshotStep<>(type, factory);
    this.publishEvery = publishEvery;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.store = context.getStateStore(LearnerTopology.STORE);
    context.schedule(publishEvery, PunctuationType.WALL_CLOCK_TIME, this::publishModels);
  }

  @Override
  public void process(Record<String, String> record) {
    try {
      LabelledExample example = LabelledExample.parse(record.value());
      SnapshotStep.Result<String> result = step.apply(store.get(record.key()),
          model -> describe(model.predictProba(example.features(),
              new double[model.numClasses()])),
          model -> model.learn(example.features(), example.label()));
      store.put(record.key(), result.state());
      context.forward(record.withValue(utf8(result.prediction())), LearnerTopology.PREDICTION_SINK);
    } catch (IllegalArgumentException e) {
      context.forward(record.withValue(utf8(record.value() + " # " + e.getMessage())),
          LearnerTopology.REJECTED_SINK);
    }
  }

  private static String describe(double[] proba) {
    int best = Probabilities.argMax(proba);
    return best + "," + String.format(Locale.ROOT, "%.17g", proba[best]);
  }

  private void publishModels(long timestamp) {
    try (KeyValueIterator<String, byte[]> models = store.all()) {
      while (models.hasNext()) {
        KeyValue<String, byte[]> model = models.next();
        context.forward(new Record<>(model.key, model.value, timestamp),
            LearnerTopology.MODEL_SINK);
      }
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
