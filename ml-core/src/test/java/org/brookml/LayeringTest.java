package org.brookml;

import static com.tngtech.archunit.base.DescribedPredicate.and;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of {@code ml-core}, kept true by rules over its compiled classes (ArchUnit):
 *
 * <ul>
 *   <li>the kernel families and low-level helpers ({@code internal.vector}, {@code internal.stats},
 *       {@code internal.random}) use nothing else of Brook;
 *   <li>the learner API ({@code learner}) uses nothing of Brook but {@code vector};
 *   <li>{@code io} names no model, optimizer or transformer package;
 *   <li>{@code stream} and {@code eval} use learners only through the API types;
 *   <li>no package cycles;
 *   <li>{@code ml-core} never uses {@code ml-bench} or {@code examples}.
 * </ul>
 */
class LayeringTest {

  private static final String[] MODEL_PACKAGES = {
      "org.brookml.bayes..", "org.brookml.cluster..", "org.brookml.ensemble..",
      "org.brookml.linear..", "org.brookml.preprocess..", "org.brookml.svm..",
      "org.brookml.tree..", "org.brookml.drift..", "org.brookml.optim.."};

  private static final String[] LOW_LEVEL_HELPERS = {
      "org.brookml.internal.vector..", "org.brookml.internal.stats..",
      "org.brookml.internal.random..", "org.brookml.internal.linalg.."};

  private static JavaClasses core;

  @BeforeAll
  static void importMainClasses() {
    core = new ClassFileImporter().importPath(Path.of("target/classes"));
    assertThat(core.size()).as("classes of ml-core").isGreaterThan(100);
  }

  @Test
  void lowLevelHelpers_useNothingElseOfBrook() {
    noClasses().that().resideInAnyPackage(LOW_LEVEL_HELPERS)
        .should().dependOnClassesThat(and(resideInAPackage("org.brookml.."),
            resideOutsideOfPackages(LOW_LEVEL_HELPERS)))
        .check(core);
  }

  @Test
  void learnerApi_usesNothingOfBrookButVector() {
    classes().that().resideInAPackage("org.brookml.learner..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("org.brookml.learner..",
            "org.brookml.vector..", "java..")
        .check(core);
  }

  @Test
  void io_namesNoModel() {
    noClasses().that().resideInAPackage("org.brookml.io..")
        .should().dependOnClassesThat().resideInAnyPackage(MODEL_PACKAGES)
        .check(core);
  }

  @Test
  void streamAndEval_useLearnersOnlyThroughTheApi() {
    noClasses().that().resideInAnyPackage("org.brookml.stream..", "org.brookml.eval..")
        .should().dependOnClassesThat().resideInAnyPackage(MODEL_PACKAGES)
        .check(core);
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.brookml.(**)").should().beFreeOfCycles().check(core);
  }

  @Test
  void core_neverUsesBenchmarksOrExamples() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("org.brookml.bench..", "org.brookml.examples..")
        .check(core);
  }
}
