package org.brookml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files cut short and rows that would silently overwrite values are refused, with their place. */
class ReaderIntegrityTest {

  @TempDir
  Path dir;

  private Path truncatedGzip(String name, String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = bytes.toByteArray();
    Path file = dir.resolve(name);
    Files.write(file, Arrays.copyOf(whole, whole.length * 2 / 3));
    return file;
  }

  private static String rows(int n, String pattern) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append(String.format(pattern, i, i % 2)).append('\n');
    }
    return text.toString();
  }

  @Test
  void aTruncatedGzip_isADataFormatException_withTheLineItStoppedAt() throws IOException {
    Path csv = truncatedGzip("cut.csv.gz", rows(20_000, "%d.25,%d"));
    try (CsvReader reader = CsvReader.builder(csv).open()) {
      long read = 0;
      try {
        while (reader.next()) {
          read++;
        }
      } catch (DataFormatException e) {
        assertThat(e.line()).isEqualTo(read + 1);
        assertThat(e.source()).isEqualTo(csv.toString());
        assertThat(e.getMessage()).contains("truncated or corrupt");
        return;
      }
      throw new AssertionError("a truncated file ended quietly after " + read + " rows");
    }
  }

  @Test
  void aTruncatedGzip_libSvm_failsWithItsLine() throws IOException {
    Path libsvm = truncatedGzip("cut.libsvm.gz", rows(20_000, "%2$d 1:%1$d.5"));
    try (LibSvmReader reader = LibSvmReader.open(libsvm, 2)) {
      assertThatThrownBy(() -> {
        while (reader.next()) {
          // read on
        }
      }).isInstanceOf(DataFormatException.class).hasMessageContaining("truncated or corrupt");
    }
  }

  private static ArffReader arff(String data) {
    return ArffReader.open(new StringReader("@relation r\n@attribute a numeric\n"
        + "@attribute b numeric\n@attribute c {x,y}\n@data\n" + data), "r.arff", null);
  }

  @Test
  void arffSparseRows_mustListIndicesInIncreasingOrder() {
    try (ArffReader reader = arff("{0 1, 2 y}\n{1 2, 0 3, 2 x}\n")) {
      assertThat(reader.next()).isTrue();
      assertThatThrownBy(reader::next).isInstanceOf(DataFormatException.class)
          .hasMessage("r.arff:7:2: attribute index 0 comes after 1: sparse rows list indices in"
              + " increasing order");
    }
    try (ArffReader reader = arff("{0 1, 0 2, 2 y}\n")) {
      assertThatThrownBy(reader::next).isInstanceOf(DataFormatException.class)
          .hasMessageContaining("attribute index 0 is repeated");
    }
  }

  @Test
  void arffAttributesDeclaredTwice_areRefused() {
    assertThatThrownBy(() -> ArffReader.open(new StringReader(
        "@relation r\n@attribute a numeric\n@attribute a numeric\n@attribute c {x,y}\n@data\n"),
        "twice.arff", null))
        .isInstanceOf(DataFormatException.class)
        .hasMessage("twice.arff:3:0: attribute 'a' is declared twice");
  }
}
