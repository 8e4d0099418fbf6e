package org.brookml.examples.modular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.brookml.learner.OnlineLearner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modular application ({@code requires org.brookml.core;}) compiles and runs with nothing on
 * its module path but Brook's core jar (or, when only the test phase runs, its classes): no other
 * module is needed, and snapshot codecs are found through the module's {@code provides} clauses.
 * Runs on the JDK that runs the tests (CI: 17, 25).
 */
class ModularApplicationTest {

  private static final String MODULE_INFO = """
      module com.example.app {
        requires org.brookml.core;
      }
      """;

  private static final String MAIN = """
      package com.example.app;

      import org.brookml.io.Snapshots;
      import org.brookml.linear.SgdClassifier;
      import org.brookml.learner.OnlineClassifier;

      public final class Main {
        public static void main(String[] args) throws Exception {
          SgdClassifier model = SgdClassifier.builder(2).build();
          for (int i = 0; i < 2_000; i++) {
            double a = (i % 7) - 3;
            double b = (i % 5) - 2;
            model.learn(new double[] {a, b}, a + b > 0 ? 1 : 0);
          }
          OnlineClassifier restored = (OnlineClassifier) Snapshots.read(Snapshots.write(model));
          System.out.println("module " + Main.class.getModule().getName()
              + " uses " + SgdClassifier.class.getModule().getName()
              + "; predict(2, 1) = " + restored.predict(new double[] {2, 1})
              + ", predict(-2, -1) = " + restored.predict(new double[] {-2, -1}));
        }
      }
      """;

  @Test
  void aModularApplication_runsWithOnlyTheCoreJar(@TempDir Path dir) throws Exception {
    Path coreJar = Path.of(OnlineLearner.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    // The built jar under `verify` (and in CI); ml-core's classes directory, an exploded module
    // with the same descriptor, when only the test phase runs.
    assertThat(coreJar.toString().endsWith(".jar") || Files.isRegularFile(
        coreJar.resolve("module-info.class"))).as("ml-core as a module: %s", coreJar).isTrue();
    Path sources = dir.resolve("src");
    Files.createDirectories(sources.resolve("com/example/app"));
    Files.writeString(sources.resolve("module-info.java"), MODULE_INFO);
    Files.writeString(sources.resolve("com/example/app/Main.java"), MAIN);
    Path classes = dir.resolve("classes");

    ByteArrayOutputStream compilerOutput = new ByteArrayOutputStream();
    int compiled = ToolProvider.getSystemJavaCompiler().run(null, compilerOutput, compilerOutput,
        "-Xlint:all", "-Werror", "--module-path", coreJar.toString(), "-d", classes.toString(),
        sources.resolve("module-info.java").toString(),
        sources.resolve("com/example/app/Main.java").toString());
    assertThat(compiled).as("javac: %s", compilerOutput).isZero();

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(java.toString(),
        "--module-path", coreJar + File.pathSeparator + classes,
        "-m", "com.example.app/com.example.app.Main"))
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(dir.resolve("stderr.txt"));
    printForTheRecord(coreJar, stdout, stderr);
    assertThat(process.exitValue()).as("exit code; stderr: %s", stderr).isZero();
    assertThat(stderr).as("nothing on stderr").isEmpty();
    assertThat(stdout.strip()).isEqualTo("module com.example.app uses org.brookml.core; "
        + "predict(2, 1) = 1, predict(-2, -1) = 0");
  }

  private static void printForTheRecord(Path core, String stdout, String stderr) {
    System.out.println("modular application on Java " + Runtime.version() + " with only "
        + core.getFileName() + " on the module path: " + stdout.strip()
        + (stderr.isEmpty() ? "" : " | stderr: " + stderr.strip()));
  }
}
