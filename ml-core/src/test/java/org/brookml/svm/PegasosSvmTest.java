package org.brookml.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.io.Snapshots;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.svm.PegasosSvm.Bias;
import org.brookml.vector.SparseVector;
import org.junit.jupiter.api.Test;

class PegasosSvmTest implements OnlineLearnerContract<PegasosSvm> {

  private static final int D = 5;

  @Override
  public PegasosSvm newLearner() {
    return PegasosSvm.builder(D, 2).lambda(1e-3).averaging(true).build();
  }

  @Override
  public void train(PegasosSvm model, int n, long dataSeed) {
    SplittableRandom random = new SplittableRandom(dataSeed);
    double[] x = new double[D];
    for (int i = 0; i < n; i++) {
      model.learn(x, example(random, x));
    }
  }

  private static int example(SplittableRandom random, double[] x) {
    double score = 0.5;
    for (int j = 0; j < D; j++) {
      x[j] = random.nextInt(4) == 0 ? 0 : random.nextGaussian();
      score += (j % 2 == 0 ? 1 : -1) * (j + 1) * x[j];
    }
    return score + random.nextGaussian() > 0 ? 1 : 0;
  }

  @Override
  public double[] predictions(PegasosSvm model) {
    double[] out = new double[D + 3];
    for (int j = 0; j < D; j++) {
      out[j] = model.weight(0, j);
    }
    out[D] = model.intercept(0);
    out[D + 1] = model.decisionFunction(new double[] {1, 0, -1, 2, 0}, new double[1])[0];
    out[D + 2] = model.predictProba(new double[] {1, 0, -1, 2, 0}, new double[2])[1];
    return out;
  }

  @Override
  public Map<String, Consumer<PegasosSvm>> badInputs() {
    Map<String, Consumer<PegasosSvm>> bad = new LinkedHashMap<>();
    bad.put("NaN", m -> m.learn(new double[] {0, Double.NaN, 0, 0, 0}, 1));
    bad.put("wrong dimension", m -> m.learn(new double[4], 1));
    bad.put("label 2", m -> m.learn(new double[D], 2));
    bad.put("weight 0.5", m -> m.learn(new double[D], 1, 0.5));
    bad.put("null", m -> m.learn((double[]) null, 1));
    bad.put("sparse index out of range", m -> m.learn(new SparseVector().add(D, 1), 1));
    bad.put("batch with a NaN", m -> m.learnBatch(new double[] {0, 0, 0, 0, Double.NaN}, 1,
        new int[] {1}));
    bad.put("batch with a bad label", m -> m.learnBatch(new double[2 * D], 2, new int[] {0, 5}));
    return bad;
  }

  // ------------------------------------------------------------------ the paper's update, by hand

  /**
   * Straightforward Pegasos from the paper, with the bias as an augmented feature (index D); steps
   * {@code 1 / (lambda (t + t0))}, the unregularized bias's scaled by the intercept rate.
   */
  private static final class Reference {
    final double lambda;
    final double t0;
    final double interceptRate;
    final boolean project;
    final Bias bias;
    final double[] w = new double[D + 1];
    final double[] sum = new double[D + 1];
    int t;

    Reference(double lambda, double t0, double interceptRate, boolean project, Bias bias) {
      this.lambda = lambda;
      this.t0 = t0;
      this.interceptRate = interceptRate;
      this.project = project;
      this.bias = bias;
    }

    double margin(double[] x) {
      double f = w[D];
      for (int j = 0; j < D; j++) {
        f += w[j] * x[j];
      }
      return f;
    }

    void step(double[][] rows, int[] labels) {
      t++;
      double eta = 1 / (lambda * (t + t0));
      int k = rows.length;
      boolean[] violator = new boolean[k];
      for (int r = 0; r < k; r++) {
        violator[r] = (2 * labels[r] - 1) * margin(rows[r]) < 1;
      }
      for (int j = 0; j < D; j++) {
        w[j] *= 1 - eta * lambda;
      }
      if (bias == Bias.AUGMENTED) {
        w[D] *= 1 - eta * lambda;
      }
      for (int r = 0; r < k; r++) {
        if (violator[r]) {
          double y = 2 * labels[r] - 1;
          for (int j = 0; j < D; j++) {
            w[j] += eta / k * y * rows[r][j];
          }
          if (bias == Bias.AUGMENTED) {
            w[D] += eta / k * y;
          } else if (bias == Bias.UNREGULARIZED) {
            w[D] += interceptRate * eta / k * y;
          }
        }
      }
      if (project) {
        double norm = 0;
        for (int j = 0; j < D; j++) {
          norm += w[j] * w[j];
        }
        if (bias == Bias.AUGMENTED) {
          norm += w[D] * w[D];
        }
        norm = Math.sqrt(norm);
        double radius = 1 / Math.sqrt(lambda);
        if (norm > radius) {
          for (int j = 0; j < D; j++) {
            w[j] *= radius / norm;
          }
          if (bias == Bias.AUGMENTED) {
            w[D] *= radius / norm;
          }
        }
      }
      for (int j = 0; j <= D; j++) {
        sum[j] += w[j];
      }
    }
  }

