package org.brookml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.brookml.io.Snapshots;
import org.junit.jupiter.api.Test;

/**
 * KSWIN against its rule: the Kolmogorov-Smirnov statistic and exact p-value against scipy
 * 1.10.1's {@code ks_2samp(method="exact")}, a drift worked out by hand, and detection delay and
 * false alarms on Gaussian streams whose mean shifts.
 */
class KswinTest {

  @Test
  void exactPValues_matchScipy() {
    // scipy.stats.ks_2samp([1..5], [6..10], method="exact"): D = 1, p = 2 / C(10, 5)
    assertThat(KolmogorovSmirnov.exactPValueEqualSizes(1.0, 5))
        .isCloseTo(0.007936507936507936, within(1e-15));
    // ks_2samp([1..5], [1.5..5.5]): D = 0.2, p = 1
    assertThat(KolmogorovSmirnov.exactPValueEqualSizes(0.2, 5)).isCloseTo(1.0, within(1e-15));
    // two normal samples (numpy seed 0) of 10 and of 30: D = 0.6 and D = 4/30
    assertThat(KolmogorovSmirnov.exactPValueEqualSizes(0.6, 10))
        .isCloseTo(0.05244755244755244, within(1e-14));
    assertThat(KolmogorovSmirnov.exactPValueEqualSizes(4 / 30.0, 30))
        .isCloseTo(0.9578462903438838, within(1e-12));
    assertThat(KolmogorovSmirnov.statistic(new double[] {1, 2, 3, 4, 5},
        new double[] {1.5, 2.5, 3.5, 4.5, 5.5})).isCloseTo(0.2, within(1e-15));
    assertThat(KolmogorovSmirnov.statistic(new double[] {3, 1, 2, 2},
        new double[] {2, 9, 8, 2})).isCloseTo(0.5, within(1e-15)); // ties at 2 step together
  }

  @Test
  void byHand_sixLowThenSixHighValues_driftAtTheTwelfth() {
    // Window 12, samples of 6: when full, the older six are all drawn, D = 1 and
    // p = 2 / C(12, 6) = 0.00216 <= 0.005; with fewer values the window is not full.
    Kswin kswin = Kswin.builder().windowSize(12).statSize(6).build();
    for (int i = 0; i < 11; i++) {
      assertThat(kswin.update(i < 6 ? 0 : 10)).isEqualTo(DriftDetector.State.STABLE);
    }
    assertThat(kswin.update(10)).isEqualTo(DriftDetector.State.DRIFT);
    assertThat(kswin.pValue()).isCloseTo(2 / 924.0, within(1e-15));
    assertThat(kswin.size).isEqualTo(6); // the newest six stay
    // Five values later the window is full again, all ten: no change, no drift.
    for (int i = 0; i < 6; i++) {
      assertThat(kswin.update(10)).isEqualTo(DriftDetector.State.STABLE);
    }
    assertThat(kswin.pValue()).isEqualTo(1.0);
  }

  @Test
  void meanShifts_areFoundQuickly_andStationaryStreamsRarelyAlarm() {
    double delaySum = 0;
    long falseAlarms = 0;
    for (int seed = 0; seed < 10; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      Kswin kswin = Kswin.builder().seed(seed).build();
      int delay = -1;
      for (int i = 0; i < 20_000; i++) {
        double x = random.nextGaussian() + (i >= 10_000 ? 2 : 0);
        DriftDetector.State state = kswin.update(x);
        if (state == DriftDetector.State.DRIFT) {
          if (i < 10_000) {
            falseAlarms++;
          } else if (delay < 0) {
            delay = i - 10_000;
          }
        }
      }
      assertThat(delay).as("seed %d finds the shift", seed).isBetween(0, 200);
      delaySum += delay;
    }
    // measured: 12.8 false alarms per 10,000 stationary values, mean delay 17.6 values
    assertThat(falseAlarms / 10.0).isBetween(8.0, 18.0);
    assertThat(delaySum / 10).isBetween(10.0, 25.0);
  }

  @Test
  void copiesAndSnapshotsContinueExactly_andBadInputLeavesItUnchanged() {
    Kswin kswin = Kswin.builder().windowSize(50).statSize(15).seed(4).build();
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 500; i++) {
      kswin.update(random.nextGaussian() + (i > 300 ? 1 : 0));
    }
    Kswin copy = kswin.copy();
    Kswin restored = Snapshots.read(Snapshots.write(kswin), Kswin.class);
    assertThatThrownBy(() -> kswin.update(Double.NaN)).hasMessageContaining("Kswin value");
    assertThatThrownBy(() -> kswin.update(1e60)).hasMessageContaining("Kswin value");
    for (int i = 0; i < 2_000; i++) {
      double x = random.nextGaussian() * (i > 1_000 ? 3 : 1);
      DriftDetector.State expected = kswin.update(x);
      assertThat(copy.update(x)).isEqualTo(expected);
      assertThat(restored.update(x)).isEqualTo(expected);
      assertThat(restored.pValue()).isEqualTo(kswin.pValue());
    }
    kswin.reset();
    assertThat(kswin.samplesSeen()).isZero();
    assertThatThrownBy(() -> Kswin.builder().windowSize(10).statSize(6).build())
        .hasMessageContaining("at most half");
  }
}
