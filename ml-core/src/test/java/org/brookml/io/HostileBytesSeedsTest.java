package org.brookml.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.brookml.learner.OnlineLearner;
import org.junit.jupiter.api.Test;

/**
 * The seed corpus of {@link HostileBytesFuzzTest}: a current snapshot of every model of
 * {@link TrainedModels}, and the first lines of real CSV, ARFF and libsvm files, each behind the
 * byte that picks its target. This test fails when a seed is missing or stale; regenerate them
 * with {@code ./mvnw -pl ml-core test -Dtest=HostileBytesSeedsTest -Dbrook.fuzz.seeds.write=true}.
 */
class HostileBytesSeedsTest {

  static final Path DIRECTORY = Path.of(
      "src/test/resources/org/brookml/io/HostileBytesFuzzTestInputs/snapshotsAndDataFiles");
  private static final int DATA_LINES = 12;
  private static final String SNAPSHOT_SEED = "seed-snapshot-";

  /** Every seed by file name: the selector byte, then the input. */
  static Map<String, byte[]> seeds() {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    for (Map.Entry<String, OnlineLearner> model : TrainedModels.all().entrySet()) {
      seeds.put(SNAPSHOT_SEED + model.getKey(),
          withSelector(HostileBytesFuzzTest.SNAPSHOT, Snapshots.write(model.getValue())));
    }
    int headerAndStringLabels = 3 * HostileBytesFuzzTest.TARGETS;
    seeds.put("seed-csv-elec2", withSelector(HostileBytesFuzzTest.CSV + headerAndStringLabels,
        head(gzip("/data/elec2/electricity.csv.gz"))));
    seeds.put("seed-csv-shuttle", withSelector(HostileBytesFuzzTest.CSV + headerAndStringLabels,
        head(gzip("/data/shuttle/shuttle.csv.gz"))));
    String breastCancer = new String(gzip("/data/breast_cancer/breast_cancer.csv.gz"),
        StandardCharsets.UTF_8); // after scikit-learn's line of counts: numbers only
    seeds.put("seed-csv-numbers", withSelector(HostileBytesFuzzTest.CSV,
        head(breastCancer.substring(breastCancer.indexOf('\n') + 1))
            .getBytes(StandardCharsets.UTF_8)));
    seeds.put("seed-arff-elec2", withSelector(HostileBytesFuzzTest.ARFF,
        arffHead(gzip("/data/elec2/electricity.arff.gz"))));
    seeds.put("seed-libsvm-a9a", withSelector(HostileBytesFuzzTest.LIBSVM,
        head(bzip2("/data/adult_a9a/adult.trn.bz2"))));
    return seeds;
  }

  @Test
  void everySeedIsPresentAndCurrent() throws IOException {
    boolean write = Boolean.getBoolean("brook.fuzz.seeds.write");
    if (write) {
      Files.createDirectories(DIRECTORY);
    }
    for (Map.Entry<String, byte[]> seed : seeds().entrySet()) {
      Path file = DIRECTORY.resolve(seed.getKey());
      if (write) {
        Files.write(file, seed.getValue());
      }
      assertThat(file).as("fuzz seed (regenerate, see the class comment)").exists();
      byte[] stored = Files.readAllBytes(file);
      if (seed.getKey().startsWith(SNAPSHOT_SEED)) { // the kernels may differ in the last bits
        assertThat(Snapshots.inspect(Arrays.copyOfRange(stored, 1, stored.length)))
            .as("fuzz seed %s is a current snapshot", file).isEqualTo(Snapshots.inspect(
                Arrays.copyOfRange(seed.getValue(), 1, seed.getValue().length)));
      } else {
        assertThat(stored).as("fuzz seed %s is current", file).isEqualTo(seed.getValue());
      }
    }
  }

  private static byte[] withSelector(int selector, byte[] input) {
    byte[] seed = new byte[input.length + 1];
    seed[0] = (byte) selector;
    System.arraycopy(input, 0, seed, 1, input.length);
    return seed;
  }

  private static String head(String text) {
    return String.join("\n", text.lines().limit(DATA_LINES).toArray(String[]::new)) + "\n";
  }

  private static byte[] head(byte[] text) {
    return head(new String(text, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
  }

  /** The header and the first data lines of an ARFF file. */
  private static byte[] arffHead(byte[] text) {
    String all = new String(text, StandardCharsets.UTF_8);
    int data = all.toLowerCase(java.util.Locale.ROOT).indexOf("@data");
    String header = all.substring(0, data);
    return (header + head(all.substring(data))).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(String resource) {
    try (InputStream in = new GZIPInputStream(resource(resource))) {
      return in.readNBytes(1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bzip2(String resource) {
    try (InputStream in = new BZip2CompressorInputStream(
        new BufferedInputStream(resource(resource)))) {
      return in.readNBytes(1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = HostileBytesSeedsTest.class.getResourceAsStream(name);
    assertThat(in).as("test resource %s", name).isNotNull();
    return in;
  }
}
