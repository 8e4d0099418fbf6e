package org.brookml.bench.moa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import moa.classifiers.core.driftdetection.ADWINChangeDetector;
import moa.classifiers.core.driftdetection.ChangeDetector;
import moa.classifiers.core.driftdetection.CusumDM;
import moa.classifiers.core.driftdetection.DDM;
import moa.classifiers.core.driftdetection.EDDM;
import moa.classifiers.core.driftdetection.HDDM_A_Test;
import moa.classifiers.core.driftdetection.HDDM_W_Test;
import moa.classifiers.core.driftdetection.PageHinkleyDM;
import org.brookml.drift.Adwin;
import org.brookml.drift.Cusum;
import org.brookml.drift.Ddm;
import org.brookml.drift.DriftDetector;
import org.brookml.drift.Eddm;
import org.brookml.drift.HddmA;
import org.brookml.drift.HddmW;
import org.brookml.drift.Kswin;
import org.brookml.drift.PageHinkley;

/**
 * Brook's drift detectors beside MOA 2024.07's on the same values, each with its defaults. For
 * 30 seeds and three scenarios: Bernoulli errors at rate 0.1 for 10,000 values then 0.5 (an
 * abrupt change), or rising to 0.5 over 2,000 values (gradual), with 100,000 values at 0.1 for
 * false alarms; and, for the detectors of real values, a Gaussian mean rising by one standard
 * deviation, with 100,000 unshifted values. Prints per detector: how many seeds gave
 * exactly the same drift positions in both libraries, the mean delay to the first drift after
 * the change, the changes missed (no drift in the 10,000 values after it), and false alarms per
 * 100,000 stationary values. MOA is only on the class path of the {@code moa} profile. Run:
 * {@code ./mvnw -q -pl ml-bench -am -Pmoa -DskipTests package exec:exec@detector-comparison}.
 */
public final class DetectorComparison {

  private static final int SEEDS = 30;

  private DetectorComparison() {}

  /** A Brook detector and MOA's (null when MOA 2024.07 has none); real-valued or error bits. */
  private record Pair(String name, Supplier<DriftDetector> brook, Supplier<ChangeDetector> moa,
      boolean realValued) {}

  /** A stream with a change at {@code change}, and the same process without it. */
  private interface Scenario {
    double[] values(long seed, boolean withChange);
  }

