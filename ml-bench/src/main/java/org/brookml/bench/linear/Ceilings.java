package org.brookml.bench.linear;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link DenseCeilingsBenchmark} and prints each learner's rate as a fraction of the read
 * ceiling measured in the same run on the same rows (the double rows for the learners, whose
 * rows are doubles), with the float ceiling beside. Run: {@code java -cp
 * ml-bench/target/benchmarks.jar org.brookml.bench.linear.Ceilings} (add {@code smoke} for one
 * short iteration of each).
 */
public final class Ceilings {

  private Ceilings() {}

  public static void main(String[] args) throws RunnerException {
    OptionsBuilder options = new OptionsBuilder();
    options.include(DenseCeilingsBenchmark.class.getSimpleName());
    if (args.length > 0 && args[0].equals("smoke")) {
      options.warmupIterations(0).measurementIterations(1)
          .measurementTime(org.openjdk.jmh.runner.options.TimeValue.milliseconds(50));
    }
    Options built = options.build();
    Collection<RunResult> results = new Runner(built).run();
    Map<String, Double> rates = new LinkedHashMap<>();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      rates.put(label.substring(label.lastIndexOf('.') + 1),
          result.getPrimaryResult().getScore());
    }
    double ceiling = rates.get("readDoubles");
    System.out.printf(Locale.ROOT, "%nJava %s, %d cpus; %d rows x %d doubles%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        DenseCeilingsBenchmark.ROWS, DenseCeilingsBenchmark.D);
    System.out.printf(Locale.ROOT, "%-20s %14s %10s%n", "benchmark", "rows/s", "of ceiling");
    for (Map.Entry<String, Double> e : rates.entrySet()) {
      System.out.printf(Locale.ROOT, "%-20s %14.0f %10.2f%n", e.getKey(), e.getValue(),
          e.getValue() / ceiling);
    }
  }
}
