package org.brookml.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.brookml.eval.ClassificationMetrics;
import org.brookml.eval.Prequential;
import org.brookml.io.CsvReader;
import org.brookml.learner.LabelEncoder;
import org.junit.jupiter.api.Test;

/**
 * Extra checks on real data from the shared data folder ({@code ../shared/data}); each skips, saying
 * so, when its file is absent (a fresh clone has no such folder).
 */
class SgdClassifierRealDataTest {

  private static Path shared(String relative) {
    Path path = Path.of(System.getProperty("brook.shared.data", "../../shared/data"), relative);
    assumeTrue(Files.isReadable(path), "skipped: " + path + " is absent (no shared data folder)");
    return path;
  }

  /**
   * Elec2, prequential over the whole stream in time order, default settings (log loss, plain SGD,
   * scikit-learn's optimal schedule, alpha 1e-4). River's published figure for logistic regression on
   * the same file is 0.822.
   */
  @Test
  void elec2_prequentialAccuracy_atLeastRiversLogisticRegression() {
    try (CsvReader rows = CsvReader.builder(shared("elec2/electricity.csv")).header(true)
        .labels(LabelEncoder.of("DOWN", "UP")).open()) {
      SgdClassifier model = SgdClassifier.builder(rows.dimension()).build();
      ClassificationMetrics m =
          Prequential.classification(model, rows, new ClassificationMetrics(2, 1_000));
      System.out.println("Elec2 logistic regression, prequential: " + m);
      assertThat(m.count()).isEqualTo(45_312);
      assertThat(m.accuracy()).isGreaterThanOrEqualTo(0.82);
      assertThat(m.kappa()).isGreaterThan(0.6);
    }
  }
}