  private static double[] errors(long seed, int n, int change, double before, double after) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextDouble() < (i < change ? before : after) ? 1 : 0;
    }
    return values;
  }

  /** Error rate {@code before}, then rising linearly to {@code after} over {@code width}. */
  private static double[] ramp(long seed, int n, int change, int width, double before,
      double after) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      double rate = i < change ? before
          : before + (after - before) * Math.min(1.0, (i - change) / (double) width);
      values[i] = random.nextDouble() < rate ? 1 : 0;
    }
    return values;
  }

  /** Standard normal values whose mean rises by {@code shift} at {@code change}. */
  private static double[] gaussian(long seed, int n, int change, double shift) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextGaussian() + (i >= change ? shift : 0);
    }
    return values;
  }

  private static List<Integer> brookDrifts(DriftDetector detector, double[] values) {
    List<Integer> drifts = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (detector.update(values[i]) == DriftDetector.State.DRIFT) {
        drifts.add(i);
      }
    }
    return drifts;
  }

  private static List<Integer> moaDrifts(ChangeDetector detector, double[] values) {
    detector.prepareForUse();
    List<Integer> drifts = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      detector.input(values[i]);
      if (detector.getChange()) {
        drifts.add(i);
      }
    }
    return drifts;
  }

  /** [delay to the first drift at or after {@code change}, or -1 if none; false alarms before]. */
  private static int[] score(List<Integer> drifts, int change) {
    int falseAlarms = 0;
    int delay = -1;
    for (int d : drifts) {
      if (d < change) {
        falseAlarms++;
      } else if (delay < 0) {
        delay = d - change;
      }
    }
    return new int[] {delay, falseAlarms};
  }

  public static void main(String[] args) {
    List<Pair> pairs = List.of(
        new Pair("DDM", () -> Ddm.builder().build(), DDM::new, false),
        new Pair("EDDM", () -> Eddm.builder().build(), EDDM::new, false),
        new Pair("Page-Hinkley", () -> PageHinkley.builder().build(), PageHinkleyDM::new, true),
        new Pair("CUSUM", () -> Cusum.builder().build(), CusumDM::new, true),
        new Pair("HDDM-A", () -> HddmA.builder().build(), HDDM_A_Test::new, false),
        new Pair("HDDM-W", () -> HddmW.builder().build(), HDDM_W_Test::new, false),
        new Pair("ADWIN", () -> new Adwin(0.002), ADWINChangeDetector::new, true),
        new Pair("KSWIN", () -> Kswin.builder().build(), null, true));
    Scenario abrupt = (seed, change) -> errors(seed, change ? 20_000 : 100_000,
        change ? 10_000 : 100_000, 0.1, 0.5);
    Scenario gradual = (seed, change) -> change ? ramp(seed, 20_000, 10_000, 2_000, 0.1, 0.5)
        : errors(seed, 100_000, 100_000, 0.1, 0.1);
    Scenario shift = (seed, change) -> gaussian(seed, change ? 20_000 : 100_000,
        change ? 10_000 : 100_000, 1.0);
    report("errors 0.1 -> 0.5 at 10,000 (abrupt)", abrupt, pairs, false);
    report("errors 0.1 -> 0.5 over 10,000..12,000 (gradual)", gradual, pairs, false);
    report("Gaussian mean +1 sd at 10,000 (real-valued detectors)", shift, pairs, true);
  }

  private static void report(String title, Scenario scenario, List<Pair> pairs,
      boolean realValued) {
    System.out.printf(Locale.ROOT, "%n%s; %d seeds; false alarms on 100,000 values without the "
        + "change%n", title, SEEDS);
    System.out.printf(Locale.ROOT, "%-13s %-20s %-24s %-16s %-22s%n", "detector",
        "same positions", "mean delay Brook/MOA", "missed Br/MOA", "false alarms/100k Br/MOA");
    for (Pair pair : pairs) {
      if (realValued && !pair.realValued()) {
        continue;
      }
      int same = 0;
      long[] delay = new long[2];
      int[] detected = new int[2];
      long[] falseAlarms = new long[2];
      for (long seed = 1; seed <= SEEDS; seed++) {
        double[] change = scenario.values(seed, true);
        double[] stationary = scenario.values(1_000 + seed, false);
        List<Integer> brook = brookDrifts(pair.brook().get(), change);
        List<Integer> brookStationary = brookDrifts(pair.brook().get(), stationary);
        record(score(brook, 10_000), brookStationary.size(), 0, delay, detected, falseAlarms);
        if (pair.moa() != null) {
          List<Integer> moa = moaDrifts(pair.moa().get(), change);
          List<Integer> moaStationary = moaDrifts(pair.moa().get(), stationary);
          same += brook.equals(moa) && brookStationary.equals(moaStationary) ? 1 : 0;
          record(score(moa, 10_000), moaStationary.size(), 1, delay, detected, falseAlarms);
        }
      }
      boolean moa = pair.moa() != null;
      System.out.printf(Locale.ROOT, "%-13s %-20s %-24s %-16s %-22s%n", pair.name(),
          moa ? same + " of " + SEEDS + " seeds" : "(not in MOA 2024.07)",
          String.format(Locale.ROOT, "%.1f / %s", delay[0] / (double) Math.max(1, detected[0]),
              moa ? String.format(Locale.ROOT, "%.1f", delay[1] / (double) Math.max(1,
                  detected[1])) : "-"),
          (SEEDS - detected[0]) + " / " + (moa ? String.valueOf(SEEDS - detected[1]) : "-"),
          String.format(Locale.ROOT, "%.1f / %s", falseAlarms[0] / (double) SEEDS,
              moa ? String.format(Locale.ROOT, "%.1f", falseAlarms[1] / (double) SEEDS) : "-"));
    }
  }

  /** Adds one seed's delay (if detected within 10,000 values) and false alarms to column c. */
  private static void record(int[] scored, int stationaryAlarms, int c, long[] delay,
      int[] detected, long[] falseAlarms) {
    if (scored[0] >= 0 && scored[0] < 10_000) {
      delay[c] += scored[0];
      detected[c]++;
    }
    falseAlarms[c] += stationaryAlarms;
  }
}
