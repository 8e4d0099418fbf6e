package org.brookml.bench.defaults;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;
import org.brookml.bayes.GaussianNaiveBayes;
import org.brookml.io.CsvReader;
import org.brookml.learner.DenseExample;
import org.brookml.learner.LabelEncoder;
import org.brookml.learner.OnlineClassifier;
import org.brookml.svm.PegasosSvm;

/**
 * Prequential accuracy of two defaults changed by issue 13, before and after, on the shared data
 * sets ({@code -Dbrook.shared.data}, default {@code ../shared/data}): Gaussian naive Bayes with
 * scikit-learn's variance smoothing against the old 1e-9 density floor, and Pegasos with
 * scikit-learn's schedule against the paper's rule. Raw features, file order (sorted files are
 * shuffled with seed 1). Run: {@code ./mvnw -q -pl ml-bench -am -DskipTests package} then
 * {@code java -cp ml-bench/target/benchmarks.jar org.brookml.bench.defaults.DefaultsCheck}.
 */
public final class DefaultsCheck {

  private DefaultsCheck() {}

  private record DataSet(String name, String file, boolean shuffle) {}

  public static void main(String[] args) throws IOException {
    Path shared = Path.of(System.getProperty("brook.shared.data", "../shared/data"));
    List<DataSet> sets = List.of(
        new DataSet("Elec2", "elec2/electricity.csv", false),
        new DataSet("phishing (River)", "phishing/phishing.csv.gz", false),
        new DataSet("phishing websites (46 binary)", "phishing_websites/phishing.csv", false),
        new DataSet("segment (7 classes)", "segment/segment.csv.zip", true),
        new DataSet("shuttle (7 classes)", "shuttle/shuttle.csv", true));
    System.out.printf(Locale.ROOT, "%-32s %7s %8s | %7s %8s | %7s%n", "data (prequential)",
        "GNB now", "GNB old", "Peg now", "Peg old", "rows");
    for (DataSet set : sets) {
      Path path = shared.resolve(set.file());
      if (!Files.isReadable(path)) {
        System.out.printf("%-32s absent (%s)%n", set.name(), path);
        continue;
      }
      List<DenseExample> rows = new ArrayList<>();
      LabelEncoder<String> labels = LabelEncoder.growing(64);
      try (CsvReader reader = CsvReader.builder(open(path), path.toString()).header(true)
          .labels(labels).open()) {
        reader.forEach(rows::add);
      }
      if (set.shuffle()) {
        Collections.shuffle(rows, new Random(1));
      }
      int d = rows.get(0).features().length;
      int k = Math.max(2, labels.size());
      System.out.printf(Locale.ROOT, "%-32s %7.4f %8.4f | %7.4f %8.4f | %7d%n", set.name(),
          prequential(rows, () -> GaussianNaiveBayes.builder(d, k).build()),
          prequential(rows, () -> GaussianNaiveBayes.builder(d, k).varianceSmoothing(0).build()),
          prequential(rows, () -> PegasosSvm.builder(d, k).build()),
          prequential(rows, () -> PegasosSvm.builder(d, k).paperRule().build()), rows.size());
    }
  }

  private static double prequential(List<DenseExample> rows,
      Supplier<OnlineClassifier> factory) {
    OnlineClassifier model = factory.get();
    int right = 0;
    for (DenseExample row : rows) {
      right += model.predict(row.features()) == row.label() ? 1 : 0;
      model.learn(row.features(), row.label());
    }
    return right / (double) rows.size();
  }

  private static Reader open(Path path) throws IOException {
    InputStream in = Files.newInputStream(path);
    if (path.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in);
    } else if (path.toString().endsWith(".zip")) {
      ZipInputStream zip = new ZipInputStream(in);
      zip.getNextEntry();
      in = zip;
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
