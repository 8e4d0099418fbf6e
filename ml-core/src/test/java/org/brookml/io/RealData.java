package org.brookml.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.brookml.learner.DenseExample;
import org.brookml.learner.LabelEncoder;

/**
 * Real data sets for tests. Every file a test reads travels with the tests as a test resource
 * under {@code data/} (compressed, each folder with its {@code SOURCE.md}), so that the
 * real-data tests run on a fresh clone; a missing file fails the test, never skips it.
 */
public final class RealData {

  private RealData() {}

  /**
   * The bundled copy of the shared data folder's file {@code relative} (for example
   * {@code shuttle/shuttle.csv}): the resource {@code data/relative}, or its gzipped
   * {@code .gz} form, as a path the readers open (they gunzip {@code .gz}).
   *
   * @throws AssertionError if neither is bundled
   */
  public static Path shared(String relative) {
    for (String name : new String[] {relative, relative + ".gz"}) {
      URL url = RealData.class.getResource("/data/" + name);
      if (url != null) {
        try {
          return Path.of(url.toURI());
        } catch (URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new AssertionError("test resource data/" + relative + "(.gz) is missing: real-data "
        + "tests read bundled copies (see data/*/SOURCE.md) and must not skip");
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

  /**
   * The values of a scikit-learn reference file written by {@code sklearn_references.py}: one
   * {@code key value...} per line ({@code #} lines are comments), by key.
   */
  public static Map<String, String> sklearnReference(String resource) {
    try (InputStream in = open(resource)) {
      Map<String, String> values = new HashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int space = line.indexOf(' ');
        if (!line.startsWith("#") && space > 0) {
          values.put(line.substring(0, space), line.substring(space + 1));
        }
      }
      return values;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