  private static void assertMatches(PegasosSvm model, Reference ref, boolean averaged) {
    for (int j = 0; j < D; j++) {
      double expected = averaged ? ref.sum[j] / ref.t : ref.w[j];
      assertThat(model.weight(0, j)).as("weight %d at t=%d", j, ref.t)
          .isCloseTo(expected, within(1e-12 * (1 + Math.abs(expected))));
    }
    double expectedBias = averaged ? ref.sum[D] / ref.t : ref.w[D];
    assertThat(model.intercept(0))
        .isCloseTo(expectedBias, within(1e-12 * (1 + Math.abs(expectedBias))));
  }

  private static void assertReplayMatches(boolean project, Bias bias, int k, boolean averaged) {
    assertReplayMatches(0.05, 0, 1, project, bias, k, averaged);
  }

  private static void assertReplayMatches(double lambda, double t0, double interceptRate,
      boolean project, Bias bias, int k, boolean averaged) {
    PegasosSvm model = PegasosSvm.builder(D, 2).lambda(lambda).stepOffset(t0).projection(project)
        .averaging(averaged).bias(bias).interceptRate(interceptRate).batchSize(k).build();
    Reference ref = new Reference(lambda, t0, interceptRate, project, bias);
    SplittableRandom random = new SplittableRandom(k * 31 + (project ? 1 : 0));
    double[][] rows = new double[k][D];
    int[] labels = new int[k];
    double[] flat = new double[k * D];
    for (int step = 0; step < 400; step++) {
      for (int r = 0; r < k; r++) {
        labels[r] = example(random, rows[r]);
        System.arraycopy(rows[r], 0, flat, r * D, D);
      }
      if (k == 1) {
        model.learn(rows[0], labels[0]);
      } else {
        model.learnBatch(flat, k, labels);
      }
      ref.step(rows, labels);
      assertMatches(model, ref, averaged);
    }
  }

  @Test
  void singleExampleSteps_matchThePaperByHand_withAndWithoutProjection() {
    // lambda = 1e-6: projections fold the scale into v again and again.
    assertReplayMatches(1e-6, 0, 1, true, Bias.AUGMENTED, 1, false);
    assertReplayMatches(false, Bias.AUGMENTED, 1, false);
    assertReplayMatches(true, Bias.AUGMENTED, 1, false);
    assertReplayMatches(true, Bias.UNREGULARIZED, 1, false);
    assertReplayMatches(true, Bias.NONE, 1, false);
  }

  @Test
  void miniBatchSteps_matchThePaperByHand_withAndWithoutProjection() {
    assertReplayMatches(false, Bias.AUGMENTED, 7, false);
    assertReplayMatches(true, Bias.AUGMENTED, 7, false);
    assertReplayMatches(true, Bias.UNREGULARIZED, 3, false);
  }

  @Test
  void stepOffsetAndDampedIntercept_matchTheRuleByHand() {
    assertReplayMatches(0.05, 100, 0.01, false, Bias.UNREGULARIZED, 1, false);
    assertReplayMatches(0.05, 100, 0.01, true, Bias.UNREGULARIZED, 4, false);
    assertReplayMatches(1e-3, 1000, 1, true, Bias.AUGMENTED, 1, true);
    assertReplayMatches(0.05, 2.5, 1, false, Bias.NONE, 3, false);
  }

  @Test
  void averaging_returnsTheMeanOfTheIteratesByHand() {
    assertReplayMatches(true, Bias.AUGMENTED, 1, true);
    assertReplayMatches(false, Bias.UNREGULARIZED, 5, true);
  }

