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
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;
import org.brookml.bayes.MixedNaiveBayes;
import org.brookml.drift.DriftDetector;
import org.brookml.internal.vector.VectorKernelsProvider;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.OnlineClusterer;
import org.brookml.learner.OnlineLearner;
import org.brookml.learner.OnlineRegressor;
import org.brookml.preprocess.CategoryEncoder;
import org.brookml.preprocess.Imputer;
import org.brookml.preprocess.Transformer;
import org.brookml.tree.ExtremelyFastDecisionTree;
import org.brookml.tree.HoeffdingAdaptiveTree;
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

  /** An imputer's probe: every other value missing, and every nominal one (their fills show). */
  /** Values per feature of a model with nominal features, or null. */
  private static IntUnaryOperator nominalValues(OnlineLearner model) {
    if (model instanceof MixedNaiveBayes) {
      return ((MixedNaiveBayes) model)::numValues;
    }
    if (model instanceof HoeffdingAdaptiveTree) {
      return ((HoeffdingAdaptiveTree) model)::numValues;
    }
    if (model instanceof ExtremelyFastDecisionTree) {
      return ((ExtremelyFastDecisionTree) model)::numValues;
    }
    if (model instanceof HoeffdingTree && model.dimension() > 2
        && ((HoeffdingTree) model).numValues(2) > 0) {
      return ((HoeffdingTree) model)::numValues;
    }
    return null;
  }

  private static double[] withGaps(Imputer imputer, double[] row) {
    double[] gaps = row.clone();
    for (int j = 0; j < gaps.length; j++) {
      if (j % 2 == 0 || imputer.isNominal(j)) {
        gaps[j] = Double.NaN;
      }
    }
    return gaps;
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
      IntUnaryOperator values = nominalValues(model);
      if (values != null) { // nominal codes and gaps where it takes them
        row = row.clone();
        for (int j = 0; j < row.length; j++) {
          row[j] = values.applyAsInt(j) > 0 ? Math.floorMod((int) Math.floor(row[j] * 3),
              values.applyAsInt(j)) : j == 0 ? Double.NaN : row[j];
        }
      }
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
        double[] input = model instanceof Imputer ? withGaps((Imputer) model, row) : row;
        for (double v : ((Transformer) model).transform(input, new double[((Transformer) model)
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
      if (writtenAtCurrentVersions(bytes)) {
        assertThat(Snapshots.write(restored)).as(name + ": restoring is exact").isEqualTo(bytes);
      } else {
        // An older version (of the model or of a part embedded in it) is written anew in the
        // current one; that must restore to the same answers too.
        byte[] upgraded = Snapshots.write(restored);
        assertThat(Snapshots.write(Snapshots.read(upgraded))).as(name + ": upgraded")
            .isEqualTo(upgraded);
      }
      List<String> expected = new String(text, StandardCharsets.UTF_8).lines().toList();
      assertSamePredictions(name, expected, predictions(restored));
    }
  }

  /**
   * Whether the snapshot and every snapshot embedded in it (ensemble members, pipeline stages)
   * are at their codec's current state version, of a type still written (not a legacy one that
   * restores as another type): each starts with the magic, the format version,
   * the model type and the state version.
   */
  private static boolean writtenAtCurrentVersions(byte[] bytes) {
    Map<String, Integer> current = new java.util.HashMap<>();
    for (ModelCodec<?> codec : java.util.ServiceLoader.load(ModelCodec.class)) {
      if (codec.writes()) {
        current.put(codec.modelType(), codec.stateVersion());
      }
    }
    byte[] magic = "BROOKSNP".getBytes(StandardCharsets.US_ASCII);
    for (int at = 0; at + magic.length + 4 <= bytes.length; at++) {
      if (!java.util.Arrays.equals(bytes, at, at + magic.length, magic, 0, magic.length)) {
        continue;
      }
      java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(bytes, at + magic.length + 2,
          bytes.length - at - magic.length - 2);
      byte[] type = new byte[header.getShort() & 0xFFFF];
      header.get(type);
      int version = header.getShort() & 0xFFFF;
      Integer currentVersion = current.get(new String(type, StandardCharsets.UTF_8));
      if (currentVersion == null || currentVersion != version) {
        return false;
      }
    }
    return true;
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
