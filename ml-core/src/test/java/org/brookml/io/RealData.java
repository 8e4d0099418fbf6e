package org.brookml.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.brookml.learner.LabelEncoder;

/**
 * Real data sets for tests: Elec2 travels with the tests (gzipped test resource with its
 * {@code SOURCE.md}); larger files are read from the shared data folder ({@code ../shared/data},
 * or the system property {@code brook.shared.data}), and a test that needs one skips, saying so,
 * when the folder is absent.
 */
public final class RealData {

  private RealData() {}

  /** The file at {@code relative} inside the shared data folder; skips the test if absent. */
  public static Path shared(String relative) {
    Path path = Path.of(System.getProperty("brook.shared.data", "../../shared/data"), relative);
    assumeTrue(Files.isReadable(path), "skipped: " + path + " is absent (no shared data folder)");
    return path;
  }

  /** Elec2 in time order: 45,312 rows, 8 features, DOWN = 0, UP = 1. */
  public static CsvReader elec2() {
    String resource = "/data/elec2/electricity.csv.gz";
    InputStream raw = RealData.class.getResourceAsStream(resource);
    if (raw == null) {
      throw new IllegalStateException("test resource " + resource + " is missing");
    }
    try {
      return CsvReader.builder(new InputStreamReader(new GZIPInputStream(raw),
              StandardCharsets.UTF_8), resource).header(true)
          .labels(LabelEncoder.of("DOWN", "UP")).open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
