package org.brookml.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.brookml.internal.optim.Stepper;

/**
 * The merge rules the linear models share (Zinkevich, Weimer, Smola and Li, "Parallelized
 * Stochastic Gradient Descent", NIPS 2010): parameters are averaged, weighted by the examples each
 * model learned; additive optimizer statistics are summed (see {@link Stepper#combine}). A model
 * is a list of {@link Stepper} rows (one for binary and regression models, one per class for
 * softmax). Callers validate the models first ({@code MergeChecks}).
 */
final class ParameterMerging {

  private ParameterMerging() {}

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
   * @param replicaSamples each replica's examples learned, none fewer than {@code baseSamples}
   *     (see {@code MergeChecks.learnedSinceBase})
   * @return the number of examples the replicas learned since the base
   */
  static long addDeltas(Stepper[] target, List<Stepper[]> rows, long baseSamples,
      long[] replicaSamples) {
    long total = 0;
    for (long samples : replicaSamples) {
      total += samples - baseSamples;
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
