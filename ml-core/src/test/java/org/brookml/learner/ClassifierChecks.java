package org.brookml.learner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.vector.SparseVector;

/**
 * Data and bad inputs shared by the contract tests of classifiers over dense numeric features: a
 * three-class concept on four uniform features that a tree needs two splits for, with 5% label
 * noise.
 */
public final class ClassifierChecks {

  /** Features of the synthetic concept. */
  public static final int D = 4;
  /** Classes of the synthetic concept. */
  public static final int K = 3;

  private static final double[][] PROBES = {
      {0.1, 0.1, 0.1, 0.5}, {0.9, 0.1, 0.2, 0.5}, {0.9, 0.8, 0.6, 0.1}, {0.5, 0.5, 0.5, 0.5}};

  private ClassifierChecks() {}

  /** Fills {@code x} with a random example and returns its (noisy) label. */
  public static int example(SplittableRandom random, double[] x) {
    for (int j = 0; j < D; j++) {
      x[j] = random.nextDouble();
    }
    int label = (x[0] > 0.3 ? 1 : 0) + (x[1] + x[2] > 0.9 ? 1 : 0);
    return random.nextInt(20) == 0 ? random.nextInt(K) : label;
  }

  /** The noise-free label of {@code x}. */
  public static int truth(double[] x) {
    return (x[0] > 0.3 ? 1 : 0) + (x[1] + x[2] > 0.9 ? 1 : 0);
  }

  /** Trains on {@code n} examples drawn from {@code seed}. */
  public static void train(OnlineClassifier model, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[D];
    for (int i = 0; i < n; i++) {
      model.learn(x, example(random, x));
    }
  }

  /** Fraction of {@code n} fresh examples whose noise-free label the model predicts. */
  public static double accuracy(OnlineClassifier model, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[D];
    int correct = 0;
    for (int i = 0; i < n; i++) {
      example(random, x);
      correct += model.predict(x) == truth(x) ? 1 : 0;
    }
    return correct / (double) n;
  }

  /** Class probabilities at fixed probes, concatenated. */
  public static double[] predictions(OnlineClassifier model) {
    double[] out = new double[PROBES.length * K];
    double[] proba = new double[K];
    for (int p = 0; p < PROBES.length; p++) {
      System.arraycopy(model.predictProba(PROBES[p], proba), 0, out, p * K, K);
    }
    return out;
  }

  /** Calls every such classifier that refuses NaN must reject without changing. */
  public static <L extends OnlineClassifier> Map<String, Consumer<L>> badInputs() {
    return badInputs(false);
  }

  /**
   * Calls every such classifier must reject without changing; for one that takes NaN as a missing
   * value ({@code takesMissing}), the NaN cases of dense rows are left out (the contract checks
   * that policy on its own).
   */
  public static <L extends OnlineClassifier> Map<String, Consumer<L>> badInputs(
      boolean takesMissing) {
    Map<String, Consumer<L>> bad = new LinkedHashMap<>();
    if (!takesMissing) {
      bad.put("NaN", m -> m.learn(new double[] {0, Double.NaN, 0, 0}, 1));
      bad.put("batch with a NaN in its last row", m -> m.learnBatch(
          new double[] {0, 0, 0, 0, 0, 0, 0, Double.NaN}, 2, new int[] {0, 1}));
    }
    bad.put("-infinity", m -> m.learn(new double[] {0, Double.NEGATIVE_INFINITY, 0, 0}, 1));
    bad.put("batch with 1e154 in its last row",
        m -> m.learnBatch(new double[] {0, 0, 0, 0, 0, 0, 0, 1e154}, 2, new int[] {0, 1}));
    bad.put("infinity", m -> m.learn(new double[] {0, 0, 0, Double.POSITIVE_INFINITY}, 1));
    bad.put("wrong dimension", m -> m.learn(new double[D + 1], 1));
    bad.put("label out of range", m -> m.learn(new double[D], K));
    bad.put("negative label", m -> m.learn(new double[D], -1));
    bad.put("negative weight", m -> m.learn(new double[D], 1, -0.5));
    bad.put("NaN weight", m -> m.learn(new double[D], 1, Double.NaN));
    bad.put("null", m -> m.learn((double[]) null, 1));
    bad.put("null sparse", m -> m.learn((SparseVector) null, 1));
    bad.put("sparse index out of range", m -> m.learn(new SparseVector().add(D, 1), 1));
    bad.put("sparse NaN", m -> m.learn(new SparseVector().add(0, Double.NaN), 1));
    bad.put("batch with a bad label", m -> m.learnBatch(new double[2 * D], 2, new int[] {0, 7}));
    bad.put("predictProba buffer too short", m -> m.predictProba(new double[D], new double[1]));
    return bad;
  }
}
