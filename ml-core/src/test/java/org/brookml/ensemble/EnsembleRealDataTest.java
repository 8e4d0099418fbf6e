package org.brookml.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.brookml.eval.ClassificationMetrics;
import org.brookml.eval.Prequential;
import org.brookml.io.CsvReader;
import org.brookml.io.RealData;
import org.brookml.learner.LabelEncoder;
import org.brookml.learner.OnlineClassifier;
import org.brookml.tree.HoeffdingTree;
import org.junit.jupiter.api.Test;

/**
 * Prequential (test-then-train, file order, whole stream) accuracy of the ensembles over 10
 * default Hoeffding trees on real data (bundled copies of the shared data folder's files, see
 * {@code RealData}). Figures are printed to the test output.
 */
class EnsembleRealDataTest {

  private static Map<String, OnlineClassifier> contenders(int dimension, int numClasses) {
    HoeffdingTree tree = HoeffdingTree.builder(dimension, numClasses).build();
    Map<String, OnlineClassifier> models = new LinkedHashMap<>();
    models.put("Hoeffding tree", tree.copy());
    models.put("AdaBoost", OnlineAdaBoost.builder(tree).build());
    models.put("ADWIN AdaBoost", OnlineAdaBoost.builder(tree).adwin(0.002).build());
    models.put("bagging", OnlineBagging.builder(tree).build());
    models.put("ADWIN bagging", OnlineBagging.builder(tree).adwin(0.002).build());
    return models;
  }

  private static Map<String, ClassificationMetrics> runAll(
      String name, Supplier<CsvReader> data, int numClasses) {
    Map<String, ClassificationMetrics> results = new LinkedHashMap<>();
    int dimension;
    try (CsvReader rows = data.get()) {
      dimension = rows.dimension();
    }
    for (Map.Entry<String, OnlineClassifier> model : contenders(dimension, numClasses).entrySet()) {
      try (CsvReader rows = data.get()) {
        long start = System.nanoTime();
        ClassificationMetrics m = Prequential.classification(model.getValue(), rows,
            new ClassificationMetrics(numClasses, 1_000));
        System.out.printf("%s, %s: accuracy %.4f, kappa %.4f (%d rows, %.1f s)%n", name,
            model.getKey(), m.accuracy(), m.kappa(), m.count(),
            (System.nanoTime() - start) / 1e9);
        results.put(model.getKey(), m);
      }
    }
    return results;
  }

  /**
   * Elec2: River's published figure for AdaBoost over 10 Hoeffding trees on the same file is
   * 0.881; for its Hoeffding tree 0.796. The README's figures, asserted to 0.0002 (9 rows):
   * the runs are deterministic, and the two kernel modes may differ on a few near-ties.
   */
  @Test
  void elec2_boostingReachesRiversFigure() {
    Map<String, ClassificationMetrics> r = runAll("Elec2", RealData::elec2, 2);
    assertThat(r.get("AdaBoost").count()).isEqualTo(45_312);
    assertFigure(r.get("Hoeffding tree").accuracy(), 0.8011);
    assertFigure(r.get("AdaBoost").accuracy(), 0.8797);
    assertFigure(r.get("AdaBoost").kappa(), 0.7539);
    assertFigure(r.get("ADWIN AdaBoost").accuracy(), 0.9089);
    assertFigure(r.get("bagging").accuracy(), 0.8251);
    assertFigure(r.get("ADWIN bagging").accuracy(), 0.8381);
  }

  private static void assertFigure(double actual, double figure) {
    assertThat(actual).isCloseTo(figure, within(0.0002));
  }

  /**
   * The same stream gives the same model whether the JIT has compiled the kernels yet or not:
   * three runs in a fresh JVM (the first mostly interpreted, the last compiled; a JVM that ran
   * other tests first would start warm) end in the same snapshot bytes, with the scalar kernels
   * and with the Vector API's. The Vector API's lanewise logarithm once broke this (0.8801 cold,
   * 0.8782 warm).
   */
  @Test
  void elec2_sameModelWhetherTheJitIsColdOrWarm_inAFreshJvm() throws Exception {
    for (List<String> flags : List.of(List.of("-Dbrook.vector=scalar"),
        List.of("--add-modules", "jdk.incubator.vector", "-Dbrook.vector=panama"))) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(flags);
      command.add("-cp");
      command.add(Path.of("target/classes").toAbsolutePath() + File.pathSeparator
          + Path.of("target/test-classes").toAbsolutePath());
      command.add(ColdWarmProbe.class.getName());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      List<String> runs = out.lines().filter(line -> !line.startsWith("WARNING")).toList();
      System.out.println("cold/warm runs " + flags + ": " + runs);
      assertThat(runs).as("three runs, %s", out).hasSize(3);
      assertThat(runs.get(1)).as("second run").isEqualTo(runs.get(0));
      assertThat(runs.get(2)).as("third run").isEqualTo(runs.get(0));
    }
  }

  /** Multiclass: shuttle (58,000 rows, 7 classes) and poker hand (25,010 rows, 10 classes). */
  @Test
  void multiclass_figures() {
    Map<String, ClassificationMetrics> shuttle = runAll("shuttle", () -> CsvReader.builder(
            RealData.shared("shuttle/shuttle.csv")).header(true)
        .labels(LabelEncoder.of("Rad.Flow", "High", "Bypass", "Fpv.Open", "Fpv.Close",
            "Bpv.Open", "Bpv.Close")).open(), 7);
    Map<String, ClassificationMetrics> poker = runAll("poker hand", () -> CsvReader.builder(
        RealData.shared("poker_hand/poker-hand-training-true.data")).header(false).open(), 10);
    assertFigure(shuttle.get("Hoeffding tree").accuracy(), 0.9729);
    assertFigure(shuttle.get("AdaBoost").accuracy(), 0.9967);
    assertFigure(shuttle.get("ADWIN AdaBoost").accuracy(), 0.9949);
    assertFigure(shuttle.get("bagging").accuracy(), 0.9771);
    assertFigure(shuttle.get("ADWIN bagging").accuracy(), 0.9775);
    // Poker hand with numeric suits and ranks: every model stays at the majority class (0.4995
    // answering it always; kappa near 0), as MOA's single trees do (issue 16 brings nominal
    // features, with which ensembles get further).
    assertFigure(poker.get("Hoeffding tree").accuracy(), 0.4991);
    assertFigure(poker.get("AdaBoost").accuracy(), 0.4987);
    assertFigure(poker.get("bagging").accuracy(), 0.4990);
    assertThat(poker.get("AdaBoost").kappa()).isLessThan(0.01);
  }
}
