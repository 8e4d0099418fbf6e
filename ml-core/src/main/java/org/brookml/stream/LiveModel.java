package org.brookml.stream;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.brookml.learner.OnlineLearner;

/**
 * A model that keeps learning on one writer thread while any number of reader threads predict,
 * without locks and without ever seeing a half-updated model.
 *
 * <p>The writer learns on a private copy. Every {@code publishEvery} examples, or when
 * {@code publishInterval} nanoseconds have passed since the last publication (checked on each
 * {@code learn}), it publishes an immutable copy with the next version number. Readers answer with
 * the latest published version: because Brook's models keep scratch buffers, each reader thread
 * predicts on its own copy of that version, made once per version per thread. {@link #swap}
 * replaces the model from any thread (a model trained elsewhere): readers see it at once, and the
 * writer continues learning from it on its next call.
 *
 * <p>Only one thread may call {@link #learn}; the first caller becomes the writer and any other
 * caller gets {@link IllegalStateException}.
 *
 * @param <M> the model type
 */
public final class LiveModel<M extends OnlineLearner> {

  /**
   * An immutable published model, its version, and its lineage: the number of swaps behind it. The
   * writer publishes only onto its own lineage, so after a swap it cannot publish the model the
   * swap replaced.
   */
  private record Published<M>(long version, M model, long lineage) {}

  /** A swapped-in model waiting for the writer, with the lineage it starts. */
  private record Swap<M>(M model, long lineage) {}

  /** One reader thread's private copy of a published version. */
  private static final class ReaderCopy<M> {
    long version = -1;
    M model;
  }

  private final long publishEvery;
  private final long publishIntervalNanos;
  private final LongSupplier clock;
  private final AtomicReference<Published<M>> published;
  private final AtomicReference<Swap<M>> pendingSwap = new AtomicReference<>();
  private final ThreadLocal<ReaderCopy<M>> readerCopies = ThreadLocal.withInitial(ReaderCopy::new);
  private final AtomicReference<Thread> writer = new AtomicReference<>();
  private M training;
  private long lineage;
  private long sinceLastPublish;
  private long lastPublishNanos;

  private LiveModel(M model, long publishEvery, long publishIntervalNanos, LongSupplier clock) {
    this.publishEvery = publishEvery;
    this.publishIntervalNanos = publishIntervalNanos;
    this.clock = clock;
    this.training = model;
    this.published = new AtomicReference<>(new Published<>(1, copyOf(model), 0));
    this.lastPublishNanos = clock.getAsLong();
  }

  /**
   * Serves {@code model}, which the live model owns from now on (callers must not touch it).
   *
   * @param publishEvery publish after this many examples, {@code >= 1}
   * @param publishIntervalNanos also publish when this much time has passed, {@code > 0}
   */
  public static <M extends OnlineLearner> LiveModel<M> of(M model, long publishEvery,
      long publishIntervalNanos) {
    return of(model, publishEvery, publishIntervalNanos, System::nanoTime);
  }

  /**
   * Serves {@code model}, publishing after {@code publishEvery} examples or when
   * {@code publishInterval} has passed since the last publication.
   */
  public static <M extends OnlineLearner> LiveModel<M> of(M model, long publishEvery,
      Duration publishInterval) {
    return of(model, publishEvery, publishInterval.toNanos());
  }

  /** As {@link #of(OnlineLearner, long, long)}, with the clock given (for tests). */
  static <M extends OnlineLearner> LiveModel<M> of(M model, long publishEvery,
      long publishIntervalNanos, LongSupplier clock) {
    Objects.requireNonNull(model, "model");
    if (publishEvery < 1) {
      throw new IllegalArgumentException("publishEvery must be >= 1, got " + publishEvery);
    }
    if (publishIntervalNanos <= 0) {
      throw new IllegalArgumentException(
          "publishIntervalNanos must be > 0, got " + publishIntervalNanos);
    }
    return new LiveModel<>(model, publishEvery, publishIntervalNanos, clock);
  }

