package org.brookml.stream;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.brookml.learner.OnlineLearner;

/**
 * A {@link Flow.Processor} that learns from a publisher's events and emits a prediction for each,
 * test-then-train: every event is first answered by the model as it stands, then learned. Events
 * are requested one at a time, and emitting blocks while the downstream buffer is full, so a slow
 * subscriber slows the source (back-pressure). The model is touched only by the thread delivering
 * events; an exception from the model ends the stream with that error.
 *
 * @param <M> the model type
 * @param <T> the event type
 * @param <R> the prediction type
 */
public final class LearningProcessor<M extends OnlineLearner, T, R> extends SubmissionPublisher<R>
    implements Flow.Processor<T, R> {

  private final M model;
  private final BiFunction<? super M, ? super T, ? extends R> predict;
  private final BiConsumer<? super M, ? super T> learn;
  private Flow.Subscription subscription;

  /**
   * @param model the model, owned by the processor from now on
   * @param predict the answer for an event, e.g. {@code (m, e) -> m.predict(e.x())}
   * @param learn the learning step for an event, e.g. {@code (m, e) -> m.learn(e.x(), e.label())}
   * @param executor delivers predictions to subscribers
   * @param bufferCapacity predictions buffered per subscriber before emitting blocks
   */
  public LearningProcessor(M model, BiFunction<? super M, ? super T, ? extends R> predict,
      BiConsumer<? super M, ? super T> learn, Executor executor, int bufferCapacity) {
    super(executor, bufferCapacity);
    this.model = Objects.requireNonNull(model, "model");
    this.predict = Objects.requireNonNull(predict, "predict");
    this.learn = Objects.requireNonNull(learn, "learn");
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    if (this.subscription != null) {
      subscription.cancel();
      return;
    }
    this.subscription = subscription;
    subscription.request(1);
  }

  @Override
  public void onNext(T event) {
    R answer;
    try {
      answer = predict.apply(model, event);
      learn.accept(model, event);
    } catch (RuntimeException e) {
      subscription.cancel();
      closeExceptionally(e);
      return;
    }
    submit(answer);
    subscription.request(1);
  }

  @Override
  public void onError(Throwable error) {
    closeExceptionally(error);
  }

  @Override
  public void onComplete() {
    close();
  }
}
