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
import org.brookml.drift.PageHinkley;

/**
 * Brook's drift detectors beside MOA 2024.07's on the same values, each with its defaults. For
 * 30 seeds: Bernoulli errors at rate 0.1 for 10,000 values then 0.5 for 10,000 (an abrupt
 * change), and 100,000 values at 0.1 (no change). Prints per detector: how many seeds gave
 * exactly the same drift positions in both libraries, the mean delay to the first drift after
 * the change, the changes missed (no drift in the 10,000 values after it), and false alarms per
 * 100,000 stationary values. MOA is only on the class path of the {@code moa} profile. Run:
 * {@code ./mvnw -q -pl ml-bench -am -Pmoa -DskipTests package exec:exec@detector-comparison}.
 */
public final class DetectorComparison {

  private static final int SEEDS = 30;

  private DetectorComparison() {}

  private record Pair(String name, Supplier<DriftDetector> brook, Supplier<ChangeDetector> moa) {}

  private static double[] errors(long seed, int n, int change, double before, double after) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextDouble() < (i < change ? before : after) ? 1 : 0;
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
        new Pair("DDM", () -> Ddm.builder().build(), DDM::new),
        new Pair("EDDM", () -> Eddm.builder().build(), EDDM::new),
        new Pair("Page-Hinkley", () -> PageHinkley.builder().build(), PageHinkleyDM::new),
        new Pair("CUSUM", () -> Cusum.builder().build(), CusumDM::new),
        new Pair("HDDM-A", () -> HddmA.builder().build(), HDDM_A_Test::new),
        new Pair("HDDM-W", () -> HddmW.builder().build(), HDDM_W_Test::new),
        new Pair("ADWIN", () -> new Adwin(0.002), ADWINChangeDetector::new));
    System.out.printf(Locale.ROOT, "%-13s %-20s %-24s %-16s %-22s%n", "detector",
        "same positions", "mean delay Brook/MOA", "missed Br/MOA", "false alarms/100k Br/MOA");
    for (Pair pair : pairs) {
      int same = 0;
      long delayBrook = 0;
      long delayMoa = 0;
      int detectedBrook = 0;
      int detectedMoa = 0;
      long falseBrook = 0;
      long falseMoa = 0;
      for (long seed = 1; seed <= SEEDS; seed++) {
        double[] change = errors(seed, 20_000, 10_000, 0.1, 0.5);
        List<Integer> brook = brookDrifts(pair.brook().get(), change);
        List<Integer> moa = moaDrifts(pair.moa().get(), change);
        double[] stationary = errors(1_000 + seed, 100_000, 100_000, 0.1, 0.1);
        List<Integer> brookStationary = brookDrifts(pair.brook().get(), stationary);
        List<Integer> moaStationary = moaDrifts(pair.moa().get(), stationary);
        same += brook.equals(moa) && brookStationary.equals(moaStationary) ? 1 : 0;
        int[] b = score(brook, 10_000);
        int[] m = score(moa, 10_000);
        if (b[0] >= 0) {
          delayBrook += b[0];
          detectedBrook++;
        }
        if (m[0] >= 0) {
          delayMoa += m[0];
          detectedMoa++;
        }
        falseBrook += brookStationary.size();
        falseMoa += moaStationary.size();
      }
      System.out.printf(Locale.ROOT, "%-13s %-20s %-24s %-16s %-22s%n", pair.name(),
          same + " of " + SEEDS + " seeds",
          String.format(Locale.ROOT, "%.1f / %.1f", delayBrook / (double) Math.max(1,
              detectedBrook), delayMoa / (double) Math.max(1, detectedMoa)),
          (SEEDS - detectedBrook) + " / " + (SEEDS - detectedMoa),
          String.format(Locale.ROOT, "%.1f / %.1f", falseBrook / (double) SEEDS,
              falseMoa / (double) SEEDS));
    }
  }
}
