package org.brookml.examples.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.brookml.eval.ClassificationMetrics;
import org.brookml.eval.ClassificationScores;
import org.brookml.eval.DelayedPrequential;
import org.brookml.eval.InterleavedChunks;
import org.brookml.eval.LearningCurve;
import org.brookml.eval.PeriodicHeldOut;
import org.brookml.eval.Prequential;
import org.brookml.eval.ProgressListener;
import org.brookml.learner.DenseExampleStream;
import org.brookml.learner.OnlineClassifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command-line evaluator: learners named with their settings, run on a file or a generator
 * by an evaluation method, with a table on the console and the learning curves as CSV and PNG.
 * Every learner sees the same examples in the same order. Run with {@code --help}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Evaluates Brook classifiers on a data file or a generated stream.",
    footer = {"", "Learners:", "%n%s", "Generators:", "%n%s", "Example:",
        "  --data electricity.arff.gz --learner hoeffding-tree "
            + "--learner 'adaboost(base=hoeffding-tree, size=10)' --png curves.png"})
public final class Evaluate implements Callable<Integer> {

  @Option(names = "--data", paramLabel = "FILE",
      description = "a .csv (header, class last), .arff or .libsvm file, optionally .gz")
  Path data;

  @Option(names = "--generator", paramLabel = "SPEC",
      description = "a generator with its settings, e.g. 'sea(concept=2, noise=10)'")
  String generator;

  @Option(names = "--examples", paramLabel = "N", defaultValue = "0",
      description = "stop after N examples (0: the whole file; generators need N)")
  long examples;

  @Option(names = "--dimension", paramLabel = "D", defaultValue = "0",
      description = "features of a libsvm file")
  int dimension;

  @Option(names = "--learner", paramLabel = "SPEC", required = true,
      description = "a learner with its settings (repeat to compare), "
          + "e.g. 'adaboost(base=hoeffding-tree, size=10)'")
  List<String> learners = new ArrayList<>();

  @Option(names = "--method", paramLabel = "NAME", defaultValue = "prequential",
      description = "prequential, delayed, chunks or held-out (default: ${DEFAULT-VALUE})")
  String method;

  @Option(names = "--delay", paramLabel = "K", defaultValue = "1000",
      description = "delayed: examples before a label reaches the learner (${DEFAULT-VALUE})")
  int delay;

  @Option(names = "--chunk", paramLabel = "N", defaultValue = "1000",
      description = "chunks: examples per chunk (${DEFAULT-VALUE})")
  int chunk;

  @Option(names = "--test-size", paramLabel = "N", defaultValue = "10000",
      description = "held-out: examples set aside first (${DEFAULT-VALUE})")
  int testSize;

  @Option(names = "--window", paramLabel = "N", defaultValue = "1000",
      description = "the sliding window of the window scores (${DEFAULT-VALUE})")
  int window;

  @Option(names = "--every", paramLabel = "N", defaultValue = "1000",
      description = "examples between two points of the curves (${DEFAULT-VALUE})")
  long every;

  @Option(names = "--csv", paramLabel = "FILE", description = "write the learning curves as CSV")
  Path csv;

  @Option(names = "--png", paramLabel = "FILE", description = "draw the curves as a PNG chart")
  Path png;

  @Option(names = "--score", paramLabel = "NAME", defaultValue = "window_accuracy",
      description = "the score the chart draws, one of " + "${COMPLETION-CANDIDATES}")
  Score score;

  @Option(names = "--no-progress", description = "no progress bar")
  boolean noProgress;

  /** The scores a chart can draw (the curve's columns). */
  enum Score {
    accuracy, kappa, kappa_m, kappa_t, macro_f1, window_accuracy, window_kappa, window_kappa_m,
    window_kappa_t
  }

  /** One learner's final scores and speed. */
  record Outcome(String learner, ClassificationScores scores, long examples, double seconds) {}

  /** Each learner's outcome, in the order given (read by tests after a run). */
  final List<Outcome> outcomes = new ArrayList<>();
  private final LearningCurve curve = new LearningCurve();