  @Test
  void denseAndSparseInput_giveTheSameModel() {
    PegasosSvm dense = newLearner();
    PegasosSvm sparse = dense.copy();
    SplittableRandom random = new SplittableRandom(5);
    double[] x = new double[D];
    SparseVector sv = new SparseVector();
    for (int i = 0; i < 5_000; i++) {
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
    for (int j = 0; j < D; j++) {
      assertThat(sparse.weight(0, j)).isCloseTo(dense.weight(0, j), within(1e-9));
    }
  }

  @Test
  void oneVsRest_separatesThreeClasses_andGivesCalibratedLookingProbabilities() {
    double[][] centres = {{3, 0, 0, 0, 0}, {0, 3, 0, 0, 0}, {0, 0, 3, 0, 0}};
    PegasosSvm model = PegasosSvm.builder(D, 3).lambda(1e-3).build();
    SplittableRandom random = new SplittableRandom(6);
    double[] x = new double[D];
    for (int i = 0; i < 30_000; i++) {
      int label = random.nextInt(3);
      for (int j = 0; j < D; j++) {
        x[j] = centres[label][j] + random.nextGaussian();
      }
      model.learn(x, label);
    }
    int correct = 0;
    double[] proba = new double[3];
    for (int i = 0; i < 3_000; i++) {
      int label = random.nextInt(3);
      for (int j = 0; j < D; j++) {
        x[j] = centres[label][j] + random.nextGaussian();
      }
      correct += model.predict(x) == label ? 1 : 0;
      model.predictProba(x, proba);
      assertThat(proba[0] + proba[1] + proba[2]).isCloseTo(1, within(1e-12));
    }
    assertThat(correct / 3_000.0).isGreaterThan(0.9);
    model.predictProba(new double[] {5, 0, 0, 0, 0}, proba);
    assertThat(proba[0]).isGreaterThan(0.8);
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> PegasosSvm.builder(3, 2).lambda(0))
        .hasMessage("lambda must be finite and > 0, got 0.0");
    assertThatThrownBy(() -> PegasosSvm.builder(3, 1))
        .hasMessage("numClasses must be in 2..65536, got 1");
    assertThatThrownBy(() -> PegasosSvm.builder(3, 2).stepOffset(-1))
        .hasMessage("stepOffset must be finite and >= 0, got -1.0");
    assertThatThrownBy(() -> PegasosSvm.builder(3, 2).stepOffset(Double.NaN))
        .hasMessage("stepOffset must be finite and >= 0, got NaN");
    assertThatThrownBy(() -> PegasosSvm.builder(3, 2).interceptRate(0))
        .hasMessage("interceptRate must be in (0, 1], got 0.0");
    assertThatThrownBy(() -> PegasosSvm.builder(3, 2).interceptRate(1.5))
        .hasMessage("interceptRate must be in (0, 1], got 1.5");
    assertThatThrownBy(() -> PegasosSvm.builder(3, 2).bias(PegasosSvm.Bias.AUGMENTED)
        .interceptRate(0.01).build())
        .hasMessage("interceptRate 0.01 applies to Bias.UNREGULARIZED only; the bias is AUGMENTED");
  }

  private static void assertSameWeights(PegasosSvm a, PegasosSvm b) {
    for (int c = 0; c < 3; c++) {
      for (int j = 0; j < 5; j++) {
        double expected = b.weight(c, j);
        assertThat(a.weight(c, j)).isCloseTo(expected, within(1e-12 * (1 + Math.abs(expected))));
      }
      double expected = b.intercept(c);
      assertThat(a.intercept(c)).isCloseTo(expected, within(1e-12 * (1 + Math.abs(expected))));
    }
  }

  /**
   * {@code pegasos-svm-v1.bin} was written before the step offset and intercept rate existed (state
   * version 1): it reads as offset 0 and rate 1, the same model this release trains on the same
   * examples (within 1e-12: the scalar kernels wrote it, the Vector API's add in another order),
   * and goes on learning as that model does.
   */
  @Test
  void versionOneSnapshot_readsAsTheSameModelWithTheDefaults() throws java.io.IOException {
    byte[] bytes;
    try (java.io.InputStream in =
        PegasosSvmTest.class.getResourceAsStream("/snapshots/pegasos-svm-v1.bin")) {
      bytes = in.readAllBytes();
    }
    assertThat(org.brookml.io.Snapshots.inspect(bytes).stateVersion()).isEqualTo(1);
    PegasosSvm restored = Snapshots.read(bytes, PegasosSvm.class);
    // What wrote the file: 300 examples of three classes, lambda 1e-3, averaging, and the
    // paper's schedule, the default then.
    PegasosSvm trained =
        PegasosSvm.builder(5, 3).lambda(1e-3).averaging(true).paperRule().build();
    SplittableRandom random = new SplittableRandom(42);
    double[] x = new double[5];
    for (int i = 0; i < 300; i++) {
      for (int j = 0; j < 5; j++) {
        x[j] = random.nextGaussian();
      }
      int label = random.nextInt(3);
      x[label] += 2;
      trained.learn(x, label);
    }
    assertThat(restored.toString()).isEqualTo(trained.toString());
    assertSameWeights(restored, trained);
    for (int i = 0; i < 100; i++) {
      for (int j = 0; j < 5; j++) {
        x[j] = random.nextGaussian();
      }
      int label = random.nextInt(3);
      restored.learn(x, label);
      trained.learn(x, label);
    }
    assertSameWeights(restored, trained);
  }

