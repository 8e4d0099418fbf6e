package org.brookml.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.io.Snapshots;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.optim.LearningRate;
import org.brookml.optim.Losses;
import org.brookml.optim.Optimizer;
import org.brookml.vector.SparseVector;
import org.junit.jupiter.api.Test;

class SgdClassifierTest implements OnlineLearnerContract<SgdClassifier> {

  private static final int D = 6;
  private static final double[] TRUE_W = {1.5, -2, 0, 0.5, 0, 3};

  // ------------------------------------------------------------------ contract

  @Override
  public SgdClassifier newLearner() {
    return SgdClassifier.builder(D)
        .optimizer(Optimizer.sgd(LearningRate.optimal(1e-3), 1e-3, 0.15, 1)).build();
  }

  @Override
  public void train(SgdClassifier model, int n, long dataSeed) {
    SplittableRandom random = new SplittableRandom(dataSeed);
    double[] x = new double[D];
    for (int i = 0; i < n; i++) {
      model.learn(x, example(random, x), 0.5 + random.nextDouble());
    }
  }

  /** Fills x with a sparse-ish Gaussian example and returns its label from a noisy linear rule. */
  private static int example(SplittableRandom random, double[] x) {
    double score = 0.3;
    for (int j = 0; j < D; j++) {
      x[j] = random.nextInt(3) == 0 ? 0 : random.nextGaussian();
      score += TRUE_W[j] * x[j];
    }
    return score + 0.5 * random.nextGaussian() > 0 ? 1 : 0;
  }

  @Override
  public double[] predictions(SgdClassifier model) {
    double[] out = new double[D + 3];
    for (int j = 0; j < D; j++) {
      out[j] = model.weight(j);
    }
    out[D] = model.intercept();
    out[D + 1] = model.decisionFunction(new double[] {1, 1, 1, 1, 1, 1});
    out[D + 2] = model.predictProba(new double[] {0, 1, 0, -1, 2, 0}, new double[2])[1];
    return out;
  }

  @Override
  public Map<String, Consumer<SgdClassifier>> badInputs() {
    Map<String, Consumer<SgdClassifier>> bad = new LinkedHashMap<>();
    bad.put("NaN", m -> m.learn(new double[] {0, 0, Double.NaN, 0, 0, 0}, 1));
    bad.put("infinity", m -> m.learn(new double[] {0, 0, 0, 0, 0, Double.NEGATIVE_INFINITY}, 0));
    bad.put("wrong dimension", m -> m.learn(new double[5], 1));
    bad.put("null", m -> m.learn((double[]) null, 1));
    bad.put("label 2", m -> m.learn(new double[D], 2));
    bad.put("label -1", m -> m.learn(new double[D], -1));
    bad.put("negative weight", m -> m.learn(new double[D], 1, -0.5));
    bad.put("NaN weight", m -> m.learn(new double[D], 1, Double.NaN));
    bad.put("sparse index out of range", m -> m.learn(new SparseVector().add(D, 1), 1));
    bad.put("sparse NaN", m -> m.learn(new SparseVector().add(1, Double.NaN), 1));
    bad.put("batch with a bad label", m -> m.learnBatch(new double[2 * D], 2, new int[] {0, 3}));
    bad.put("predictProba wrong buffer", m -> m.predictProba(new double[D], new double[3]));
    return bad;
  }

  // ------------------------------------------------------------------ update rules by hand

  /** Rows and labels used by the hand replays: dense, with zeros, labels in {0, 1}. */
  private static final double[][] XS = {
    {1, 0, -2, 0.5, 0, 3}, {0, 1.5, 0, -1, 2, 0}, {-0.5, 0, 0, 0, 1, 1}, {2, -1, 1, 0, 0, -1},
    {0, 0, 0.3, 0.2, -0.4, 0}
  };
  private static final int[] YS = {1, 0, 1, 0, 1};
  private static final double[] SAMPLE_WEIGHTS = {1, 0.5, 2, 1, 1.5};

  private static double dLog(double p, double y) {
    return -y / (1 + Math.exp(y * p));
  }

  private static void assertModel(SgdClassifier model, double[] w, double b) {
    assertThat(model.weights()).containsExactly(w, within(1e-12));
    assertThat(model.intercept()).isCloseTo(b, within(1e-12));
  }

  private static SgdClassifier replay(Optimizer optimizer) {
    SgdClassifier model = SgdClassifier.builder(D).optimizer(optimizer).build();
    for (int r = 0; r < XS.length; r++) {
      model.learn(XS[r], YS[r], SAMPLE_WEIGHTS[r]);
    }
    return model;
  }

