package org.brookml.examples.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command-line evaluator as a user runs it: the README's Elec2 line (its figures asserted
 * exactly: the run is deterministic), the other methods and a generator, and the messages for
 * what does not exist.
 */
class EvaluateTest {

  private static final Path ELEC2 = Path.of("../ml-core/src/test/resources/data/elec2/"
      + "electricity.arff.gz");

  private record Run(int exit, Evaluate command, String err) {}

  private static Run run(String... args) {
    Evaluate command = new Evaluate();
    CommandLine cli = Evaluate.commandLine(command);
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, command, err.toString());
  }

  @Test
  void readmeLine_elec2_boostingBeatsTheNoChangeBaselineWhereTheTreeDoesNot(@TempDir Path dir)
      throws Exception {
    Path csv = dir.resolve("curves.csv");
    Path png = dir.resolve("curves.png");
    Run run = run("--data", ELEC2.toString(), "--learner", "hoeffding-tree", "--learner",
        "adaboost(base=hoeffding-tree, size=10)", "--score", "window_kappa_t", "--csv",
        csv.toString(), "--png", png.toString(), "--no-progress");
    assertThat(run.exit()).as(run.err()).isZero();
    Evaluate.Outcome tree = run.command().outcomes.get(0);
    Evaluate.Outcome boost = run.command().outcomes.get(1);
    assertThat(tree.examples()).isEqualTo(45_312);
    assertThat(tree.scores().accuracy()).isCloseTo(0.7922, within(5e-5));
    assertThat(tree.scores().kappa()).isCloseTo(0.5731, within(5e-5));
    assertThat(tree.scores().kappaM()).isCloseTo(0.5104, within(5e-5));
    assertThat(tree.scores().kappaTemporal()).isCloseTo(-0.4167, within(5e-5));
    assertThat(boost.scores().accuracy()).isCloseTo(0.8735, within(5e-5));
    assertThat(boost.scores().kappa()).isCloseTo(0.7399, within(5e-5));
    assertThat(boost.scores().kappaM()).isCloseTo(0.7019, within(5e-5));
    assertThat(boost.scores().kappaTemporal()).isCloseTo(0.1374, within(5e-5));
    assertThat(Files.readAllLines(csv)).hasSize(1 + 2 * 45);
    assertThat(Files.size(png)).isGreaterThan(10_000);
  }

  @Test
  void everyMethod_runs_onAGenerator() {
    for (String method : new String[] {"prequential", "delayed", "chunks", "held-out"}) {
      Run run = run("--generator", "drift(from=sea, to=sea(concept=3), position=5000, width=500)",
          "--examples", "20000", "--learner", "naive-bayes", "--learner",
          "drift-aware(base=hoeffding-tree, detector=hddm-a)", "--method", method,
          "--no-progress");
      assertThat(run.exit()).as(method + ": " + run.err()).isZero();
      assertThat(run.command().outcomes.get(0).scores().accuracy()).as(method)
          .isBetween(0.7, 1.0);
    }
  }

  @Test
  void adaptiveTree_followsAnAbruptDrift_betterThanThePlainTree() {
    Run run = run("--generator", "drift(from=sea, to=sea(concept=4), position=10000, width=1)",
        "--examples", "40000", "--learner", "hoeffding-tree", "--learner",
        "hoeffding-adaptive-tree(seed=2)", "--learner",
        "extremely-fast-decision-tree(reevaluation=500)", "--no-progress");
    assertThat(run.exit()).as(run.err()).isZero();
    double tree = run.command().outcomes.get(0).scores().accuracy();
    double adaptive = run.command().outcomes.get(1).scores().accuracy();
    double anytime = run.command().outcomes.get(2).scores().accuracy();
    System.out.printf("SEA 1 -> 4 at 10,000: tree %.4f, adaptive tree %.4f, EFDT %.4f%n", tree,
        adaptive, anytime);
    assertThat(adaptive).isGreaterThan(tree);
  }

  @Test
  void unknownNamesAndSettings_listWhatExists() {
    Run learner = run("--generator", "sea", "--examples", "10", "--learner", "random-forest");
    assertThat(learner.exit()).isEqualTo(2);
    assertThat(learner.err()).contains("no learner named 'random-forest'")
        .contains("hoeffding-tree(").contains("adaboost(");
    Run setting = run("--generator", "sea", "--examples", "10", "--learner",
        "hoeffding-tree(graceperiod=50)");
    assertThat(setting.err()).contains("hoeffding-tree has no setting 'graceperiod'")
        .contains("grace=200");
    Run generator = run("--generator", "sea(concept=7)", "--examples", "10", "--learner",
        "naive-bayes");
    assertThat(generator.err()).contains("concept must be in [1, 4]");
    Run syntax = run("--generator", "sea", "--examples", "10", "--learner", "adaboost(size=");
    assertThat(syntax.err()).contains("at column");
  }
}
