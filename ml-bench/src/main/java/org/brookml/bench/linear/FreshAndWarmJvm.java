package org.brookml.bench.linear;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Whether a learner runs slower after other learners in the same JVM than in a fresh one (the
 * profile of shared call sites polluted by other learners' types, or data laid out otherwise):
 * each learner timed in a JVM of its own, then all of them in one JVM one after the other, in the
 * order of {@link #LEARNERS} and in reverse, the same passes over the same rows each time, each configuration in
 * {@value #JVMS} JVMs; prints the median rates and the worst shared one over the own-JVM one.
 * Run: {@code java -cp ml-bench/target/benchmarks.jar org.brookml.bench.linear.FreshAndWarmJvm}
 * (it starts the child JVMs itself).
 */
public final class FreshAndWarmJvm {

  /** Where results go, so that no pass can be optimized away. */
  private static volatile Object sink;

  private FreshAndWarmJvm() {}

  /** JVMs per configuration: rates vary between JVMs on this VM by up to 2x, so medians. */
  static final int JVMS = 5;

  /** The learners, in the order of the shared JVM. */
  static final List<String> LEARNERS = List.of("dense-logistic", "dense-hinge",
      "dense-squared", "dense-logistic-batch", "sparse-logistic", "sparse-predict");

  public static void main(String[] args) throws Exception {
    if (args.length > 0) { // a child: time the learners named, in order
      for (String name : args) {
        System.out.printf(Locale.ROOT, "%s %.0f%n", name, rate(name));
      }
      return;
    }
    System.out.printf(Locale.ROOT, "Java %s, %d cpus%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    int n = LEARNERS.size();
    double[][] fresh = new double[n][JVMS];
    double[][] inOrder = new double[n][JVMS];
    double[][] reversedOrder = new double[n][JVMS];
    List<String> reversed = new ArrayList<>(LEARNERS);
    Collections.reverse(reversed);
    for (int run = 0; run < JVMS; run++) {
      for (int i = 0; i < n; i++) {
        fresh[i][run] = child(List.of(LEARNERS.get(i)))[0];
      }
      double[] forward = child(LEARNERS);
      double[] backward = child(reversed);
      for (int i = 0; i < n; i++) {
        inOrder[i][run] = forward[i];
        reversedOrder[i][run] = backward[n - 1 - i];
      }
    }
    System.out.printf(Locale.ROOT, "medians of %d JVMs each; rows/s%n", JVMS);
    System.out.printf(Locale.ROOT, "%-22s %14s %14s %14s %8s%n", "learner", "own JVM",
        "in order", "reversed", "worst");
    for (int i = 0; i < n; i++) {
      double own = median(fresh[i]);
      double worst = Math.min(median(inOrder[i]), median(reversedOrder[i]));
      System.out.printf(Locale.ROOT, "%-22s %14.0f %14.0f %14.0f %8.2f%n", LEARNERS.get(i), own,
          median(inOrder[i]), median(reversedOrder[i]), worst / own);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** Runs a child JVM that times {@code names} in order; their rates. */
  private static double[] child(List<String> names) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules=jdk.incubator.vector", "-Xms4g", "-Xmx4g", "-Xmn3g", "-cp",
        System.getProperty("java.class.path"), FreshAndWarmJvm.class.getName()));
    command.addAll(names);
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("child failed: " + names + "\n" + out);
    }
    return out.lines().mapToDouble(line -> Double.parseDouble(line.split(" ")[1])).toArray();
  }

  /** The median rows/s of 7 passes after 3 warm-up passes of learner {@code name}. */
  static double rate(String name) {
    DoubleSupplier pass = pass(name);
    double[] rates = new double[10];
    for (int i = 0; i < rates.length; i++) {
      rates[i] = pass.getAsDouble();
    }
    return median(Arrays.copyOfRange(rates, 3, 10));
  }

  /**
   * One timed pass of the learner over its rows, in rows per second. The heap is emptied first
   * and the young generation holds the new rows, so no collection moves them, whatever ran
   * before (see {@link DenseCeilingsBenchmark}).
   */
  private static DoubleSupplier pass(String name) {
    System.gc();
    if (name.startsWith("sparse")) {
      SparseCeilingsBenchmark b = new SparseCeilingsBenchmark();
      b.setUp();
      boolean learn = name.equals("sparse-logistic");
      if (!learn) {
        b.logisticLearn(); // a trained model to predict with
      }
      return () -> timed(SparseCeilingsBenchmark.ROWS,
          () -> sink = learn ? b.logisticLearn() : (Object) b.logisticPredict());
    }
    DenseCeilingsBenchmark b = new DenseCeilingsBenchmark();
    b.setUp();
    Runnable run = switch (name) {
      case "dense-logistic" -> () -> sink = b.logisticLearn();
      case "dense-hinge" -> () -> sink = b.hingeLearn();
      case "dense-squared" -> () -> sink = b.squaredLearn();
      case "dense-logistic-batch" -> () -> sink = b.logisticLearnBatch();
      default -> throw new IllegalArgumentException("no learner " + name);
    };
    return () -> timed(DenseCeilingsBenchmark.ROWS, run);
  }

  private static double timed(int rows, Runnable run) {
    long start = System.nanoTime();
    run.run();
    return rows / ((System.nanoTime() - start) / 1e9);
  }
}
