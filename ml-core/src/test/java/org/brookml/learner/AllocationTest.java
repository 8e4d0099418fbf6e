package org.brookml.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's promise that {@code learn}, {@code predict} and {@code predictProba} allocate
 * nothing once a model is warm, checked in the normal test command for every workload of
 * {@link AllocationProbe} (49: each classifier's three calls, grown trees' and forests'
 * predictions, regressors, k-means, a scaler, an imputer, the detectors), one after another in a fresh JVM with this run's
 * kernels (scalar or Vector API), so that the other tests' use of the JIT does not enter the
 * figure: below one byte per call once warm.
 */
class AllocationTest {

  @Test
  void everyWorkload_allocatesNothingPerCall_onceWarm() throws Exception {
    boolean vector = "panama".equals(System.getProperty("brook.vector"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(vector
        ? List.of("--add-modules", "jdk.incubator.vector", "-Dbrook.vector=panama")
        : List.of("-Dbrook.vector=scalar"));
    command.addAll(List.of("-cp", Path.of("target/classes").toAbsolutePath() + File.pathSeparator
        + Path.of("target/test-classes").toAbsolutePath(), AllocationProbe.class.getName()));
    List<String> workloads = new ArrayList<>(AllocationProbe.workloads().keySet());
    command.addAll(workloads);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
    List<String> failures = new ArrayList<>();
    for (String workload : workloads) {
      String line = out.lines().filter(l -> l.startsWith(workload + " ")).findFirst()
          .orElseThrow(() -> new AssertionError(workload + " not measured: " + out));
      System.out.println("allocation " + (vector ? "vector " : "scalar ") + line);
      if (!(Double.parseDouble(line.substring(workload.length() + 1)) < 1.0)) {
        failures.add(line + " bytes per call");
      }
    }
    assertThat(failures).as("workloads that allocate once warm").isEmpty();
  }
}
