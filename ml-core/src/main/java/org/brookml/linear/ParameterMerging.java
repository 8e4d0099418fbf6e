package org.brookml.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The merge rules the linear models share (Zinkevich, Weimer, Smola and Li, "Parallelized
 * Stochastic Gradient Descent", NIPS 2010): parameters are averaged, weighted by the examples each
 * model learned; additive optimizer statistics are summed (see {@link Stepper#combine}). A model
 * is a list of {@link Stepper} rows (one for binary and regression models, one per class for
 * softmax). Everything is validated before any state changes.
 */
final class ParameterMerging {

  private ParameterMerging() {}

  /**
   * Checks every other model is non-null and has the same signature (class, shape, loss,
   * optimizer settings) as {@code self}.
   */
  static <M> void requireCompatible(M self, List<? extends M> others,
      Function<M, String> signature) {
    Objects.requireNonNull(others, "models");
    String expected = signature.apply(self);
    for (int i = 0; i < others.size(); i++) {
      M other = Objects.requireNonNull(others.get(i), "model " + i);
      String actual = signature.apply(other);
      if (!actual.equals(expected)) {
        throw new IllegalArgumentException("model " + i + " is " + actual + ", which cannot merge "
            + "with " + expected);
      }
    }
  }

  /**
   * Models trained on disjoint data, each from a fresh start: {@code target} becomes their
   * sample-weighted parameter average (equal weights if none learned anything).
   *
   * @param rows each model's rows, {@code target}'s own model first
   * @param samples each model's examples learned, same order
   */
  static void mergeFrom(Stepper[] target, List<Stepper[]> rows, long[] samples,
      Supplier<Stepper> fresh) {
    double total = 0;
    for (long n : samples) {
      total += n;
    }
    double[] shares = new double[samples.length];
    for (int r = 0; r < samples.length; r++) {
      shares[r] = total > 0 ? samples[r] / total : 1.0 / samples.length;
    }
    combineRows(target, rows, shares, row -> fresh.get());
  }

  /**
   * The synchronous data-parallel step: {@code target} is the base every replica was copied from;
   * it moves by the replicas' changes averaged by the examples each learned since the copy, and
   * its additive statistics gain every replica's increase once.
   *
   * @return the number of examples the replicas learned since the base
   * @throws IllegalArgumentException if a replica has learned fewer examples than the base
   */
  static long addDeltas(Stepper[] target, List<Stepper[]> rows, long baseSamples,
      long[] replicaSamples) {
    long total = 0;
    for (int r = 0; r < replicaSamples.length; r++) {
      if (replicaSamples[r] < baseSamples) {
        throw new IllegalArgumentException("replica " + r + " has learned " + replicaSamples[r]
            + " examples, fewer than the base's " + baseSamples
            + ": it was not copied from this model");
      }
      total += replicaSamples[r] - baseSamples;
    }
    if (total == 0) {
      return 0;
    }
    double[] shares = new double[replicaSamples.length];
    for (int r = 0; r < shares.length; r++) {
      shares[r] = (replicaSamples[r] - baseSamples) / (double) total;
    }
    Stepper[] base = new Stepper[target.length];
    for (int row = 0; row < target.length; row++) {
      base[row] = target[row].copy();
    }
    combineRows(target, rows, shares, row -> base[row]);
    return total;
  }

  private static void combineRows(Stepper[] target, List<Stepper[]> rows, double[] shares,
      IntFunction<Stepper> baseOfRow) {
    for (int row = 0; row < target.length; row++) {
      List<Stepper> replicas = new ArrayList<>(rows.size());
      for (Stepper[] model : rows) {
        replicas.add(model[row]);
      }
      target[row].combine(baseOfRow.apply(row), replicas, shares);
    }
  }
}
