package org.brookml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.brookml.drift.DriftDetector;
import org.brookml.internal.vector.VectorKernelsProvider;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.OnlineClusterer;
import org.brookml.learner.OnlineLearner;
import org.brookml.learner.OnlineRegressor;
import org.brookml.preprocess.CategoryEncoder;
import org.brookml.preprocess.Transformer;
import org.brookml.tree.HoeffdingTree;
import org.junit.jupiter.api.Test;

/**
 * Stored snapshots that every later release must keep reading. For each fixture
 * {@code snapshots/fixtures/NAME.bin} (a model of {@link TrainedModels}, written once) the file
 * {@code NAME.predictions.txt} holds what the model answered on seeded probe rows when it was
 * written; the restored model must give the same answers, bit for bit with the scalar kernels
 * (the Vector API kernels may differ in the last bits, so there the probabilities agree to 1e-12).
 * Restoring must also be exact: the restored model snapshots to the stored bytes.
 *
 * <p>Every model type that {@link Snapshots} knows must have a fixture at its current state
 * version. A format change therefore adds a fixture (regenerate the missing ones with
 * {@code ./mvnw -pl ml-core test -Dtest=SnapshotFixturesTest -Dbrook.fixtures.write=true}) and
 * keeps the older fixtures, which go on being read.
 */
class SnapshotFixturesTest {