  @Test
  void sgd_elasticNet_matchesScikitLearnsPlainSgdByHand() {
    double alpha = 0.01;
    double l1Ratio = 0.3;
    double eta0 = 0.1;
    double power = 0.5;
    double[] w = new double[D];
    double b = 0;
    double u = 0;
    double[] q = new double[D];
    for (int r = 0; r < XS.length; r++) {
      double eta = eta0 / Math.pow(r + 1, power);
      double p = b;
      for (int j = 0; j < D; j++) {
        p += w[j] * XS[r][j];
      }
      double g = dLog(p, 2 * YS[r] - 1) * SAMPLE_WEIGHTS[r];
      for (int j = 0; j < D; j++) {
        w[j] = w[j] * (1 - (1 - l1Ratio) * eta * alpha) - eta * g * XS[r][j];
      }
      b -= eta * g * 0.5;
      u += l1Ratio * eta * alpha;
      for (int j = 0; j < D; j++) {
        if (XS[r][j] == 0) {
          continue;
        }
        double before = w[j];
        if (w[j] > 0) {
          w[j] = Math.max(0, w[j] - (u + q[j]));
        } else if (w[j] < 0) {
          w[j] = Math.min(0, w[j] + (u - q[j]));
        }
        q[j] += w[j] - before;
      }
    }
    assertModel(replay(Optimizer.sgd(LearningRate.inverseScaling(eta0, power), alpha, l1Ratio,
        0.5)), w, b);
  }

  /**
   * Averaged SGD: the plain iterates as above, and predictions from their running mean. With
   * alpha = 2 the weight scale falls below 1e-9 after about 38 steps, which exercises the rescale.
   */
  @Test
  void averagedSgd_predictsWithTheMeanOfTheIteratesByHand() {
    assertAveragedSgdMatchesByHand(0.01);
    assertAveragedSgdMatchesByHand(2);
  }

  private static void assertAveragedSgdMatchesByHand(double alpha) {
    double l1Ratio = 0.3;
    double[] w = new double[D];
    double b = 0;
    double u = 0;
    double[] q = new double[D];
    double[] sumW = new double[D];
    double sumB = 0;
    // Rows repeated, so the L2 rescale and many coordinate histories are exercised.
    int steps = 60;
    SgdClassifier model = SgdClassifier.builder(D).optimizer(
        Optimizer.averagedSgd(LearningRate.constant(0.3), alpha, l1Ratio, 1)).build();
    for (int step = 0; step < steps; step++) {
      int r = step % XS.length;
      double eta = 0.3;
      double p = b;
      for (int j = 0; j < D; j++) {
        p += w[j] * XS[r][j];
      }
      double g = dLog(p, 2 * YS[r] - 1) * SAMPLE_WEIGHTS[r];
      for (int j = 0; j < D; j++) {
        w[j] = w[j] * (1 - (1 - l1Ratio) * eta * alpha) - eta * g * XS[r][j];
      }
      b -= eta * g;
      u += l1Ratio * eta * alpha;
      for (int j = 0; j < D; j++) {
        if (XS[r][j] == 0) {
          continue;
        }
        double before = w[j];
        if (w[j] > 0) {
          w[j] = Math.max(0, w[j] - (u + q[j]));
        } else if (w[j] < 0) {
          w[j] = Math.min(0, w[j] + (u - q[j]));
        }
        q[j] += w[j] - before;
      }
      for (int j = 0; j < D; j++) {
        sumW[j] += w[j];
      }
      sumB += b;
      model.learn(XS[r], YS[r], SAMPLE_WEIGHTS[r]);
      double[] average = new double[D];
      for (int j = 0; j < D; j++) {
        average[j] = sumW[j] / (step + 1);
      }
      assertModel(model, average, sumB / (step + 1));
    }
  }

  @Test
  void adaGrad_matchesTheFormulaByHand() {
    double eta = 0.3;
    double l2 = 0.01;
    double[] w = new double[D + 1];
    double[] g2 = new double[D + 1];
    for (int r = 0; r < XS.length; r++) {
      double p = dot(w, XS[r]);
      double g = dLog(p, 2 * YS[r] - 1) * SAMPLE_WEIGHTS[r];
      for (int j = 0; j <= D; j++) {
        double xj = j == D ? 1 : XS[r][j];
        if (xj == 0) {
          continue;
        }
        double gj = g * xj + (j == D ? 0 : l2 * w[j]);
        g2[j] += gj * gj;
        w[j] -= eta * gj / Math.sqrt(g2[j] + 1e-8);
      }
    }
    SgdClassifier model = replay(Optimizer.adaGrad(eta, l2));
    assertModel(model, java.util.Arrays.copyOf(w, D), w[D]);
  }

