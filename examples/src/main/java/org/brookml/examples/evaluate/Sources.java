package org.brookml.examples.evaluate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.brookml.data.Agrawal;
import org.brookml.data.ConceptDrift;
import org.brookml.data.Generator;
import org.brookml.data.Hyperplane;
import org.brookml.data.Led;
import org.brookml.data.Mixed;
import org.brookml.data.RandomRbf;
import org.brookml.data.RandomTree;
import org.brookml.data.Sea;
import org.brookml.data.Sine;
import org.brookml.data.Stagger;
import org.brookml.data.Waveform;
import org.brookml.io.ArffReader;
import org.brookml.io.CsvReader;
import org.brookml.io.LibSvmReader;
import org.brookml.learner.DenseExampleStream;
import org.brookml.learner.FeatureSchema;
import org.brookml.learner.LabelEncoder;
import org.brookml.vector.SparseVector;

/**
 * Where the evaluator's examples come from: a CSV, ARFF or libsvm file (optionally gzipped),
 * or a generator named with its settings. A source can be opened again, so that every learner
 * sees the same examples in the same order.
 */
final class Sources {

  /**
   * An openable stream and what learners need to know about it: its features (numeric, or
   * nominal with their values: generators' and ARFF headers' schemas) and classes.
   */
  record Source(String description, FeatureSchema schema, long size,
      Supplier<DenseExampleStream> opener) {

    int dimension() {
      return schema.dimension();
    }

    int classes() {
      return schema.classes().size();
    }
  }

  private interface GeneratorFactory {
    Generator build(Spec spec);
  }

  private record Entry(String settings, GeneratorFactory factory) {}

  private static final Map<String, Entry> GENERATORS = new LinkedHashMap<>();

  static {
    GENERATORS.put("sea", new Entry("concept=1..4, noise=10, balance=false, seed=1",
        s -> Sea.builder().concept(s.integer("concept", 1)).noisePercent(s.integer("noise", 10))
            .balance(s.flag("balance", false)).seed(s.integer("seed", 1)).build()));
    GENERATORS.put("stagger", new Entry("concept=1..3, balance=false, seed=1",
        s -> Stagger.builder().concept(s.integer("concept", 1)).balance(s.flag("balance", false))
            .seed(s.integer("seed", 1)).build()));
    GENERATORS.put("hyperplane", new Entry("features=10, drift-features=2, magnitude=0, "
        + "noise=5, reverse=10, seed=1", s -> Hyperplane.builder()
            .features(s.integer("features", 10)).driftFeatures(s.integer("drift-features", 2))
            .magnitude(s.number("magnitude", 0)).noisePercent(s.integer("noise", 5))
            .reversePercent(s.integer("reverse", 10)).seed(s.integer("seed", 1)).build()));
    GENERATORS.put("rbf", new Entry("features=10, classes=2, centroids=50, speed=0, "
        + "drifting=50, model-seed=1, seed=1", s -> RandomRbf.builder()
            .features(s.integer("features", 10)).classes(s.integer("classes", 2))
            .centroids(s.integer("centroids", 50)).speed(s.number("speed", 0))
            .driftingCentroids(s.integer("drifting", 50))
            .modelSeed(s.integer("model-seed", 1)).seed(s.integer("seed", 1)).build()));
    GENERATORS.put("agrawal", new Entry("function=1..10, perturbation=0.05, balance=false, "
        + "seed=1", s -> Agrawal.builder().function(s.integer("function", 1))
            .perturbation(s.number("perturbation", 0.05)).balance(s.flag("balance", false))
            .seed(s.integer("seed", 1)).build()));
    GENERATORS.put("led", new Entry("noise=10, drifting=0, irrelevant=true, seed=1",
        s -> Led.builder().noisePercent(s.integer("noise", 10))
            .driftingFeatures(s.integer("drifting", 0))
            .irrelevantFeatures(s.flag("irrelevant", true)).seed(s.integer("seed", 1)).build()));
    GENERATORS.put("sine", new Entry("concept=1..4, irrelevant=true, balance=false, seed=1",
        s -> Sine.builder().concept(s.integer("concept", 1))
            .irrelevantFeatures(s.flag("irrelevant", true)).balance(s.flag("balance", false))
            .seed(s.integer("seed", 1)).build()));
    GENERATORS.put("mixed", new Entry("concept=1..2, balance=false, seed=1",
        s -> Mixed.builder().concept(s.integer("concept", 1)).balance(s.flag("balance", false))
            .seed(s.integer("seed", 1)).build()));
    GENERATORS.put("waveform", new Entry("noise-features=false, seed=1",
        s -> Waveform.builder().noiseFeatures(s.flag("noise-features", false))
            .seed(s.integer("seed", 1)).build()));
    GENERATORS.put("tree", new Entry("classes=2, nominals=5, numerics=5, values=5, depth=5, "
        + "first-leaf-level=3, leaf-fraction=0.15, tree-seed=1, seed=1", s -> RandomTree.builder()
            .classes(s.integer("classes", 2)).nominalFeatures(s.integer("nominals", 5))
            .numericFeatures(s.integer("numerics", 5)).valuesPerNominal(s.integer("values", 5))
            .maxDepth(s.integer("depth", 5)).firstLeafLevel(s.integer("first-leaf-level", 3))
            .leafFraction(s.number("leaf-fraction", 0.15)).treeSeed(s.integer("tree-seed", 1))
            .seed(s.integer("seed", 1)).build()));
    GENERATORS.put("drift", new Entry("from=<generator>, to=<generator>, position=0, "
        + "width=1000, seed=1", s -> ConceptDrift.between(generator(s.spec("from", "sea")),
            generator(s.spec("to", "sea(concept=2)"))).position(s.integer("position", 0))
            .width(s.integer("width", 1000)).seed(s.integer("seed", 1)).build()));
  }

