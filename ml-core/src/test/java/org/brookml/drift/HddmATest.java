package org.brookml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.brookml.drift.DriftDetector.State;
import org.brookml.io.Snapshots;
import org.junit.jupiter.api.Test;

/**
 * HDDM-A against a plain transcription of the A-test as MOA's {@code HDDM_A_Test} applies it
 * (statistics reset in the step that signals a drift, a fall of the mean resetting them silently
 * when two-sided), state by state on long seeded streams; detection of a known change; false
 * alarms on stationary streams; snapshots and copies; bad values.
 */
class HddmATest {


  /** The A-test, transcribed independently of {@link HddmA}: plain variables, one loop. */
  private static List<State> rule(double[] values, double drift, double warning,
      boolean twoSided) {
    List<State> states = new ArrayList<>();
    double logDrift = Math.log(1 / drift);
    long n = 0;
    long nMin = 0;
    long nMax = 0;
    double c = 0;
    double cMin = 0;
    double cMax = 0;
    for (double x : values) {
      n++;
      c += x;
      if (nMin == 0) {
        nMin = n;
        cMin = c;
      }
      if (nMax == 0) {
        nMax = n;
        cMax = c;
      }
      double eps = Math.sqrt(logDrift / (2.0 * n));
      if (cMin / nMin + Math.sqrt(logDrift / (2.0 * nMin)) >= c / n + eps) {
        nMin = n;
        cMin = c;
      }
      if (cMax / nMax - Math.sqrt(logDrift / (2.0 * nMax)) <= c / n - eps) {
        nMax = n;
        cMax = c;
      }
      double m = nMin == n ? 0 : (double) (n - nMin) / nMin / n;
      boolean driftUp = nMin != n && c / n - cMin / nMin >= Math.sqrt(m / 2 * Math.log(2 / drift));
      boolean warnUp = nMin != n
          && c / n - cMin / nMin >= Math.sqrt(m / 2 * Math.log(2 / warning));
      double mMax = nMax == n ? 0 : (double) (n - nMax) / nMax / n;
      boolean down = nMax != n
          && cMax / nMax - c / n >= Math.sqrt(mMax / 2 * Math.log(2 / drift));
      State state = driftUp ? State.DRIFT : warnUp ? State.WARNING : State.STABLE;
      if (driftUp || twoSided && down) {
        n = 0;
        c = 0;
        nMin = 0;
        cMin = 0;
        nMax = 0;
        cMax = 0;
      }
      states.add(state);
    }
    return states;
  }

  @Test
  void followsTheATest_stateByState_onLongStreams() {
    for (long seed = 1; seed <= 5; seed++) {
      double[] values = DriftDetectorsTest.errors(seed, 20_000, 10_000, 0.1, 0.4);
      for (boolean twoSided : new boolean[] {true, false}) {
        HddmA detector = HddmA.builder().twoSided(twoSided).build();
        assertThat(DriftDetectorsTest.run(detector, values))
            .as("seed %d, two-sided %s", seed, twoSided)
            .isEqualTo(rule(values, 0.001, 0.005, twoSided));
      }
    }
  }

  @Test
  void byHand_aRunOfHitsThenErrors() {
    // After ten hits the cut sits at the tenth value (mean 0; the margin shrinks with the count).
    // The k-th error after them does not move it (eps(10) = 0.588 < k / (10 + k) + eps(10 + k)),
    // and the test compares k / (10 + k) with sqrt(m / 2 ln(2 / alpha)), m = k / (10 (10 + k)).
    // Squared: k / (10 + k) >= ln(2 / alpha) / 20, that is 0.300 (warning, 0.005) from k = 5
    // and 0.380 (drift, 0.001) from k = 7.
    HddmA detector = HddmA.builder().build();
    for (int i = 0; i < 10; i++) {
      assertThat(detector.update(0)).isEqualTo(State.STABLE);
    }
    List<State> states = DriftDetectorsTest.run(detector, new double[] {1, 1, 1, 1, 1, 1, 1});
    assertThat(states).containsExactly(State.STABLE, State.STABLE, State.STABLE, State.STABLE,
        State.WARNING, State.WARNING, State.DRIFT);
    assertThat(detector.errorRate()).isEqualTo(7.0 / 17);
    assertThat(detector.update(0)).as("a fresh watch").isEqualTo(State.STABLE);
    assertThat(detector.errorRate()).isZero();
  }

  @Test
  void findsAKnownChange_andRarelyAlarmsWithoutOne() {
    int delays = 0;
    int falseAlarms = 0;
    for (long seed = 1; seed <= 10; seed++) {
      List<State> states = DriftDetectorsTest.run(HddmA.builder().build(),
          DriftDetectorsTest.errors(seed, 20_000, 10_000, 0.1, 0.5));
      int first = states.subList(10_000, 20_000).indexOf(State.DRIFT);
      assertThat(first).as("seed %d", seed).isBetween(0, 200);
      delays += first;
      falseAlarms += (int) states.subList(0, 10_000).stream()
          .filter(s -> s == State.DRIFT).count();
    }
    System.out.printf("HDDM-A, error rate 0.1 -> 0.5: mean delay %.1f values; false alarms "
        + "before the change: %d in 100,000 values%n", delays / 10.0, falseAlarms);
    assertThat(falseAlarms).isLessThanOrEqualTo(20);
  }

  @Test
  void snapshotsAndCopies_continueExactly_andBadValuesChangeNothing() {
    HddmA detector = HddmA.builder().build();
    double[] values = DriftDetectorsTest.errors(3, 6_000, 3_000, 0.1, 0.3);
    for (int i = 0; i < 4_000; i++) {
      detector.update(values[i]);
    }
    HddmA restored = Snapshots.read(Snapshots.write(detector), HddmA.class);
    HddmA copy = detector.copy();
    byte[] before = Snapshots.write(detector);
    assertThatThrownBy(() -> detector.update(0.5)).hasMessageContaining("error indicators");
    assertThatThrownBy(() -> detector.update(Double.NaN)).isInstanceOf(
        IllegalArgumentException.class);
    assertThat(Snapshots.write(detector)).isEqualTo(before);
    for (int i = 4_000; i < 6_000; i++) {
      State state = detector.update(values[i]);
      assertThat(restored.update(values[i])).isEqualTo(state);
      assertThat(copy.update(values[i])).isEqualTo(state);
    }
    assertThat(Snapshots.write(restored)).isEqualTo(Snapshots.write(detector));
    assertThatThrownBy(() -> HddmA.builder().driftConfidence(0.01).warningConfidence(0.005)
        .build()).hasMessageContaining("must be at least driftConfidence");
  }
}
