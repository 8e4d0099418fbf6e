package org.brookml.stream;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.brookml.io.Snapshots;
import org.brookml.learner.OnlineLearner;

/**
 * One pure step over a model kept as bytes, for engines that store state as {@code byte[]} (a
 * Flink {@code ValueState<byte[]>}, a Kafka Streams store): restore the model (or create it when
 * there is no state yet), predict, learn, and write the model back. A step that throws leaves the
 * stored bytes as they were, since the caller writes back only what a step returns.
 *
 * @param <M> the model type
 */
public final class SnapshotStep<M extends OnlineLearner> {

  /** What a step returns: the prediction made before learning, and the new state. */
  public record Result<R>(R prediction, byte[] state) {}

  private final Class<M> type;
  private final Supplier<? extends M> factory;

  /**
   * @param type the model class, checked against the stored bytes
   * @param factory makes a fresh model for a key that has no state yet
   */
  public SnapshotStep(Class<M> type, Supplier<? extends M> factory) {
    this.type = Objects.requireNonNull(type, "type");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /**
   * Restores (or creates) the model, answers {@code predict}, then applies {@code learn}
   * (test-then-train), and returns the answer and the new state.
   *
   * @param state the stored bytes, or null when there are none yet
   * @throws org.brookml.io.SnapshotFormatException if {@code state} is not a snapshot of the type
   */
  public <R> Result<R> apply(byte[] state, Function<? super M, ? extends R> predict,
      Consumer<? super M> learn) {
    M model = state == null ? factory.get() : Snapshots.read(state, type);
    R prediction = predict.apply(model);
    learn.accept(model);
    return new Result<>(prediction, Snapshots.write(model));
  }
}
