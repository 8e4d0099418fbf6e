package org.brookml.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.brookml.cluster.CentroidRate;
import org.brookml.cluster.CentroidRate.DecayUnit;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.data.GaussianBlobs;
import org.brookml.vector.Vectors;

/**
 * The main demo: a stream of Gaussian blobs whose centres drift, clustered by mini-batch k-means
 * twice, with Sculley's running-mean rate and with forgetting (a half-life, as Spark's streaming
 * k-means has). Every batch is scored before it is learned (prequential inertia). Prints a table of
 * throughput, inertia and centre error over time, and writes a chart of the centres' paths.
 *
 * <p>Arguments (all optional): {@code points=1000000 batch=500 halfLife=4 out=target/demo}; run
 * through Maven, {@code out} is relative to the {@code examples} folder.
 */
public final class DriftingBlobsDemo {

  /** The demo's settings; see the class comment for the command-line form. */
  public record Settings(int points, int batch, double halfLifeBatches, Path out) {

    static Settings parse(String[] args) {
      int points = 1_000_000;
      int batch = 500;
      double halfLife = 4;
      Path out = Path.of("target", "demo");
      for (String arg : args) {
        String[] kv = arg.split("=", 2);
        if (kv.length != 2) {
          throw new IllegalArgumentException("expected key=value, got '" + arg + "'");
        }
        switch (kv[0]) {
          case "points" -> points = Integer.parseInt(kv[1]);
          case "batch" -> batch = Integer.parseInt(kv[1]);
          case "halfLife" -> halfLife = Double.parseDouble(kv[1]);
          case "out" -> out = Path.of(kv[1]);
          default -> throw new IllegalArgumentException("unknown setting '" + kv[0]
              + "'; known: points, batch, halfLife, out");
        }
      }
      return new Settings(points, batch, halfLife, out);
    }
  }

  /** What one run measured: per report row, and the paths for the chart. */
  public record Result(List<Row> rows, Paths paths, double runningMeanPerSecond,
      double forgettingPerSecond) {}

  /** One line of the table. */
  public record Row(long points, double inertiaRunningMean, double inertiaForgetting,
      double errorRunningMean, double errorForgetting) {}

  /** Centre positions over time: [blob][time] for truth and both models. */
  public record Paths(List<double[][]> truth, List<double[][]> runningMean,
      List<double[][]> forgetting) {}

  static final int K = 4;
  static final int DIMENSION = 2;
  private static final int REPORT_ROWS = 10;

  private DriftingBlobsDemo() {}

  public static void main(String[] args) throws IOException {
    Settings settings = Settings.parse(args);
    System.out.printf(Locale.ROOT, "Brook drifting-blobs demo: %,d points in batches of %d, "
        + "k=%d, kernels: %s%n", settings.points(), settings.batch(), K, Vectors.implementation());
    Result result = run(settings, true);
    printTable(result, settings);
    Files.createDirectories(settings.out());
    Path chart = settings.out().resolve("drifting-blobs.png");
    DriftChart.write(result, chart);
    System.out.println("chart: " + chart.toAbsolutePath());
  }

  /** Runs the stream through both models; {@code progress} shows a progress bar. */
  public static Result run(Settings settings, boolean progress) {
    int batches = settings.points() / settings.batch();
    // Each centre travels 16 units over the run (in a box of width 20), whatever its length.
    GaussianBlobs stream =
        new GaussianBlobs(K, DIMENSION, 0.5, 10, 16.0 / settings.points(), 7);
    MiniBatchKMeans runningMean = MiniBatchKMeans.builder(K, DIMENSION).seed(3).build();
    MiniBatchKMeans forgetting = runningMean.toBuilder()
        .rate(CentroidRate.halfLife(settings.halfLifeBatches(), DecayUnit.BATCHES)).build();

    double[] batch = new double[settings.batch() * DIMENSION];
    long[] nanos = new long[2];
    List<Row> rows = new ArrayList<>();
    Paths paths = new Paths(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    double[] inertiaSums = new double[2];
    long inertiaCount = 0;
    int reportEvery = Math.max(1, batches / REPORT_ROWS);
    int pathEvery = Math.max(1, batches / 200);

    try (ProgressBar bar = progress ? progressBar(batches) : null) {
      for (int b = 0; b < batches; b++) {
        stream.fill(batch, settings.batch(), null);
        if (runningMean.isReady()) {
          // Prequential: score the batch before learning it.
          inertiaSums[0] += runningMean.inertia(batch, settings.batch());
          inertiaSums[1] += forgetting.inertia(batch, settings.batch());
          inertiaCount += settings.batch();
        }
        long t0 = System.nanoTime();
        runningMean.learnBatch(batch, settings.batch());
        long t1 = System.nanoTime();
        forgetting.learnBatch(batch, settings.batch());
        nanos[0] += t1 - t0;
        nanos[1] += System.nanoTime() - t1;

        if (runningMean.isReady() && b % pathEvery == 0) {
          paths.truth().add(stream.centers());
          paths.runningMean().add(runningMean.centers());
          paths.forgetting().add(forgetting.centers());
        }
        if ((b + 1) % reportEvery == 0 && inertiaCount > 0) {
          double[][] truth = stream.centers();
          rows.add(new Row(stream.emitted(), inertiaSums[0] / inertiaCount,
              inertiaSums[1] / inertiaCount, centerError(runningMean.centers(), truth),
              centerError(forgetting.centers(), truth)));
          inertiaSums[0] = 0;
          inertiaSums[1] = 0;
          inertiaCount = 0;
        }
        if (bar != null) {
          bar.step();
        }
      }
    }
    long learned = (long) batches * settings.batch();
    return new Result(rows, paths, learned / (nanos[0] / 1e9), learned / (nanos[1] / 1e9));
  }

  private static ProgressBar progressBar(int batches) {
    return new ProgressBarBuilder().setTaskName("learning").setInitialMax(batches)
        .setStyle(ProgressBarStyle.ASCII).setUnit(" batches", 1).build();
  }

  /** Largest distance from a true centre to its nearest learned centre. */
  static double centerError(double[][] learned, double[][] truth) {
    double worst = 0;
    for (double[] t : truth) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] c : learned) {
        best = Math.min(best, Math.sqrt(Vectors.squaredDistance(t, c)));
      }
      worst = Math.max(worst, best);
    }
    return worst;
  }

  private static void printTable(Result result, Settings settings) {
    System.out.printf(Locale.ROOT, "%n%10s | %-25s | %-25s%n", "", "running mean (1/count)",
        "forgetting (half-life " + settings.halfLifeBatches() + " batches)");
    System.out.printf(Locale.ROOT, "%10s | %12s %12s | %12s %12s%n", "points", "inertia/pt",
        "centre err", "inertia/pt", "centre err");
    for (Row row : result.rows()) {
      System.out.printf(Locale.ROOT, "%,10d | %12.3f %12.3f | %12.3f %12.3f%n", row.points(),
          row.inertiaRunningMean(), row.errorRunningMean(), row.inertiaForgetting(),
          row.errorForgetting());
    }
    System.out.printf(Locale.ROOT, "%nthroughput (learnBatch only, d=%d, k=%d): running mean "
        + "%,.0f points/s, forgetting %,.0f points/s%n", DIMENSION, K,
        result.runningMeanPerSecond(), result.forgettingPerSecond());
    System.out.println("inertia/pt is prequential: each batch is scored before it is learned. "
        + "The true per-point inertia of these blobs is 2 x 0.5^2 = 0.5.");
  }
}
