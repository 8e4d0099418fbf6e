package org.brookml.stream;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.brookml.learner.OnlineLearner;

/**
 * Brook models as plain {@code java.util.function} shapes, for engines and libraries that take
 * lambdas (a Kafka Streams {@code mapValues}, a Spark {@code map}, a service loop).
 */
public final class Functions {

  private Functions() {}

  /**
   * A function that answers each event with {@code model} as it stands, then learns from it
   * (test-then-train). Not thread-safe: one instance per thread or partition.
   */
  public static <M extends OnlineLearner, T, R> Function<T, R> testThenTrain(M model,
      BiFunction<? super M, ? super T, ? extends R> predict,
      BiConsumer<? super M, ? super T> learn) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(predict, "predict");
    Objects.requireNonNull(learn, "learn");
    return event -> {
      R answer = predict.apply(model, event);
      learn.accept(model, event);
      return answer;
    };
  }

  /** A consumer that learns each event into {@code model}. Not thread-safe. */
  public static <M extends OnlineLearner, T> Consumer<T> learner(M model,
      BiConsumer<? super M, ? super T> learn) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(learn, "learn");
    return event -> learn.accept(model, event);
  }

  /**
   * A thread-safe function answering each event with the latest version a {@link LiveModel}
   * published; any number of threads may call it.
   */
  public static <M extends OnlineLearner, T, R> Function<T, R> predictor(LiveModel<M> live,
      BiFunction<? super M, ? super T, ? extends R> predict) {
    Objects.requireNonNull(live, "live");
    Objects.requireNonNull(predict, "predict");
    return event -> live.predict(model -> predict.apply(model, event));
  }
}