  private static final String DIRECTORY = "snapshots/fixtures/";
  private static final Path SOURCE_DIRECTORY = Path.of("src/test/resources/" + DIRECTORY);
  private static final int PROBES = 8;
  private static final double VECTOR_TOLERANCE = 1e-12;

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = SnapshotFixturesTest.class.getResourceAsStream("/" + DIRECTORY + name)) {
      return in == null ? null : in.readAllBytes();
    }
  }

  private static String fixtureName(String name, OnlineLearner model) {
    SnapshotInfo info = Snapshots.inspect(Snapshots.write(model));
    return info.modelType() + "-v" + info.stateVersion() + "-" + name;
  }

  private static List<double[]> probes(int dimension) {
    SplittableRandom random = new SplittableRandom(20261204);
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < PROBES; i++) {
      double[] row = new double[dimension];
      for (int j = 0; j < dimension; j++) {
        row[j] = 2 * random.nextGaussian();
      }
      rows.add(row);
    }
    return rows;
  }

  /** One line per probe row: the model's answer, doubles in hexadecimal (exact). */
  private static List<String> predictions(OnlineLearner model) {
    List<String> lines = new ArrayList<>();
    if (model instanceof DriftDetector) {
      DriftDetector detector = ((DriftDetector) model).copy();
      for (int i = 0; i < PROBES; i++) { // errors at every third value: a change for most
        lines.add("state " + detector.update(i % 3 == 0 ? 1 : 0));
      }
      return lines;
    }
    if (model instanceof CategoryEncoder) {
      CategoryEncoder encoder = (CategoryEncoder) model;
      List<String> learned = encoder.categories(0);
      for (String word : List.of(learned.get(0), learned.get(learned.size() - 1), "never-seen")) {
        StringBuilder line = new StringBuilder("encoded");
        for (double v : encoder.encode(new Object[] {word, 0.5, "yes"},
            new double[encoder.outputDimension()])) {
          line.append(' ').append(Double.toHexString(v));
        }
        lines.add(line.toString());
      }
      return lines;
    }
    for (double[] row : probes(model.dimension())) {
      if (model instanceof OnlineClassifier) {
        OnlineClassifier c = (OnlineClassifier) model;
        StringBuilder line = new StringBuilder("class ").append(c.predict(row)).append(" proba");
        for (double p : c.predictProba(row, new double[c.numClasses()])) {
          line.append(' ').append(Double.toHexString(p));
        }
        lines.add(line.toString());
      } else if (model instanceof OnlineRegressor) {
        lines.add("value " + Double.toHexString(((OnlineRegressor) model).predict(row)));
      } else if (model instanceof Transformer) {
        StringBuilder line = new StringBuilder("transformed");
        for (double v : ((Transformer) model).transform(row, new double[((Transformer) model)
            .outputDimension()])) {
          line.append(' ').append(Double.toHexString(v));
        }
        lines.add(line.toString());
      } else if (model instanceof OnlineClusterer) {
        OnlineClusterer c = (OnlineClusterer) model;
        lines.add("cluster " + c.predict(row) + " distance "
            + Double.toHexString(c.squaredDistanceToNearest(row)));
      } else {
        throw new AssertionError("no predictions defined for " + model.getClass());
      }
    }
    return lines;
  }

  private static boolean scalarKernels() {
    return VectorKernelsProvider.kernels().name().equals("scalar");
  }

  private static void assertSamePredictions(String fixture, List<String> expected,
      List<String> actual) {
    assertThat(actual).as(fixture).hasSameSizeAs(expected);
    if (scalarKernels()) {
      assertThat(actual).as(fixture + ": predictions, bit for bit").isEqualTo(expected);
      return;
    }
    for (int i = 0; i < expected.size(); i++) {
      String[] want = expected.get(i).split(" ");
      String[] got = actual.get(i).split(" ");
      assertThat(got).as(fixture + " probe " + i).hasSameSizeAs(want);
      for (int k = 0; k < want.length; k++) {
        if (want[k].startsWith("0x") || want[k].startsWith("-0x")) {
          double w = Double.parseDouble(want[k]);
          double g = Double.parseDouble(got[k]);
          assertThat(Math.abs(g - w)).as(fixture + " probe " + i + " value " + k)
              .isLessThanOrEqualTo(VECTOR_TOLERANCE * Math.max(1, Math.abs(w)));
        } else {
          assertThat(got[k]).as(fixture + " probe " + i + " field " + k).isEqualTo(want[k]);
        }
      }
    }
  }

  @Test
  void everyStoredFixture_restoresExactly_andPredictsWhatItPredictedWhenWritten()
      throws IOException {
    List<String> names = storedFixtureNames();
    assertThat(names).isNotEmpty();
    for (String name : names) {
      byte[] bytes = resource(name + ".bin");
      byte[] text = resource(name + ".predictions.txt");
      assertThat(text).as(name + ".predictions.txt").isNotNull();
      OnlineLearner restored = Snapshots.read(bytes);
      if (restored instanceof HoeffdingTree) {
        assertThat(((HoeffdingTree) restored).leafCount()).as(name + ": a tree with splits")
            .isGreaterThan(1);
      }
      SnapshotInfo info = Snapshots.inspect(bytes);
      assertThat(name).startsWith(info.modelType() + "-v" + info.stateVersion() + "-");
      SnapshotInfo rewritten = Snapshots.inspect(Snapshots.write(restored));
      if (rewritten.modelType().equals(info.modelType())
          && rewritten.stateVersion() == info.stateVersion()) {
        assertThat(Snapshots.write(restored)).as(name + ": restoring is exact").isEqualTo(bytes);
      }
      List<String> expected = new String(text, StandardCharsets.UTF_8).lines().toList();
      assertSamePredictions(name, expected, predictions(restored));
    }
  }

  @Test
  void everyKnownModelType_hasAFixtureAtItsCurrentStateVersion() throws IOException {
    boolean write = Boolean.getBoolean("brook.fixtures.write");
    List<String> stored = storedFixtureNames();
    for (Map.Entry<String, OnlineLearner> entry : TrainedModels.all().entrySet()) {
      String name = fixtureName(entry.getKey(), entry.getValue());
      if (!stored.contains(name)) {
        if (!write) {
          fail("no stored fixture " + name + ": run this test once with -Dbrook.fixtures.write=true"
              + " (scalar kernels) and commit the files it writes");
        }
        Files.createDirectories(SOURCE_DIRECTORY);
        Files.write(SOURCE_DIRECTORY.resolve(name + ".bin"), Snapshots.write(entry.getValue()));
        Files.write(SOURCE_DIRECTORY.resolve(name + ".predictions.txt"),
            predictions(entry.getValue()), StandardCharsets.UTF_8);
      }
    }
    TreeSet<String> covered = new TreeSet<>();
    for (String name : storedFixtureNames()) {
      covered.add(name.substring(0, name.indexOf("-v")));
    }
    assertThat(covered).as("model types with a stored fixture (read-only legacy types included)")
        .isEqualTo(builtInTypes());
  }

  private static TreeSet<String> builtInTypes() {
    TreeSet<String> types = new TreeSet<>();
    for (String type : Snapshots.knownTypes()) {
      if (type.startsWith("brook.")) {
        types.add(type);
      }
    }
    return types;
  }

  /** The fixture names stored in the source tree (the test resources). */
  private static List<String> storedFixtureNames() throws IOException {
    if (!Files.isDirectory(SOURCE_DIRECTORY)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(SOURCE_DIRECTORY)) {
      return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".bin"))
          .map(f -> f.substring(0, f.length() - ".bin".length())).sorted().toList();
    }
  }
}