  public static void main(String[] args) {
    System.exit(commandLine(new Evaluate()).execute(args));
  }

  /** The command line around {@code command}, its help listing the learners and generators. */
  static CommandLine commandLine(Evaluate command) {
    CommandLine cli = new CommandLine(command);
    cli.getCommandSpec().usageMessage().footer(String.format(Locale.ROOT,
        String.join("%n", cli.getCommandSpec().usageMessage().footer()), Learners.catalogue(),
        Sources.catalogue()));
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println(line.getColorScheme().errorText(e.getMessage()));
      return 2;
    });
    return cli;
  }

  @Override
  public Integer call() throws Exception {
    Sources.Source source = source();
    List<OnlineClassifier> models = new ArrayList<>();
    for (String text : learners) { // all built first: a bad spec fails before any run
      models.add(Learners.build(Spec.parse(text), source.schema()));
    }
    System.out.printf(Locale.ROOT, "%s: %d features, %d classes; %s evaluation%n",
        source.description(), source.dimension(), source.classes(), method);
    for (int i = 0; i < models.size(); i++) {
      outcomes.add(run(learners.get(i), models.get(i), source));
    }
    printTable();
    if (csv != null) {
      curve.writeCsv(csv);
      System.out.println("curves: " + csv);
    }
    if (png != null) {
      String title = (data != null ? data.getFileName().toString() : generator) + ", " + method
          + " evaluation";
      CurveChart.write(curve, score.name(), title, png);
      System.out.println("chart: " + png);
    }
    return 0;
  }

  private Sources.Source source() {
    if ((data == null) == (generator == null)) {
      throw new IllegalArgumentException("give exactly one of --data and --generator");
    }
    if (generator != null) {
      if (examples < 1) {
        throw new IllegalArgumentException("a generator is endless: give --examples");
      }
      return Sources.generated(generator, examples);
    }
    return Sources.file(data, dimension, examples);
  }

  private Outcome run(String name, OnlineClassifier model, Sources.Source source) {
    ClassificationMetrics metrics = new ClassificationMetrics(source.classes(), window);
    ProgressListener<ClassificationMetrics> record = curve.recorder(name, every);
    long start = System.nanoTime();
    long[] seen = new long[1];
    try (DenseExampleStream stream = source.opener().get();
        ProgressBar bar = noProgress ? null : new ProgressBarBuilder().setTaskName(name)
            .setInitialMax(source.size()).setStyle(ProgressBarStyle.ASCII)
            .setUnit(" ex", 1).continuousUpdate().build()) {
      ProgressListener<ClassificationMetrics> listener = (n, m) -> {
        record.onProgress(n, m);
        seen[0] = n;
        if (bar != null) {
          bar.stepTo(n);
        }
      };
      switch (method) {
        case "prequential":
          metrics = Prequential.classification(model, stream, metrics, listener);
          break;
        case "delayed":
          metrics = DelayedPrequential.byExamples(model, stream, delay, metrics, listener);
          break;
        case "chunks":
          metrics = InterleavedChunks.classification(model, stream, chunk, metrics, listener);
          break;
        case "held-out":
          metrics = PeriodicHeldOut.classification(model, stream, testSize, every, window,
              (n, m) -> {
                curve.record(name, n, m);
                seen[0] = n;
              });
          break;
        default:
          throw new IllegalArgumentException("unknown --method " + method
              + "; methods: prequential, delayed, chunks, held-out");
      }
    }
    return new Outcome(name, metrics.cumulative(), seen[0], (System.nanoTime() - start) / 1e9);
  }

  private void printTable() {
    System.out.printf(Locale.ROOT, "%n%-50s %9s %8s %8s %8s %12s%n", "learner", "accuracy",
        "kappa", "kappa-M", "kappa-T", "examples/s");
    for (Outcome o : outcomes) {
      System.out.printf(Locale.ROOT, "%-50s %9.4f %8.4f %8.4f %8.4f %,12.0f%n", o.learner(),
          o.scores().accuracy(), o.scores().kappa(), o.scores().kappaM(),
          o.scores().kappaTemporal(), o.examples() / o.seconds());
    }
  }
}
