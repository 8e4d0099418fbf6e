package org.brookml.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Consumer;
import org.brookml.io.Snapshots;
import org.junit.jupiter.api.Test;

/**
 * The checks every Brook learner must pass, in the manner of River's {@code check_estimator}. A
 * learner's test class implements this interface and supplies a fresh learner, a way to train it
 * on deterministic data, its predictions on fixed probes, and the bad inputs it must reject.
 *
 * @param <L> the learner type
 */
public interface OnlineLearnerContract<L extends OnlineLearner> {

  /** A fresh, untrained learner with a fixed seed. */
  L newLearner();

  /** Trains {@code learner} on {@code n} examples generated from {@code dataSeed}. */
  void train(L learner, int n, long dataSeed);

  /** The learner's predictions on fixed probe inputs, as numbers. */
  double[] predictions(L learner);

  /** Calls that must be rejected, by name; each gets a trained learner. */
  Map<String, Consumer<L>> badInputs();

  /** Examples to train on before the checks: enough for the learner to be able to predict. */
  default int warmUp() {
    return 2_000;
  }

  @SuppressWarnings("unchecked")
  private L restore(byte[] bytes, L like) {
    return (L) Snapshots.read(bytes, like.getClass());
  }

  @Test
  default void contract_badInputThrowsAndLeavesModelUnchanged() {
    L learner = newLearner();
    train(learner, warmUp(), 1);
    assertThat(badInputs()).isNotEmpty();
    for (Map.Entry<String, Consumer<L>> bad : badInputs().entrySet()) {
      byte[] before = Snapshots.write(learner);
      assertThatThrownBy(() -> bad.getValue().accept(learner))
          .as(bad.getKey())
          .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class)
          .satisfies(e -> assertThat(e.getMessage()).as(bad.getKey() + " message").isNotBlank());
      assertThat(Snapshots.write(learner)).as(bad.getKey() + " left the model changed")
          .isEqualTo(before);
    }
  }

  @Test
  default void contract_snapshotRoundTripPredictsAndContinuesIdentically() {
    L original = newLearner();
    train(original, warmUp(), 1);
    L restored = restore(Snapshots.write(original), original);
    assertThat(predictions(restored)).isEqualTo(predictions(original));
    train(original, 500, 2);
    train(restored, 500, 2);
    assertThat(Snapshots.write(restored)).isEqualTo(Snapshots.write(original));
    assertThat(restored.samplesSeen()).isEqualTo(original.samplesSeen());
  }

  @Test
  default void contract_snapshotOfAFreshLearnerRestores() {
    L fresh = newLearner();
    L restored = restore(Snapshots.write(fresh), fresh);
    train(fresh, warmUp(), 3);
    train(restored, warmUp(), 3);
    assertThat(Snapshots.write(restored)).isEqualTo(Snapshots.write(fresh));
  }

  @Test
  default void contract_copyIsDeepAndKeepsEverySetting() {
    L original = newLearner();
    train(original, warmUp(), 1);
    OnlineLearner copy = original.copy();
    assertThat(copy).isNotSameAs(original).hasSameClassAs(original);
    assertThat(copy.toString()).isEqualTo(original.toString());
    byte[] copyBytes = Snapshots.write(copy);
    assertThat(copyBytes).isEqualTo(Snapshots.write(original));
    train(original, 300, 4);
    assertThat(Snapshots.write(copy)).as("training the original changed the copy")
        .isEqualTo(copyBytes);
  }

  @Test
  default void contract_sameSeedSameModel() {
    L a = newLearner();
    L b = newLearner();
    train(a, warmUp(), 5);
    train(b, warmUp(), 5);
    assertThat(Snapshots.write(a)).isEqualTo(Snapshots.write(b));
  }

  @Test
  default void contract_resetForgetsEverything() {
    L learner = newLearner();
    byte[] fresh = Snapshots.write(learner);
    train(learner, warmUp(), 6);
    assertThat(learner.samplesSeen()).isEqualTo(warmUp());
    learner.reset();
    assertThat(learner.samplesSeen()).isZero();
    assertThat(Snapshots.write(learner)).isEqualTo(fresh);
  }

  @Test
  default void contract_toStringShowsConfiguration() {
    L learner = newLearner();
    assertThat(learner.toString()).startsWith(learner.getClass().getSimpleName() + "{")
        .contains("dimension=" + learner.dimension());
  }

  /** One example of value {@code v} in its first feature (target 1 / label 1 where asked). */
  private static void learnOne(OnlineLearner learner, double[] x, double target, double weight) {
    if (learner instanceof OnlineClassifier) {
      ((OnlineClassifier) learner).learn(x, 1, weight);
    } else if (learner instanceof OnlineRegressor) {
      ((OnlineRegressor) learner).learn(x, target, weight);
    } else if (learner instanceof OnlineClusterer) {
      ((OnlineClusterer) learner).learn(x);
    } else {
      throw new AssertionError("the contract does not know how to feed a "
          + learner.getClass().getSimpleName());
    }
  }

  /**
   * Extreme finite input (issue "nothing poisoned"): plus or minus 1e308, {@code Double.MAX_VALUE},
   * 1e154 (whose square overflows) and anything beyond {@code Vectors.MAX_MAGNITUDE} as a feature
   * or a target, and weights of 1e308, are refused with a message naming the value, and the
   * model is left exactly as it was.
   */
  @Test
  default void contract_extremeFiniteValues_areRefused_andLeaveTheModelUnchanged() {
    L learner = newLearner();
    train(learner, warmUp(), 7);
    double[] extremes = {1e308, -1e308, Double.MAX_VALUE, 1e154, -1e154, 1e51};
    for (double extreme : extremes) {
      byte[] before = Snapshots.write(learner);
      double[] x = new double[learner.dimension()];
      x[0] = extreme;
      assertThatThrownBy(() -> learnOne(learner, x, 1, 1)).as("feature %s", extreme)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beyond +/-1e50");
      assertThat(Snapshots.write(learner)).as("feature %s left the model changed", extreme)
          .isEqualTo(before);
      if (learner instanceof OnlineRegressor) {
        double[] zeros = new double[learner.dimension()];
        assertThatThrownBy(() -> learnOne(learner, zeros, extreme, 1)).as("target %s", extreme)
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(Snapshots.write(learner)).isEqualTo(before);
      }
    }
    if (!(learner instanceof OnlineClusterer)) {
      byte[] before = Snapshots.write(learner);
      assertThatThrownBy(() -> learnOne(learner, new double[learner.dimension()], 1, 1e308))
          .as("weight 1e308").isInstanceOf(IllegalArgumentException.class);
      assertThat(Snapshots.write(learner)).isEqualTo(before);
    }
  }

  /**
   * The largest accepted values, plus and minus {@code Vectors.MAX_MAGNITUDE} in every feature,
   * learned and then more ordinary data: the state stays finite (the snapshot restores) and the
   * model still answers its probes with finite numbers.
   */
  @Test
  default void contract_theLargestAcceptedValues_keepTheStateFinite() {
    L learner = newLearner();
    train(learner, warmUp(), 8);
    double[] x = new double[learner.dimension()];
    for (int i = 0; i < 20; i++) {
      java.util.Arrays.fill(x, i % 2 == 0 ? 1e50 : -1e50);
      learnOne(learner, x, i % 2 == 0 ? 1e50 : 0, 1);
    }
    train(learner, 200, 9);
    L restored = restore(Snapshots.write(learner), learner);
    for (double prediction : predictions(restored)) {
      assertThat(prediction).isFinite();
    }
  }

  /** Ten rows learned as one batch call (labels 1, targets 1), for the batch checks. */
  private static void learnTenRows(OnlineLearner learner, double[] xs, double[] targets) {
    if (learner instanceof OnlineClassifier) {
      int[] labels = new int[10];
      java.util.Arrays.fill(labels, 1);
      ((OnlineClassifier) learner).learnBatch(xs, 0, 10, labels);
    } else if (learner instanceof OnlineRegressor) {
      ((OnlineRegressor) learner).learnBatch(xs, 0, 10, targets);
    } else if (learner instanceof MiniBatchClusterer) {
      ((MiniBatchClusterer) learner).learnBatch(xs, 0, 10);
    } else {
      throw new AssertionError("the contract does not know how to feed a "
          + learner.getClass().getSimpleName() + " a batch");
    }
  }

  /**
   * A batch with one bad row in the middle (NaN, infinity, a value beyond the limit; for a
   * regressor, a bad target) is refused as a whole: the rows before it are not learned either.
   * An empty batch is refused too.
   */
  @Test
  default void contract_aBatchWithABadRowInTheMiddle_changesNothing() {
    L learner = newLearner();
    train(learner, warmUp(), 10);
    int d = learner.dimension();
    double[] badValues = learner.acceptsMissingValues()
        ? new double[] {Double.NEGATIVE_INFINITY, 1e154}
        : new double[] {Double.NaN, Double.NEGATIVE_INFINITY, 1e154};
    for (double bad : badValues) {
      double[] xs = new double[10 * d];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = (i % 7) * 0.25 - 0.5;
      }
      xs[5 * d + d / 2] = bad;
      double[] targets = new double[10];
      java.util.Arrays.fill(targets, 1);
      byte[] before = Snapshots.write(learner);
      assertThatThrownBy(() -> learnTenRows(learner, xs, targets)).as("row 5 holds %s", bad)
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(Snapshots.write(learner)).as("row 5 holds %s", bad).isEqualTo(before);
      if (learner instanceof OnlineRegressor) {
        xs[5 * d + d / 2] = 0.5;
        targets[5] = bad;
        assertThatThrownBy(() -> learnTenRows(learner, xs, targets)).as("target 5 is %s", bad)
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(Snapshots.write(learner)).isEqualTo(before);
      }
    }
    byte[] before = Snapshots.write(learner);
    assertThatThrownBy(() -> {
      if (learner instanceof OnlineClassifier) {
        ((OnlineClassifier) learner).learnBatch(new double[0], 0, 0, new int[0]);
      } else if (learner instanceof OnlineRegressor) {
        ((OnlineRegressor) learner).learnBatch(new double[0], 0, 0, new double[0]);
      } else {
        ((MiniBatchClusterer) learner).learnBatch(new double[0], 0, 0);
      }
    }).as("an empty batch").isInstanceOf(IllegalArgumentException.class);
    assertThat(Snapshots.write(learner)).isEqualTo(before);
  }

  /**
   * The learner's declared missing-value policy holds: a learner that refuses missing values
   * refuses a NaN with a message naming it and stays as it was; one that takes them learns rows
   * with NaN anywhere (alone, in every column in turn, all missing, in a batch), answers finite
   * values for them, and snapshots and restores as usual. {@code requireRow} agrees with
   * {@code learn}.
   */
  @Test
  default void contract_missingValues_followTheDeclaredPolicy() {
    L learner = newLearner();
    train(learner, warmUp(), 3);
    int d = learner.dimension();
    double[] x = new double[d];
    for (int j = 0; j < d; j++) {
      x[j] = (j % 3) * 0.5 - 0.25;
    }
    x[d / 2] = Double.NaN;
    byte[] before = Snapshots.write(learner);
    if (!learner.acceptsMissingValues()) {
      assertThatThrownBy(() -> learner.requireRow(x)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("NaN");
      assertThatThrownBy(() -> learnOne(learner, x, 1, 1))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
      assertThat(Snapshots.write(learner)).isEqualTo(before);
      return;
    }
    learner.requireRow(x);
    assertThat(Snapshots.write(learner)).as("requireRow changed nothing").isEqualTo(before);
    long seen = learner.samplesSeen();
    learnOne(learner, x, 1, 1);
    for (int j = 0; j < d; j++) {
      double[] gap = x.clone();
      gap[d / 2] = 0.25;
      gap[j] = Double.NaN;
      learnOne(learner, gap, 1, 1);
    }
    double[] allMissing = new double[d];
    java.util.Arrays.fill(allMissing, Double.NaN);
    learnOne(learner, allMissing, 1, 1);
    assertThat(learner.samplesSeen()).isEqualTo(seen + d + 2);
    if (learner instanceof OnlineClassifier) {
      OnlineClassifier classifier = (OnlineClassifier) learner;
      double[] rows = new double[2 * d];
      System.arraycopy(x, 0, rows, 0, d);
      System.arraycopy(allMissing, 0, rows, d, d);
      classifier.learnBatch(rows, 2, new int[] {0, 1});
      for (double[] probe : new double[][] {x, allMissing}) {
        double[] proba = classifier.predictProba(probe, new double[classifier.numClasses()]);
        for (double p : proba) {
          assertThat(p).isBetween(0.0, 1.0);
        }
        assertThat(java.util.Arrays.stream(proba).sum()).isCloseTo(1.0,
            org.assertj.core.data.Offset.offset(1e-9));
        assertThat(classifier.predict(probe)).isBetween(0, classifier.numClasses() - 1);
      }
    }
    L restored = restore(Snapshots.write(learner), learner);
    assertThat(predictions(restored)).isEqualTo(predictions(learner));
    learnOne(restored, x, 1, 1);
    learnOne(learner, x, 1, 1);
    assertThat(Snapshots.write(restored)).isEqualTo(Snapshots.write(learner));
  }
}
