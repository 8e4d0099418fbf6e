package org.brookml.eval;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Hears how a long evaluation is going: after each example the evaluation calls
 * {@link #onProgress} with the number of examples so far and the metrics as they stand (live: read
 * them, do not keep them). Use {@link #every} or {@link #printEvery} for a report every n examples.
 *
 * @param <M> the metrics type of the evaluation
 */
@FunctionalInterface
public interface ProgressListener<M> {

  /** Called after each example with the count so far and the current metrics. */
  void onProgress(long examples, M metrics);

  /** A listener that does nothing. */
  static <M> ProgressListener<M> none() {
    return (examples, metrics) -> { };
  }

  /** Passes every {@code interval}-th call (examples 1 x interval, 2 x interval, ...) on. */
  static <M> ProgressListener<M> every(long interval, ProgressListener<M> listener) {
    if (interval < 1) {
      throw new IllegalArgumentException("interval must be >= 1, got " + interval);
    }
    Objects.requireNonNull(listener, "listener");
    return (examples, metrics) -> {
      if (examples % interval == 0) {
        listener.onProgress(examples, metrics);
      }
    };
  }

  /** Prints {@code "<n> examples: <metrics>"} to {@code out} every {@code interval} examples. */
  static <M> ProgressListener<M> printEvery(long interval, PrintStream out) {
    Objects.requireNonNull(out, "out");
    return every(interval, (examples, metrics) -> out.println(examples + " examples: " + metrics));
  }
}
