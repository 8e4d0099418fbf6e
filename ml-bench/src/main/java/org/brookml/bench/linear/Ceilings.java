package org.brookml.bench.linear;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.brookml.bench.cluster.KMeansCeilingsBenchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link DenseCeilingsBenchmark} and {@link SparseCeilingsBenchmark} and prints each
 * learner's rate as a fraction of the ceiling measured in the same run on the same rows: dense
 * learners against the read ceiling of the double rows (the float ceiling beside) and against
 * the dot product and update every step makes ({@code dotThenUpdate}), sparse prediction
 * against the gather ceiling and sparse learning against the gather-and-scatter ceiling (each
 * the faster of its scalar and Vector API versions), and mini-batch k-means
 * ({@link KMeansCeilingsBenchmark}) against the distance computation alone. Run:
 * {@code java -cp ml-bench/target/benchmarks.jar org.brookml.bench.linear.Ceilings}
 * (add {@code smoke} for one short iteration of each).
 */
public final class Ceilings {

  private Ceilings() {}

  public static void main(String[] args) throws RunnerException {
    boolean smoke = args.length > 0 && args[0].equals("smoke");
    System.out.printf(Locale.ROOT, "Java %s, %d cpus%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    Map<String, Double> dense = rates(DenseCeilingsBenchmark.class, smoke);
    Map<String, Double> sparse = rates(SparseCeilingsBenchmark.class, smoke);
    Map<String, Double> kmeans = rates(KMeansCeilingsBenchmark.class, smoke);
    System.out.printf(Locale.ROOT, "%nDense: %d rows x %d doubles%n",
        DenseCeilingsBenchmark.ROWS, DenseCeilingsBenchmark.D);
    print(dense, name -> "readDoubles");
    System.out.printf(Locale.ROOT, "%nDense, against the two passes of a step that waits on "
        + "nothing (dotThenUpdate):%n");
    print(dense, name -> "dotThenUpdate");
    System.out.printf(Locale.ROOT, "%nSparse: %d rows x %d non-zeros of %d columns%n",
        SparseCeilingsBenchmark.ROWS, SparseCeilingsBenchmark.NNZ, SparseCeilingsBenchmark.D);
    print(sparse, name -> name.contains("Learn") || name.startsWith("gatherScatter")
        ? faster(sparse, "gatherScatter", "gatherScatterVector")
        : faster(sparse, "gather", "gatherVector"));
    System.out.printf(Locale.ROOT, "%nMini-batch k-means: %d rows x %d doubles, k = %d%n",
        KMeansCeilingsBenchmark.ROWS, KMeansCeilingsBenchmark.D, KMeansCeilingsBenchmark.K);
    print(kmeans, name -> "distances");
  }

  private static Map<String, Double> rates(Class<?> benchmark, boolean smoke)
      throws RunnerException {
    OptionsBuilder options = new OptionsBuilder();
    options.include(benchmark.getSimpleName());
    if (smoke) {
      options.warmupIterations(0).measurementIterations(1)
          .measurementTime(TimeValue.milliseconds(50));
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, Double> rates = new LinkedHashMap<>();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      rates.put(label.substring(label.lastIndexOf('.') + 1),
          result.getPrimaryResult().getScore());
    }
    return rates;
  }

  /** Whichever of two ceilings ran faster: the ceiling is the best way found to do the work. */
  private static String faster(Map<String, Double> rates, String one, String other) {
    return rates.get(one) >= rates.get(other) ? one : other;
  }

  /** One line per benchmark: rows/s and the fraction of the ceiling {@code ceilingOf} names. */
  private static void print(Map<String, Double> rates, UnaryOperator<String> ceilingOf) {
    System.out.printf(Locale.ROOT, "%-20s %14s %10s %s%n", "benchmark", "rows/s", "fraction",
        "of");
    for (Map.Entry<String, Double> e : rates.entrySet()) {
      String ceiling = ceilingOf.apply(e.getKey());
      System.out.printf(Locale.ROOT, "%-20s %14.0f %10.2f %s%n", e.getKey(), e.getValue(),
          e.getValue() / rates.get(ceiling), ceiling);
    }
  }
}
