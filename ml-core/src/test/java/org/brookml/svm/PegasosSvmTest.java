package org.brookml.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
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

  /** Straightforward Pegasos from the paper, with the bias as an augmented feature (index D). */
  private static final class Reference {
    final double lambda;
    final boolean project;
    final Bias bias;
    final double[] w = new double[D + 1];
    final double[] sum = new double[D + 1];
    int t;

    Reference(double lambda, boolean project, Bias bias) {
      this.lambda = lambda;
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
      double eta = 1 / (lambda * t);
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
          if (bias != Bias.NONE) {
            w[D] += eta / k * y;
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
    assertReplayMatches(0.05, project, bias, k, averaged);
  }

  private static void assertReplayMatches(double lambda, boolean project, Bias bias, int k,
      boolean averaged) {
    PegasosSvm model = PegasosSvm.builder(D, 2).lambda(lambda).projection(project)
        .averaging(averaged).bias(bias).build();
    Reference ref = new Reference(lambda, project, bias);
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
    assertReplayMatches(1e-6, true, Bias.AUGMENTED, 1, false);
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
    assertThatThrownBy(() -> PegasosSvm.builder(3, 1)).hasMessage("numClasses must be >= 2, got 1");
  }
}
