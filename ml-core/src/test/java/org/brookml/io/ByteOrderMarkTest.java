package org.brookml.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A UTF-8 byte-order mark, which editors on Windows write before the text, is skipped by every
 * reader, from a file and from a {@code Reader} alike (before, the first field failed to parse).
 */
class ByteOrderMarkTest {

  private static final String BOM = "\uFEFF";

  private static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, (BOM + text).getBytes(StandardCharsets.UTF_8));
    return file;
  }

  @Test
  void csv(@TempDir Path dir) throws IOException {
    String text = "1.5,2,1\n3,4,0\n";
    try (CsvReader file = CsvReader.builder(write(dir, "a.csv", text)).open();
        CsvReader reader = CsvReader.builder(new StringReader(BOM + text), "a.csv").open()) {
      for (CsvReader r : new CsvReader[] {file, reader}) {
        assertThat(r.next()).isTrue();
        assertThat(r.features()).containsExactly(1.5, 2);
        assertThat(r.target()).isEqualTo(1);
      }
    }
  }

  @Test
  void libsvm(@TempDir Path dir) throws IOException {
    String text = "1 1:0.5 3:2\n";
    try (LibSvmReader file = LibSvmReader.open(write(dir, "a.svm", text), 3);
        LibSvmReader reader = LibSvmReader.open(new StringReader(BOM + text), "a.svm", 3, 1)) {
      for (LibSvmReader r : new LibSvmReader[] {file, reader}) {
        assertThat(r.next()).isTrue();
        assertThat(r.target()).isEqualTo(1);
        assertThat(r.features().size()).isEqualTo(2);
      }
    }
  }

  @Test
  void arff(@TempDir Path dir) throws IOException {
    String text = "@relation r\n@attribute x numeric\n@attribute y {a,b}\n@data\n2.5,b\n";
    try (ArffReader file = ArffReader.open(write(dir, "a.arff", text));
        ArffReader reader = ArffReader.open(new StringReader(BOM + text), "a.arff", null)) {
      for (ArffReader r : new ArffReader[] {file, reader}) {
        assertThat(r.next()).isTrue();
        assertThat(r.features()).containsExactly(2.5);
        assertThat(r.target()).isEqualTo(1);
      }
    }
  }
}
