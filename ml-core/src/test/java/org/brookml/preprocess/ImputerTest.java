package org.brookml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.brookml.io.Snapshots;
import org.brookml.learner.OnlineClassifier;
import org.brookml.linear.SgdClassifier;
import org.junit.jupiter.api.Test;

/**
 * The imputer against its rule, computed independently: a missing numeric value becomes the mean
 * of that feature's observed values so far, a missing nominal one its most frequent value, 0
 * before any; bad values are refused with nothing changed; a pipeline behind it takes rows with
 * gaps that its learner alone refuses.
 */
class ImputerTest {

  @Test
  void missingValues_getTheRunningMean_orTheMostFrequentValue() {
    Imputer imputer = Imputer.builder(3).mostFrequent(2).maxValues(5).build();
    SplittableRandom random = new SplittableRandom(4);
    double sum0 = 0;
    long seen0 = 0;
    long[] counts = new long[5];
    double[] out = new double[3];
    assertThat(imputer.transform(new double[] {Double.NaN, 1, Double.NaN}, out))
        .containsExactly(0, 1, 0); // nothing observed yet
    for (int i = 0; i < 2_000; i++) {
      boolean missing0 = random.nextInt(4) == 0;
      boolean missing2 = random.nextInt(3) == 0;
      double v0 = 3 + random.nextGaussian();
      int v2 = random.nextInt(10) < 6 ? 3 : random.nextInt(5);
      double[] x = {missing0 ? Double.NaN : v0, random.nextGaussian(),
          missing2 ? Double.NaN : v2};
      double[] z = imputer.prepare(x, out);
      int mode = 0;
      for (int v = 1; v < 5; v++) {
        if (counts[v] > counts[mode]) {
          mode = v;
        }
      }
      assertThat(z[0]).isCloseTo(missing0 ? (seen0 == 0 ? 0 : sum0 / seen0) : v0,
          within(1e-9));
      assertThat(z[1]).isEqualTo(x[1]);
      assertThat(z[2]).isEqualTo(missing2 ? (i == 0 || sum(counts) == 0 ? 0 : mode) : v2);
      imputer.commit();
      if (!missing0) {
        sum0 += v0;
        seen0++;
      }
      if (!missing2) {
        counts[v2]++;
      }
    }
    assertThat(imputer.fillValue(0)).isCloseTo(3.0, within(0.1));
    assertThat(imputer.fillValue(2)).isEqualTo(3.0);
    assertThat(imputer.samplesSeen()).isEqualTo(2_000);
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      total += v;
    }
    return total;
  }

  @Test
  void badValues_areRefused_andChangeNothing() {
    Imputer imputer = Imputer.builder(2).mostFrequent(1).maxValues(4).build();
    imputer.learn(new double[] {1, 2});
    byte[] before = Snapshots.write(imputer);
    double[] out = new double[2];
    assertThatThrownBy(() -> imputer.prepare(new double[] {Double.POSITIVE_INFINITY, 1}, out))
        .hasMessageContaining("feature 0");
    assertThatThrownBy(() -> imputer.prepare(new double[] {1e60, 1}, out))
        .hasMessageContaining("feature 0");
    assertThatThrownBy(() -> imputer.prepare(new double[] {1, 2.5}, out))
        .hasMessageContaining("feature 1 is nominal");
    assertThatThrownBy(() -> imputer.prepare(new double[] {1, 4}, out))
        .hasMessageContaining("[0, 4)");
    assertThatThrownBy(() -> imputer.prepare(new double[] {1}, out))
        .hasMessageContaining("length 2");
    assertThat(Snapshots.write(imputer)).isEqualTo(before);
  }

  @Test
  void aPipeline_takesRowsWithGaps_thatItsLearnerAloneRefuses() {
    SgdClassifier alone = SgdClassifier.builder(3).build();
    assertThatThrownBy(() -> alone.learn(new double[] {1, Double.NaN, 0}, 1))
        .isInstanceOf(IllegalArgumentException.class);
    OnlineClassifier pipeline = Pipeline.of(Imputer.builder(3).build(), new StandardScaler(3),
        SgdClassifier.builder(3).build());
    SplittableRandom random = new SplittableRandom(2);
    int correct = 0;
    for (int i = 0; i < 20_000; i++) {
      double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      int label = x[0] + x[1] > 0 ? 1 : 0;
      if (random.nextInt(5) == 0) {
        x[random.nextInt(3)] = Double.NaN; // a fifth of the rows have a gap
      }
      if (i >= 10_000) {
        correct += pipeline.predict(x) == label ? 1 : 0;
      }
      pipeline.learn(x, label);
    }
    assertThat(correct / 10_000.0).isGreaterThan(0.85);
    OnlineClassifier restored = (OnlineClassifier) Snapshots.read(Snapshots.write(pipeline));
    double[] gap = {0.5, Double.NaN, -1};
    assertThat(restored.predict(gap)).isEqualTo(pipeline.predict(gap));
  }

  @Test
  void copyAndResetAndSnapshots_keepOrForgetEverything() {
    Imputer imputer = Imputer.builder(2).mostFrequent(0).maxValues(3).build();
    imputer.learn(new double[] {2, 5});
    imputer.learn(new double[] {2, Double.NaN});
    Imputer copy = imputer.copy();
    Imputer restored = Snapshots.read(Snapshots.write(imputer), Imputer.class);
    for (Imputer m : new Imputer[] {copy, restored}) {
      assertThat(m.fillValue(0)).isEqualTo(2.0);
      assertThat(m.fillValue(1)).isEqualTo(5.0);
      assertThat(m.toString()).contains("mostFrequent=[0]");
    }
    imputer.reset();
    assertThat(imputer.fillValue(1)).isZero();
    assertThat(copy.fillValue(1)).isEqualTo(5.0);
  }
}
