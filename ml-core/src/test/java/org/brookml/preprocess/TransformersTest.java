package org.brookml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.brookml.internal.stats.P2Quantiles;
import org.brookml.io.Snapshots;
import org.junit.jupiter.api.Test;

/** The scalers' rules, their two learning phases, and their snapshots. */
class TransformersTest {

  @Test
  void minMax_mapsTheRangeSeenOntoZeroOne_andAnEmptyRangeToZero() {
    MinMaxScaler scaler = new MinMaxScaler(2);
    double[] out = new double[2];
    assertThat(scaler.transform(new double[] {5, 5}, out)).containsExactly(0, 0);
    scaler.learn(new double[] {2, 7});
    assertThat(scaler.transform(new double[] {2, 9}, out)).containsExactly(0, 0); // one value each
    scaler.learn(new double[] {6, 7});
    scaler.learn(new double[] {4, 7});
    assertThat(scaler.transform(new double[] {5, 7}, out)).containsExactly(0.75, 0);
    assertThat(scaler.transform(new double[] {8, 7}, out)).containsExactly(1.5, 0);
    assertThat(scaler.min(0)).isEqualTo(2);
    assertThat(scaler.max(0)).isEqualTo(6);
  }

  @Test
  void prepare_changesNothingVisible_untilCommit() {
    for (Transformer t : new Transformer[] {
        new StandardScaler(2), new MinMaxScaler(2), new RobustScaler(2)}) {
      t.learn(new double[] {1, 2});
      t.learn(new double[] {3, 5});
      byte[] before = Snapshots.write(t);
      double[] prepared = t.prepare(new double[] {10, -4}, new double[2]).clone();
      assertThat(Snapshots.write(t)).as(t.toString()).isEqualTo(before);
      t.prepare(new double[] {0, 0}, new double[2]); // drops the first preparation
      t.prepare(new double[] {10, -4}, new double[2]);
      t.commit();
      assertThat(t.transform(new double[] {10, -4}, new double[2])).as(t.toString())
          .containsExactly(prepared);
      assertThat(t.samplesSeen()).isEqualTo(3);
      assertThatThrownBy(t::commit).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> t.prepare(new double[] {Double.NaN, 0}, new double[2]))
          .isInstanceOf(IllegalArgumentException.class);
      Transformer restored = (Transformer) Snapshots.read(Snapshots.write(t));
      assertThat(Snapshots.write(restored)).isEqualTo(Snapshots.write(t));
      assertThat(restored.transform(new double[] {2, 2}, new double[2]))
          .containsExactly(t.transform(new double[] {2, 2}, new double[2]));
    }
  }

  /**
   * The worked example of Jain and Chlamtac (CACM 1985, Table I): the median of 20 observations.
   * The table rounds each step to two decimals as it goes, so later rows drift by up to 0.01 from
   * exact arithmetic; the final markers, computed exactly, are 0.02, 0.493895, 4.44063, 17.2039,
   * 38.62 at positions 1, 6, 10, 16, 20.
   */
  @Test
  void pSquare_replaysThePapersWorkedExample() {
    double[] values = {0.02, 0.15, 0.74, 3.39, 0.83, 22.37, 10.15, 15.43, 38.62, 15.92, 34.60,
        10.28, 1.47, 0.40, 0.05, 11.39, 0.27, 0.42, 0.09, 11.37};
    double[][] table = {
        {0.02, 0.87, 4.75, 15.52, 38.62}, // after 9
        {0.02, 0.74, 6.30, 21.58, 38.62}, // after 15
        {0.02, 0.49, 4.44, 17.20, 38.62}}; // after 20
    double[] drift = {0.006, 0.01, 0.006};
    int[] rows = {9, 15, 20};
    P2Quantiles median = new P2Quantiles(new double[] {0.5});
    for (int i = 0, row = 0; i < values.length; i++) {
      median.add(0, values[i]);
      if (i + 1 == rows[row]) {
        assertThat(Arrays.copyOf(median.markers()[0], 5)).as("after %d", i + 1)
            .containsExactly(table[row], within(drift[row]));
        row = Math.min(row + 1, rows.length - 1);
      }
    }
    assertThat(Arrays.copyOf(median.markers()[0], 5))
        .containsExactly(new double[] {0.02, 0.493895, 4.44063, 17.2039, 38.62}, within(1e-4));
    assertThat(Arrays.copyOf(median.markers()[1], 5)).containsExactly(1, 6, 10, 16, 20);
    assertThat(median.estimate(0)).isCloseTo(4.44063, within(1e-5));
  }

  @Test
  void robustScaler_tracksTheMedianAndTheInterquartileRange_ignoringOutliers() {
    RobustScaler scaler = new RobustScaler(1);
    SplittableRandom random = new SplittableRandom(9);
    int n = 50_000;
    double[] seen = new double[n];
    for (int i = 0; i < n; i++) {
      // Normal(3, 2) with 2% wild outliers: the quartiles barely move, a variance would.
      double v = random.nextInt(50) == 0 ? 1e6 * random.nextDouble() : 3 + 2 * random.nextGaussian();
      seen[i] = v;
      scaler.learn(new double[] {v});
    }
    Arrays.sort(seen);
    double median = seen[n / 2];
    double iqr = seen[3 * n / 4] - seen[n / 4];
    System.out.printf("robust scaler: median %.4f (exact %.4f), IQR %.4f (exact %.4f)%n",
        scaler.median(0), median, scaler.range(0), iqr);
    // P-square's error here is a few hundredths of the IQR; the mean is about 10,000.
    assertThat(scaler.median(0)).isCloseTo(median, within(0.05 * iqr));
    assertThat(scaler.range(0)).isCloseTo(iqr, within(0.05 * iqr));
    assertThatThrownBy(() -> new RobustScaler(2, 0.6, 0.9)).hasMessageContaining("qInf");
  }
}