  @Test
  void adam_matchesTheFormulaByHand() {
    double eta = 0.05;
    double b1 = 0.9;
    double b2 = 0.999;
    double l2 = 0.001;
    double[] w = new double[D + 1];
    double[] m = new double[D + 1];
    double[] v = new double[D + 1];
    for (int r = 0; r < XS.length; r++) {
      int t = r + 1;
      double p = dot(w, XS[r]);
      double g = dLog(p, 2 * YS[r] - 1) * SAMPLE_WEIGHTS[r];
      for (int j = 0; j <= D; j++) {
        double xj = j == D ? 1 : XS[r][j];
        if (xj == 0) {
          continue;
        }
        double gj = g * xj + (j == D ? 0 : l2 * w[j]);
        m[j] = b1 * m[j] + (1 - b1) * gj;
        v[j] = b2 * v[j] + (1 - b2) * gj * gj;
        double mHat = m[j] / (1 - Math.pow(b1, t));
        double vHat = v[j] / (1 - Math.pow(b2, t));
        w[j] -= eta * mHat / (Math.sqrt(vHat) + 1e-8);
      }
    }
    SgdClassifier model = replay(Optimizer.adam(eta, b1, b2, l2));
    assertModel(model, java.util.Arrays.copyOf(w, D), w[D]);
  }

  @Test
  void ftrl_matchesMcMahanAlgorithm1ByHand() {
    double alpha = 0.5;
    double beta = 1;
    double l1 = 0.05;
    double l2 = 0.1;
    double[] z = new double[D + 1];
    double[] n = new double[D + 1];
    double[] w = new double[D + 1];
    for (int r = 0; r < XS.length; r++) {
      double p = dot(w, XS[r]);
      double g = dLog(p, 2 * YS[r] - 1) * SAMPLE_WEIGHTS[r];
      for (int j = 0; j <= D; j++) {
        double xj = j == D ? 1 : XS[r][j];
        if (xj == 0) {
          continue;
        }
        double gj = g * xj;
        double sigma = (Math.sqrt(n[j] + gj * gj) - Math.sqrt(n[j])) / alpha;
        z[j] += gj - sigma * w[j];
        n[j] += gj * gj;
        double lambda1 = j == D ? 0 : l1;
        double lambda2 = j == D ? 0 : l2;
        w[j] = Math.abs(z[j]) <= lambda1 ? 0
            : -(z[j] - Math.signum(z[j]) * lambda1) / ((beta + Math.sqrt(n[j])) / alpha + lambda2);
      }
    }
    SgdClassifier model = replay(Optimizer.ftrl(alpha, beta, l1, l2));
    assertModel(model, java.util.Arrays.copyOf(w, D), w[D]);
    assertThat(model.weights()).contains(0.0); // L1 keeps some weights exactly at zero
  }

  /** {@code w[0..D) . x + w[D]}. */
  private static double dot(double[] w, double[] x) {
    double p = w[D];
    for (int j = 0; j < D; j++) {
      p += w[j] * x[j];
    }
    return p;
  }

  // ------------------------------------------------------------------ behaviour

  private static List<Optimizer> allOptimizers() {
    return List.of(Optimizer.sgd(LearningRate.optimal(1e-4), 1e-4, 0.5, 1),
        Optimizer.averagedSgd(LearningRate.optimal(1e-4), 1e-4, 0.5, 1),
        Optimizer.adaGrad(0.1, 1e-4), Optimizer.adam(0.01, 0.9, 0.999, 0),
        Optimizer.ftrl(0.1, 1, 0.01, 0.01));
  }

  @Test
  void denseAndSparseInput_giveTheSameModel_forEveryOptimizer() {
    for (Optimizer optimizer : allOptimizers()) {
      SgdClassifier dense = SgdClassifier.builder(D).optimizer(optimizer).build();
      SgdClassifier sparse = dense.copy();
      SplittableRandom random = new SplittableRandom(3);
      double[] x = new double[D];
      SparseVector sv = new SparseVector();
      for (int i = 0; i < 3_000; i++) {
        int label = example(random, x);
        dense.learn(x, label);
        sv.clear();
        for (int j = 0; j < D; j++) {
          if (x[j] != 0) {
            sv.add(j, x[j]);
          }
        }
        sparse.learn(sv, label);
      }
      assertThat(sparse.weights()).as(optimizer.toString())
          .containsExactly(dense.weights(), within(1e-9));
      assertThat(sparse.intercept()).isCloseTo(dense.intercept(), within(1e-9));
    }
  }