  /**
   * Applies one learning step to the writer's private model, e.g. {@code m -> m.learn(x, y)}, and
   * publishes when due. If the step throws, the exception propagates and the step counts as not
   * taken (Brook's models leave themselves unchanged on bad input).
   *
   * @throws IllegalStateException if called from a thread other than the writer
   */
  public void learn(Consumer<? super M> step) {
    requireWriter();
    Swap<M> swapped = pendingSwap.getAndSet(null);
    if (swapped != null && swapped.lineage() > lineage) {
      training = swapped.model();
      lineage = swapped.lineage();
      sinceLastPublish = 0;
    }
    step.accept(training);
    sinceLastPublish++;
    long now = clock.getAsLong();
    if (sinceLastPublish >= publishEvery || now - lastPublishNanos >= publishIntervalNanos) {
      publish(copyOf(training), now);
    }
  }

  /** Publishes the writer's current model now (writer thread only). */
  public void publishNow() {
    requireWriter();
    publish(copyOf(training), clock.getAsLong());
  }

  private void publish(M copy, long now) {
    // Onto the writer's lineage only: a swap the writer has not picked up yet keeps being served.
    published.updateAndGet(
        p -> p.lineage() == lineage ? new Published<>(p.version() + 1, copy, lineage) : p);
    sinceLastPublish = 0;
    lastPublishNanos = now;
  }

  /**
   * Replaces the served model by {@code model} (owned by the live model from now on), from any
   * thread: readers answer with it from their next call, the writer learns from it on its next
   * {@code learn}. Returns the new version.
   */
  public long swap(M model) {
    Objects.requireNonNull(model, "model");
    M servedCopy = copyOf(model);
    Published<M> next = published.updateAndGet(
        p -> new Published<>(p.version() + 1, servedCopy, p.lineage() + 1));
    // Of two racing swaps, the writer must adopt the later lineage, which is the one served.
    pendingSwap.accumulateAndGet(new Swap<>(model, next.lineage()),
        (old, fresh) -> old == null || fresh.lineage() > old.lineage() ? fresh : old);
    return next.version();
  }

  /**
   * Answers {@code query} with the latest published version, on this thread's copy of it. The
   * query must only read the model (predict); it must not keep the reference.
   */
  public <R> R predict(Function<? super M, ? extends R> query) {
    return query.apply(readerCopy().model);
  }

  /** The version this thread's next {@link #predict} will use. */
  public long version() {
    return published.get().version();
  }

  /** A query's answer and the version that gave it. */
  public record Answer<R>(long version, R value) {}

  /** {@link #predict}, also telling which version answered. */
  public <R> Answer<R> predictWithVersion(Function<? super M, ? extends R> query) {
    ReaderCopy<M> copy = readerCopy();
    return new Answer<>(copy.version, query.apply(copy.model));
  }

  private ReaderCopy<M> readerCopy() {
    ReaderCopy<M> copy = readerCopies.get();
    Published<M> latest = published.get();
    if (copy.version != latest.version()) {
      copy.model = copyOf(latest.model());
      copy.version = latest.version();
    }
    return copy;
  }

  private void requireWriter() {
    Thread current = Thread.currentThread();
    Thread owner = writer.get();
    if (owner == null && writer.compareAndSet(null, current)) {
      return;
    }
    if (writer.get() != current) {
      throw new IllegalStateException("LiveModel learns on one writer thread (" + writer.get()
          .getName() + "), not on " + current.getName());
    }
  }

  @SuppressWarnings("unchecked")
  private static <M extends OnlineLearner> M copyOf(M model) {
    return (M) model.copy();
  }

  @Override
  public String toString() {
    return "LiveModel{version=" + version() + ", publishEvery=" + publishEvery
        + ", publishIntervalNanos=" + publishIntervalNanos + "}";
  }
}
