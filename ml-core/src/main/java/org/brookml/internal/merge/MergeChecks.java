package org.brookml.internal.merge;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.brookml.learner.OnlineLearner;

/**
 * The checks every {@code Mergeable} implementation makes before it changes anything: the models
 * are present and configured alike, and replicas really were copied from the base.
 */
public final class MergeChecks {

  private MergeChecks() {}

  /**
   * Checks every model is non-null and has the same {@code signature} (the settings that must
   * agree for a merge) as {@code self}.
   *
   * @throws IllegalArgumentException naming the first model that differs
   */
  public static <M> void requireCompatible(M self, List<? extends M> others,
      Function<? super M, String> signature) {
    Objects.requireNonNull(others, "models");
    String expected = signature.apply(self);
    for (int i = 0; i < others.size(); i++) {
      M other = Objects.requireNonNull(others.get(i), "model " + i);
      String actual = signature.apply(other);
      if (!actual.equals(expected)) {
        throw new IllegalArgumentException("model " + i + " is " + actual
            + ", which cannot merge with " + expected);
      }
    }
  }

  /**
   * Checks every replica has learned at least the base's {@code baseSamples} examples, and returns
   * how many they learned since the base, together.
   *
   * @throws IllegalArgumentException if a replica has learned fewer: it was not copied from the base
   */
  public static long learnedSinceBase(long baseSamples, List<? extends OnlineLearner> replicas) {
    long[] samples = new long[replicas.size()];
    for (int r = 0; r < samples.length; r++) {
      samples[r] = replicas.get(r).samplesSeen();
    }
    return learnedSinceBase(baseSamples, samples);
  }

  /** {@link #learnedSinceBase(long, List)} over the replicas' example counts. */
  public static long learnedSinceBase(long baseSamples, long[] replicaSamples) {
    long total = 0;
    for (int r = 0; r < replicaSamples.length; r++) {
      long samples = replicaSamples[r];
      if (samples < baseSamples) {
        throw new IllegalArgumentException("replica " + r + " has learned " + samples
            + " examples, fewer than the base's " + baseSamples
            + ": it was not copied from this model");
      }
      total += samples - baseSamples;
    }
    return total;
  }
}
