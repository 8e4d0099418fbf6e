package org.brookml.internal.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How a fresh JVM starts with each {@code brook.vector} setting: quiet by default, one clear and
 * repeatable error (never a poisoned class) for a bad value or for an explicit request for the
 * Vector API that cannot be honoured.
 */
class KernelChoiceTest {

  /** The probe's stdout and stderr, in a JVM started with {@code flags}. */
  private static String[] run(String... flags) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(flags));
    command.add("-cp");
    command.add(Path.of("target/classes").toAbsolutePath() + File.pathSeparator
        + Path.of("target/test-classes").toAbsolutePath());
    command.add(KernelChoiceProbe.class.getName());
    Process process = new ProcessBuilder(command).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe JVM ended").isTrue();
    return new String[] {
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)};
  }

  @Test
  void byDefault_withoutTheModule_scalarKernelsRun_andNothingIsPrinted() throws Exception {
    String[] out = run();
    assertThat(out[0]).isEqualTo("ok scalar 11.0\nok scalar 11.0\n");
    assertThat(out[1]).isEmpty();
  }

  @Test
  void withTheModule_theVectorApiRuns_andOnlyTheJdkSpeaks() throws Exception {
    String[] out = run("--add-modules", "jdk.incubator.vector");
    assertThat(out[0]).matches("(ok panama-(256|512) 11\\.0\n){2}");
    // The JDK's own notice; Brook adds nothing.
    assertThat(out[1]).isEqualTo("WARNING: Using incubator modules: jdk.incubator.vector\n");
  }

  @Test
  void aBadValue_isTheSameClearErrorOnEveryCall() throws Exception {
    String[] out = run("-Dbrook.vector=simd");
    String error = "java.lang.IllegalStateException: the system property brook.vector must be "
        + "auto, panama or scalar, got 'simd'\n";
    assertThat(out[0]).isEqualTo(error + error);
  }

  @Test
  void askingForTheVectorApiWithoutTheModule_saysWhyItCannotRun() throws Exception {
    String[] out = run("-Dbrook.vector=panama");
    assertThat(out[0].lines()).hasSize(2).allSatisfy(line -> assertThat(line)
        .startsWith("java.lang.IllegalStateException: brook.vector=panama asks for the Vector API")
        .contains("the module jdk.incubator.vector is absent"));
  }

  @Test
  void aLaneWidthOf256_isTakenWhereverTheVectorApiRuns() throws Exception {
    String[] out = run("--add-modules", "jdk.incubator.vector", "-Dbrook.vector.bits=256");
    assertThat(out[0]).isEqualTo("ok panama-256 11.0\nok panama-256 11.0\n");
  }

  @Test
  void aLaneWidthOf512_runsOrSaysThePlatformPrefersLess() throws Exception {
    String[] out = run("--add-modules", "jdk.incubator.vector", "-Dbrook.vector.bits=512");
    String refused = "java.lang.IllegalStateException: brook.vector.bits=512 asks for 512-bit "
        + "vectors, but the platform prefers 256-bit ones\n";
    assertThat(out[0]).isIn("ok panama-512 11.0\nok panama-512 11.0\n", refused + refused);
  }

  @Test
  void aBadLaneWidth_isTheSameClearErrorOnEveryCall() throws Exception {
    String[] out = run("--add-modules", "jdk.incubator.vector", "-Dbrook.vector.bits=1024");
    String error = "java.lang.IllegalStateException: the system property brook.vector.bits must "
        + "be auto, 256 or 512, got '1024'\n";
    assertThat(out[0]).isEqualTo(error + error);
  }

  @Test
  void aLaneWidth_doesNotMatter_whereTheScalarKernelsRun() throws Exception {
    assertThat(run("-Dbrook.vector.bits=512")[0]).isEqualTo("ok scalar 11.0\nok scalar 11.0\n");
    assertThat(run("--add-modules", "jdk.incubator.vector", "-Dbrook.vector=scalar",
        "-Dbrook.vector.bits=512")[0]).isEqualTo("ok scalar 11.0\nok scalar 11.0\n");
  }

  @Test
  void scalarOnRequest_evenWithTheModule() throws Exception {
    String[] out = run("--add-modules", "jdk.incubator.vector", "-Dbrook.vector=scalar");
    assertThat(out[0]).isEqualTo("ok scalar 11.0\nok scalar 11.0\n");
  }
}