  @Test
  void snapshotMidStream_continuesExactlyAsAnUnbrokenRun_forEveryOptimizer() {
    for (Optimizer optimizer : allOptimizers()) {
      SgdClassifier unbroken = SgdClassifier.builder(D).optimizer(optimizer).build();
      SgdClassifier first = unbroken.copy();
      SplittableRandom data = new SplittableRandom(9);
      double[][] rows = new double[2_000][D];
      int[] labels = new int[2_000];
      for (int i = 0; i < 2_000; i++) {
        labels[i] = example(data, rows[i]);
      }
      for (int i = 0; i < 2_000; i++) {
        unbroken.learn(rows[i], labels[i]);
      }
      for (int i = 0; i < 1_000; i++) {
        first.learn(rows[i], labels[i]);
      }
      SgdClassifier resumed = Snapshots.read(Snapshots.write(first), SgdClassifier.class);
      for (int i = 1_000; i < 2_000; i++) {
        resumed.learn(rows[i], labels[i]);
      }
      assertThat(Snapshots.write(resumed)).as(optimizer.toString())
          .isEqualTo(Snapshots.write(unbroken));
    }
  }

  @Test
  void everyOptimizer_learnsTheLinearRule() {
    for (Optimizer optimizer : allOptimizers()) {
      SgdClassifier model = SgdClassifier.builder(D).optimizer(optimizer).build();
      train(model, 30_000, 11);
      SplittableRandom test = new SplittableRandom(12);
      double[] x = new double[D];
      int correct = 0;
      int bayes = 0;
      for (int i = 0; i < 10_000; i++) {
        int label = example(test, x);
        correct += model.predict(x) == label ? 1 : 0;
        double score = 0.3;
        for (int j = 0; j < D; j++) {
          score += TRUE_W[j] * x[j];
        }
        bayes += (score > 0 ? 1 : 0) == label ? 1 : 0;
      }
      // Within two points of the Bayes-optimal rule (the noise-free linear score).
      assertThat(correct).as(optimizer.toString()).isGreaterThan(bayes - 200);
    }
  }

  @Test
  void logLossProbabilities_stayFiniteAndOrdered_forHugeMargins() {
    SgdClassifier model = SgdClassifier.builder(1)
        .optimizer(Optimizer.sgd(LearningRate.constant(1), 0, 0, 0)).build();
    model.learn(new double[] {1}, 1);
    double[] proba = model.predictProba(new double[] {1e6}, new double[2]);
    assertThat(proba[1]).isEqualTo(1.0);
    assertThat(model.predictProba(new double[] {-1e6}, new double[2])[1]).isZero();
  }

  @Test
  void aDivergingLearningRate_endsInAClearException_notNaNWeights() {
    SgdClassifier model = SgdClassifier.builder(2).loss(Losses.hinge())
        .optimizer(Optimizer.sgd(LearningRate.constant(1e300), 0, 0, 1)).build();
    assertThatThrownBy(() -> {
      for (int i = 0; i < 10; i++) {
        model.learn(new double[] {1e10, -1e10}, i % 2);
      }
    }).isInstanceOf(IllegalStateException.class).hasMessageContaining("diverged");
    assertThatThrownBy(() -> model.predict(new double[] {1, 1}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("lower the learning rate");
  }

  @Test
  void builder_rejectsBadSettings_namingThem() {
    assertThatThrownBy(() -> SgdClassifier.builder(0))
        .hasMessage("dimension must be in 1..16777216, got 0");
    assertThatThrownBy(() -> Optimizer.sgd(LearningRate.constant(0.1), -1, 0, 1))
        .hasMessage("alpha must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> Optimizer.sgd(LearningRate.constant(0.1), 0, 2, 1))
        .hasMessage("l1Ratio must be in [0, 1], got 2.0");
    assertThatThrownBy(() -> Optimizer.adam(0.1, 1, 0.9, 0)).hasMessageContaining("below 1");
    assertThatThrownBy(() -> Optimizer.ftrl(0, 1, 0, 0)).hasMessageContaining("alpha");
  }
}