  private Sources() {}

  /** Every generator with its settings, one per line. */
  static String catalogue() {
    StringBuilder sb = new StringBuilder();
    GENERATORS.forEach((name, e) -> sb.append("  ").append(name).append('(')
        .append(e.settings()).append(")\n"));
    return sb.toString();
  }

  /** The generator {@code spec} names, its first {@code examples} examples. */
  static Source generated(String text, long examples) {
    Generator probe = generator(Spec.parse(text));
    return new Source(text, probe.schema(), examples,
        () -> generator(Spec.parse(text)).limit(examples));
  }

  private static Generator generator(Spec spec) {
    Entry entry = GENERATORS.get(spec.name());
    if (entry == null) {
      throw new IllegalArgumentException("no generator named '" + spec.name()
          + "'; generators:\n" + catalogue());
    }
    Generator g = entry.factory().build(spec);
    spec.requireAllRead(entry.settings());
    return g;
  }

  /**
   * A file by its extension ({@code .csv}, {@code .arff}, {@code .libsvm} / {@code .svm}, each
   * optionally {@code .gz}); the class is the last column (CSV, with a header: string labels are
   * collected by a first pass) or attribute (ARFF). libsvm needs {@code dimension}.
   */
  static Source file(Path path, int dimension, long limit) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("no such file: " + path);
    }
    String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
        .replaceFirst("\\.gz$", "");
    if (name.endsWith(".arff")) {
      try (ArffReader scan = ArffReader.open(path)) {
        return new Source(path.toString(), scan.schema(), size(scan, limit), () -> limited(ArffReader.open(path), limit));
      }
    }
    if (name.endsWith(".csv")) {
      LabelEncoder<String> labels = LabelEncoder.growing(1 << 12);
      int d;
      long size;
      try (CsvReader scan = CsvReader.builder(path).header(true).labels(labels).open()) {
        d = scan.dimension();
        size = size(scan, limit); // and collects the labels, in order of first appearance
      }
      LabelEncoder<String> fixed = LabelEncoder.fixed(labels.labels());
      return new Source(path + " (classes " + fixed.labels() + ")", numeric(d, fixed.labels()),
          size,
          () -> limited(CsvReader.builder(path).header(true).labels(fixed).open(), limit));
    }
    if (name.endsWith(".libsvm") || name.endsWith(".svm")) {
      if (dimension < 1) {
        throw new IllegalArgumentException("a libsvm file needs --dimension");
      }
      Map<Double, Integer> codes = new LinkedHashMap<>();
      long size = 0;
      try (LibSvmReader scan = LibSvmReader.open(path, dimension)) {
        while (scan.next()) {
          codes.putIfAbsent(scan.target(), codes.size());
          size++;
        }
      }
      return new Source(path + " (classes " + codes.keySet() + ")",
          numeric(dimension, codes.keySet()),
          limit > 0 ? Math.min(limit, size) : size,
          () -> limited(dense(LibSvmReader.open(path, dimension), codes), limit));
    }
    throw new IllegalArgumentException("unknown file type of " + path
        + ": expected .csv, .arff or .libsvm (optionally .gz)");
  }

  /** {@code dimension} numeric features {@code x0, x1, ...}; the classes by name. */
  private static FeatureSchema numeric(int dimension, Collection<?> classes) {
    return FeatureSchema.of(FeatureSchema.numeric("x", dimension),
        classes.stream().map(String::valueOf).toList());
  }

  /** A sparse libsvm stream as dense rows, its targets mapped to class codes. */
  private static DenseExampleStream dense(LibSvmReader reader, Map<Double, Integer> codes) {
    double[] row = new double[reader.dimension()];
    return new DenseExampleStream() {
      @Override
      public int dimension() {
        return row.length;
      }

      @Override
      public boolean next() {
        if (!reader.next()) {
          return false;
        }
        java.util.Arrays.fill(row, 0);
        SparseVector x = reader.features();
        for (int k = 0; k < x.size(); k++) {
          row[x.index(k)] = x.value(k);
        }
        return true;
      }

      @Override
      public double[] features() {
        return row;
      }

      @Override
      public double target() {
        return codes.get(reader.target());
      }

      @Override
      public String position() {
        return reader.position();
      }

      @Override
      public void close() {
        reader.close();
      }
    };
  }

  /** Reads the stream to its end (or {@code limit}); the examples it holds. */
  private static long size(DenseExampleStream scan, long limit) {
    long n = 0;
    while ((limit <= 0 || n < limit) && scan.next()) {
      n++;
    }
    return n;
  }

  private static DenseExampleStream limited(DenseExampleStream stream, long limit) {
    return limit <= 0 ? stream : stream.limit(limit);
  }
}
