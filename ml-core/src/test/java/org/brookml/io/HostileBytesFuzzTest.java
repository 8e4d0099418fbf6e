package org.brookml.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.brookml.learner.DenseExampleStream;
import org.brookml.learner.LabelEncoder;
import org.brookml.learner.OnlineLearner;
import org.brookml.vector.SparseVector;

/**
 * Coverage-guided fuzzing (Jazzer) of everything that parses bytes a user did not write: every
 * snapshot codec and the CSV, ARFF and libsvm readers. The first input byte picks the target; the
 * rest is the input. Snapshot inputs have their checksum recomputed first, as a crafted file
 * would, so that mutations reach the codecs instead of stopping at the CRC.
 *
 * <p>The contract: a snapshot is refused with {@link SnapshotFormatException} or restores to a
 * model that answers a probe row with finite values and snapshots again; a file is refused with
 * {@link DataFormatException} (or {@link IllegalArgumentException} for a header the settings do
 * not fit) or yields finite rows. Anything else (another exception, an {@code Error} such as
 * running out of memory or stack) is a finding.
 *
 * <p>In the normal test command this replays the seeds and every input a campaign found, kept as
 * regression cases under {@code src/test/resources/org/brookml/io/HostileBytesFuzzTestInputs}.
 * The campaign itself runs with {@code JAZZER_FUZZ=1} (see the README's "Fuzzing" section).
 */
class HostileBytesFuzzTest {

  /**
   * The first byte of an input, modulo this, picks what parses the rest; the byte divided by this
   * gives the reader's flags.
   */
  static final int TARGETS = 4;
  static final int SNAPSHOT = 0;
  static final int CSV = 1;
  static final int ARFF = 2;
  static final int LIBSVM = 3;

  /** The campaign's length is set by the pom's {@code fuzz} execution, not here. */
  @FuzzTest(maxDuration = "60s")
  void snapshotsAndDataFiles(byte[] input) {
    if (input.length < 2) {
      return;
    }
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    int flags = (input[0] & 0xFF) / TARGETS;
    switch ((input[0] & 0xFF) % TARGETS) {
      case SNAPSHOT:
        restore(rest);
        break;
      case CSV:
        readCsv(rest, flags);
        break;
      case ARFF:
        readArff(rest);
        break;
      default:
        readLibSvm(rest, flags);
        break;
    }
  }

  private static void restore(byte[] bytes) {
    if (bytes.length < 4) {
      return;
    }
    OnlineLearner restored;
    try {
      restored = Snapshots.read(SnapshotBytes.resign(bytes));
    } catch (SnapshotFormatException refused) {
      return;
    }
    assertThat(ModelProbe.answer(restored)).as("%s answers a probe row", restored).isFinite();
    Snapshots.read(Snapshots.write(restored));
  }

  private static Reader text(byte[] bytes) {
    return new StringReader(new String(bytes, StandardCharsets.UTF_8));
  }

  /** Flag bit 0: the first line is a header; bit 1: labels are strings. */
  private static void readCsv(byte[] bytes, int flags) {
    boolean header = (flags & 1) != 0;
    boolean stringLabels = (flags & 2) != 0;
    CsvReader.Builder builder = CsvReader.builder(text(bytes), "fuzz.csv").header(header);
    if (stringLabels) {
      builder.labels(LabelEncoder.growing(8));
    }
    drain(() -> builder.open());
  }

  private static void readArff(byte[] bytes) {
    drain(() -> ArffReader.open(text(bytes), "fuzz.arff", null));
  }

  /** Flag bit 0: the first feature index is 0 (else 1). */
  private static void readLibSvm(byte[] bytes, int flags) {
    int indexBase = 1 - (flags & 1);
    try (LibSvmReader reader = LibSvmReader.open(text(bytes), "fuzz.libsvm", 1 << 20, indexBase)) {
      while (reader.next()) {
        SparseVector row = reader.features();
        for (int k = 0; k < row.size(); k++) {
          assertThat(row.index(k)).isBetween(0, (1 << 20) - 1);
          assertThat(row.value(k)).isFinite();
        }
        assertThat(reader.target()).isFinite();
      }
    } catch (DataFormatException refused) {
      // a clean refusal, with its place in the file
    }
  }

  private static void drain(Supplier<DenseExampleStream> opener) {
    try (DenseExampleStream reader = opener.get()) {
      while (reader.next()) {
        for (double v : reader.features()) {
          assertThat(v).isFinite();
        }
      }
    } catch (DataFormatException | IllegalArgumentException refused) {
      // a clean refusal: a malformed row, or a header the settings do not fit
    }
  }
}
