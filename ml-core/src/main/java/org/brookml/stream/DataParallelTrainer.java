package org.brookml.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.brookml.learner.Mergeable;

/**
 * Synchronous data-parallel training of one {@link Mergeable} model on a fixed number of threads:
 * each call splits a range of rows into contiguous parts, one per thread; each part is learned by
 * a copy of the model on its own thread (the calling thread takes the first), and the model then
 * adds what every copy learned ({@link Mergeable#addDeltas}: parameter averaging for the linear
 * models, count-weighted centres for k-means, as each states). Between calls the model is an
 * ordinary model: predict with it, snapshot it, or learn with it directly.
 *
 * <p>A call is atomic: if any part throws (a bad row, say), the copies are dropped, the model is
 * left exactly as it was, and the first failure is rethrown. With one thread a call is the model
 * learning the rows itself. Not thread-safe: one caller at a time. {@link #close} stops the
 * threads.
 *
 * @param <M> the model type
 */
public final class DataParallelTrainer<M extends Mergeable<M>> implements AutoCloseable {

  /** What a copy of the model does with its part of the rows. */
  @FunctionalInterface
  public interface Part<M> {
    /** Learns rows {@code [fromRow, fromRow + rows)} into {@code replica}. */
    void learn(M replica, int fromRow, int rows);
  }

  private final M model;
  private final int threads;
  private final ExecutorService pool;

  private DataParallelTrainer(M model, int threads) {
    this.model = model;
    this.threads = threads;
    this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, task -> {
      Thread thread = new Thread(task, "brook-data-parallel");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** A trainer of {@code model} on {@code threads} threads (1 to 256). */
  public static <M extends Mergeable<M>> DataParallelTrainer<M> of(M model, int threads) {
    Objects.requireNonNull(model, "model");
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads must be in [1, 256], got " + threads);
    }
    return new DataParallelTrainer<>(model, threads);
  }

  /** The model trained. */
  public M model() {
    return model;
  }

  /** Number of threads, the caller's included. */
  public int threads() {
    return threads;
  }

  /**
   * Learns rows {@code [fromRow, fromRow + rows)}: {@code part} is called once per thread with a
   * copy of the model and a contiguous share of the rows (the first share on the calling thread),
   * then the model adds every copy's deltas. Returns the model.
   *
   * @throws IllegalArgumentException if the range is negative, or what a part threw; the model is
   *     then unchanged
   */
  public M learn(int fromRow, int rows, Part<M> part) {
    Objects.requireNonNull(part, "part");
    if (fromRow < 0 || rows < 0 || (long) fromRow + rows > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("rows [" + fromRow + ", " + fromRow + " + " + rows
          + ") is not a range of rows");
    }
    if (pool == null) {
      part.learn(model, fromRow, rows);
      return model;
    }
    List<M> replicas = new ArrayList<>(threads);
    List<Future<?>> running = new ArrayList<>(threads - 1);
    for (int t = 0; t < threads; t++) {
      @SuppressWarnings("unchecked") // a Mergeable<M>'s copy is an M
      M replica = (M) model.copy();
      replicas.add(replica);
    }
    for (int t = 1; t < threads; t++) {
      M replica = replicas.get(t);
      int from = fromRow + share(rows, t);
      int count = share(rows, t + 1) - share(rows, t);
      running.add(pool.submit(() -> part.learn(replica, from, count)));
    }
    RuntimeException failure = null;
    try {
      part.learn(replicas.get(0), fromRow, share(rows, 1));
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Future<?> future : running) {
      RuntimeException thrown = outcome(future);
      failure = failure == null ? thrown : failure;
    }
    if (failure != null) {
      throw failure;
    }
    model.addDeltas(replicas);
    return model;
  }

  /** The first row of share {@code t} of {@code rows}. */
  private int share(int rows, int t) {
    return (int) ((long) rows * t / threads);
  }

  /** Waits for a part; what it threw, as an unchecked exception, or null. */
  private static RuntimeException outcome(Future<?> future) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          future.get();
          return null;
        } catch (InterruptedException e) {
          interrupted = true; // the part still runs on a copy: wait for it
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        return (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      return new IllegalStateException("a part failed: " + cause, cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops the threads; the model stays usable. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
