package org.brookml.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.brookml.learner.LabelEncoder;

/**
 * The real data sets of the shared data folder ({@code ../shared/data}, or the system property
 * {@code brook.shared.data}). A test that needs one skips, saying so, when the folder is absent.
 */
public final class SharedData {

  private SharedData() {}

  /** The file at {@code relative} inside the shared data folder; skips the test if absent. */
  public static Path path(String relative) {
    Path path = Path.of(System.getProperty("brook.shared.data", "../../shared/data"), relative);
    assumeTrue(Files.isReadable(path), "skipped: " + path + " is absent (no shared data folder)");
    return path;
  }

  /** Elec2 in time order: 45,312 rows, 8 features, DOWN = 0, UP = 1. */
  public static CsvReader elec2() {
    return CsvReader.builder(path("elec2/electricity.csv")).header(true)
        .labels(LabelEncoder.of("DOWN", "UP")).open();
  }
}
