package org.brookml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.brookml.drift.DriftDetector.State;
import org.brookml.io.Snapshots;
import org.junit.jupiter.api.Test;

/**
 * HDDM-W against a plain transcription of the W-test as MOA's {@code HDDM_W_Test} applies it
 * (including its order: a drift resets everything, then the decrease statistics take the value),
 * state by state on long seeded streams; detection of a known change; snapshots and copies.
 */
class HddmWTest {

  /** An EWMA and its weight sum; ewma -1 is empty. */
  private static final class Average {
    double ewma = -1;
    double sum;

    void add(double x, double lambda) {
      if (ewma < 0) {
        ewma = x;
        sum = 1;
      } else {
        ewma = lambda * x + (1 - lambda) * ewma;
        sum = lambda * lambda + (1 - lambda) * (1 - lambda) * sum;
      }
    }
  }

  private static boolean increase(Average first, Average second, double confidence) {
    return first.ewma >= 0 && second.ewma >= 0 && second.ewma - first.ewma
        > Math.sqrt((first.sum + second.sum) * Math.log(1 / confidence) / 2);
  }

  /** Everything the W-test keeps, as MOA names it. */
  private static final class Statistics {
    Average total = new Average();
    Average incr1 = new Average();
    Average incr2 = new Average();
    Average decr1 = new Average();
    Average decr2 = new Average();
    double incrCut = Double.MAX_VALUE;
    double decrCut = Double.MIN_VALUE;
  }

  /** The W-test transcribed independently of {@link HddmW}, with MOA's variable roles. */
  private static List<State> rule(double[] values, double lambda, boolean twoSided) {
    double drift = 0.001;
    double warning = 0.005;
    List<State> states = new ArrayList<>();
    Statistics t = new Statistics();
    for (double x : values) {
      t.total.add(x, lambda);
      double bound = Math.sqrt(t.total.sum * Math.log(1 / drift) / 2);
      if (t.total.ewma + bound < t.incrCut) {
        t.incrCut = t.total.ewma + bound;
        t.incr1.ewma = t.total.ewma;
        t.incr1.sum = t.total.sum;
        t.incr2 = new Average();
      } else {
        t.incr2.add(x, lambda);
      }
      State state = State.STABLE;
      if (increase(t.incr1, t.incr2, drift)) {
        t = new Statistics();
        state = State.DRIFT;
      } else if (increase(t.incr1, t.incr2, warning)) {
        state = State.WARNING;
      }
      double epsilon = Math.sqrt(t.total.sum * Math.log(1 / drift) / 2);
      if (t.total.ewma - epsilon > t.decrCut) {
        t.decrCut = t.total.ewma - epsilon;
        t.decr1.ewma = t.total.ewma;
        t.decr1.sum = t.total.sum;
        t.decr2 = new Average();
      } else {
        t.decr2.add(x, lambda);
      }
      if (twoSided && increase(t.decr2, t.decr1, drift)) {
        t = new Statistics();
      }
      states.add(state);
    }
    return states;
  }

  @Test
  void followsTheWTest_stateByState_onLongStreams() {
    int drifts = 0;
    for (long seed = 1; seed <= 5; seed++) {
      double[] values = DriftDetectorsTest.errors(seed, 20_000, 10_000, 0.1, 0.4);
      for (boolean twoSided : new boolean[] {false, true}) {
        for (double lambda : new double[] {0.05, 0.2}) {
          List<State> expected = rule(values, lambda, twoSided);
          HddmW detector = HddmW.builder().lambda(lambda).twoSided(twoSided).build();
          assertThat(DriftDetectorsTest.run(detector, values))
              .as("seed %d, lambda %s, two-sided %s", seed, lambda, twoSided)
              .isEqualTo(expected);
          drifts += (int) expected.stream().filter(s -> s == State.DRIFT).count();
        }
      }
    }
    assertThat(drifts).as("the streams exercise drifts and restarts").isGreaterThan(20);
  }

  @Test
  void findsAKnownChange() {
    int delays = 0;
    int falseAlarms = 0;
    for (long seed = 1; seed <= 10; seed++) {
      List<State> states = DriftDetectorsTest.run(HddmW.builder().build(),
          DriftDetectorsTest.errors(seed, 20_000, 10_000, 0.1, 0.5));
      int first = states.subList(10_000, 20_000).indexOf(State.DRIFT);
      assertThat(first).as("seed %d", seed).isBetween(0, 300);
      delays += first;
      falseAlarms += (int) states.subList(0, 10_000).stream()
          .filter(s -> s == State.DRIFT).count();
    }
    System.out.printf("HDDM-W, error rate 0.1 -> 0.5: mean delay %.1f values; false alarms "
        + "before the change: %d in 100,000 values%n", delays / 10.0, falseAlarms);
  }

  @Test
  void snapshotsAndCopies_continueExactly_evenRightAfterADrift() {
    HddmW detector = HddmW.builder().twoSided(true).build();
    double[] values = DriftDetectorsTest.errors(4, 8_000, 3_000, 0.1, 0.6);
    int i = 0;
    while (detector.update(values[i++]) != State.DRIFT) {
      assertThat(i).isLessThan(8_000);
    }
    // Just after a drift: the restart already happened inside that step.
    HddmW restored = Snapshots.read(Snapshots.write(detector), HddmW.class);
    HddmW copy = detector.copy();
    byte[] before = Snapshots.write(detector);
    assertThatThrownBy(() -> detector.update(0.5)).hasMessageContaining("error indicators");
    assertThat(Snapshots.write(detector)).isEqualTo(before);
    for (; i < 8_000; i++) {
      State state = detector.update(values[i]);
      assertThat(restored.update(values[i])).isEqualTo(state);
      assertThat(copy.update(values[i])).isEqualTo(state);
    }
    assertThat(Snapshots.write(restored)).isEqualTo(Snapshots.write(detector));
    assertThatThrownBy(() -> HddmW.builder().lambda(1)).hasMessage("lambda must be in (0, 1), "
        + "got 1.0");
  }
}
