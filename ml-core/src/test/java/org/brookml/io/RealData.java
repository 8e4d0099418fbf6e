package org.brookml.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.brookml.learner.DenseExample;
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
    return bundled("/data/elec2/electricity.csv.gz").header(true)
        .labels(LabelEncoder.of("DOWN", "UP")).open();
  }

  /**
   * Every row of a gzipped CSV test resource in scikit-learn's layout (numbers, the class last),
   * after skipping {@code skip} lines (scikit-learn's first line of counts and class names).
   */
  public static List<DenseExample> bundledRows(String resource, int skip) {
    String text;
    try (InputStream in = new GZIPInputStream(open(resource))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String body = text.lines().skip(skip).collect(Collectors.joining("\n"));
    List<DenseExample> rows = new ArrayList<>();
    try (CsvReader reader = CsvReader.builder(new StringReader(body), resource).open()) {
      reader.forEach(rows::add);
    }
    return rows;
  }

  private static InputStream open(String resource) {
    InputStream raw = RealData.class.getResourceAsStream(resource);
    if (raw == null) {
      throw new IllegalStateException("test resource " + resource + " is missing");
    }
    return raw;
  }

  /** A reader of the gzipped CSV test resource at {@code resource}, to configure and open. */
  public static CsvReader.Builder bundled(String resource) {
    try {
      return CsvReader.builder(new InputStreamReader(new GZIPInputStream(open(resource)),
          StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