  /** A whole weight k is k steps on the example, dense and sparse; k above the cap is refused. */
  @Test
  void aWholeWeight_isThatManySteps() {
    PegasosSvm weighted = PegasosSvm.builder(3, 2).build();
    PegasosSvm repeated = PegasosSvm.builder(3, 2).build();
    PegasosSvm sparse = PegasosSvm.builder(3, 2).build();
    double[] x = {0.5, -1, 2};
    weighted.learn(x, 1, 3);
    SparseVector sx = new SparseVector().add(0, 0.5).add(1, -1).add(2, 2);
    sparse.learn(sx, 1, 3);
    for (int k = 0; k < 3; k++) {
      repeated.learn(x, 1);
    }
    assertThat(Snapshots.write(weighted)).isEqualTo(Snapshots.write(repeated));
    assertThat(Snapshots.write(sparse)).isEqualTo(Snapshots.write(repeated));
    byte[] before = Snapshots.write(weighted);
    assertThatThrownBy(() -> weighted.learn(x, 1, PegasosSvm.MAX_WEIGHT + 1))
        .hasMessageContaining("whole sample weight from 0 to 1000");
    assertThat(Snapshots.write(weighted)).isEqualTo(before);
  }

  /** Ensembles give Poisson weights (0, 1, 2, ...): over Pegasos they learn ordinary data. */
  @Test
  void ensemblesOverPegasos_learnWithPoissonWeights() {
    PegasosSvm base = PegasosSvm.builder(2, 2).build();
    java.util.List<org.brookml.learner.OnlineClassifier> ensembles = java.util.List.of(
        org.brookml.ensemble.OnlineBagging.builder(base).size(5).build(),
        org.brookml.ensemble.OnlineAdaBoost.builder(base).size(5).build());
    for (org.brookml.learner.OnlineClassifier ensemble : ensembles) {
      SplittableRandom random = new SplittableRandom(9);
      int right = 0;
      for (int i = 0; i < 2_000; i++) {
        double[] x = {random.nextGaussian(), random.nextGaussian()};
        int label = x[0] + x[1] > 0 ? 1 : 0;
        right += ensemble.predict(x) == label ? 1 : 0;
        ensemble.learn(x, label);
      }
      assertThat(right / 2_000.0).as(ensemble.getClass().getSimpleName()).isGreaterThan(0.9);
    }
  }

  /**
   * An ensemble checks every weight it may give a member before any member learns: a weight its
   * members refuse at some Poisson count is refused whole, and nothing changes.
   */
  @Test
  void ensembles_refuseWeightsTheirMembersWouldRefuse_beforeAnyMemberLearns() {
    org.brookml.ensemble.OnlineBagging overPegasos =
        org.brookml.ensemble.OnlineBagging.builder(PegasosSvm.builder(2, 2).build()).build();
    org.brookml.ensemble.OnlineBagging overSgd = org.brookml.ensemble.OnlineBagging.builder(
        org.brookml.linear.SgdClassifier.builder(2).build()).build();
    double[] x = {1, -1};
    overPegasos.learn(x, 1);
    overSgd.learn(x, 1);
    for (Runnable bad : java.util.List.<Runnable>of(
        () -> overPegasos.learn(x, 1, 0.5),      // Pegasos takes whole weights only
        () -> overPegasos.learn(x, 1, 2),        // 2 x a count of 1,000 is above Pegasos's cap
        () -> overSgd.learn(x, 1, 6e11))) {      // 6e11 x 2 would be above 1e12
      byte[] pegasosBefore = Snapshots.write(overPegasos);
      byte[] sgdBefore = Snapshots.write(overSgd);
      assertThatThrownBy(bad::run).isInstanceOf(IllegalArgumentException.class);
      assertThat(Snapshots.write(overPegasos)).isEqualTo(pegasosBefore);
      assertThat(Snapshots.write(overSgd)).isEqualTo(sgdBefore);
    }
  }
}
