package org.brookml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.brookml.learner.FeatureSchema;
import org.brookml.learner.LabelEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

  private static CsvReader csv(String text) {
    return CsvReader.builder(new StringReader(text), "test.csv").header(true).open();
  }

  @Test
  void readsRowsWithTheLastColumnAsTarget() {
    try (CsvReader r = csv("a,b,y\r\n1,2.5,0\r\n\r\n-3,\"4\",1\r\n")) {
      assertThat(r.header()).containsExactly("a", "b", "y");
      assertThat(r.dimension()).isEqualTo(2);
      assertThat(r.next()).isTrue();
      assertThat(r.features()).containsExactly(1, 2.5);
      assertThat(r.target()).isEqualTo(0);
      assertThat(r.next()).isTrue();
      assertThat(r.features()).containsExactly(-3, 4);
      assertThat(r.lineNumber()).isEqualTo(4);
      assertThat(r.next()).isFalse();
    }
  }

  @Test
  void textColumns_areInferredNominal_missingTokensReadAsNaN_andTheSchemaGrows() {
    String text = "colour,size,zip,label\nred,1.5,02134,yes\nblue,?,10001,no\n"
        + "red,2,,yes\ngreen,NA,02134,no\n";
    try (CsvReader r = CsvReader.builder(new StringReader(text), "s.csv").header(true)
        .labels(LabelEncoder.growing(2)).inferNominal(true).nominal("zip").missing("?", "NA", "")
        .open()) {
      FeatureSchema before = r.schema();
      assertThat(before.isNominal(0)).as("inferred from the first row").isFalse();
      assertThat(r.next()).isTrue();
      assertThat(r.features()).containsExactly(0, 1.5, 0);
      assertThat(r.next()).isTrue();
      assertThat(r.features()).containsExactly(1, Double.NaN, 1);
      assertThat(r.next()).isTrue();
      assertThat(r.features()).containsExactly(0, 2, Double.NaN);
      assertThat(r.next()).isTrue();
      assertThat(r.features()).containsExactly(2, Double.NaN, 0);
      assertThat(r.lineNumber()).isEqualTo(5);
      FeatureSchema schema = r.schema();
      assertThat(schema.feature(0).name()).isEqualTo("colour");
      assertThat(schema.feature(0).values()).containsExactly("red", "blue", "green");
      assertThat(schema.isNominal(1)).isFalse();
      assertThat(schema.feature(2).values()).containsExactly("02134", "10001");
      assertThat(schema.classes()).containsExactly("yes", "no");
    }
  }

  @Test
  void aNominalColumnIsBounded_andTextInANumericColumnStillFailsWithItsPosition() {
    try (CsvReader r = CsvReader.builder(new StringReader("a,b\nx,1\ny,2\nz,3\n"), "b.csv")
        .header(true).nominal(0).maxNominalValues(2).open()) {
      r.next();
      r.next();
      assertThatThrownBy(r::next).isInstanceOf(DataFormatException.class)
          .hasMessageContaining("b.csv:4:1").hasMessageContaining("'z'");
    }
    try (CsvReader r = CsvReader.builder(new StringReader("a,b\n1,1\nx,2\n"), "n.csv")
        .header(true).inferNominal(true).open()) {
      r.next();
      assertThatThrownBy(r::next).isInstanceOf(DataFormatException.class)
          .hasMessageContaining("n.csv:3:1: not a number: 'x'");
    }
    assertThatThrownBy(() -> CsvReader.builder(new StringReader("a,b\n1,1\n"), "t.csv")
        .header(true).nominal("b").open()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target");
  }

  @Test
  void mapsClassLabelsThroughAnEncoder_andFindsTheTargetByName() {
    LabelEncoder<String> labels = LabelEncoder.of("DOWN", "UP");
    try (CsvReader r = CsvReader.builder(new StringReader("class,x\nUP,1\nDOWN,2\n"), "e.csv")
        .header(true).target("class").labels(labels).open()) {
      r.next();
      assertThat(r.target()).isEqualTo(1);
      assertThat(r.features()).containsExactly(1);
      r.next();
      assertThat(r.target()).isEqualTo(0);
    }
  }

  @Test
  void malformedRows_nameFileLineAndColumn() {
    try (CsvReader r = csv("a,b,y\n1,2,0\n1,x,0\n")) {
      r.next();
      assertThatThrownBy(r::next).isInstanceOf(DataFormatException.class)
          .hasMessage("test.csv:3:2: not a number: 'x'")
          .satisfies(e -> {
            DataFormatException d = (DataFormatException) e;
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.column()).isEqualTo(2);
          });
    }
    try (CsvReader r = csv("a,b,y\n1,2\n")) {
      assertThatThrownBy(r::next).hasMessage("test.csv:2:0: expected 3 fields but found 2");
    }
    try (CsvReader r = csv("a,b,y\n1,NaN,0\n")) {
      assertThatThrownBy(r::next).hasMessage("test.csv:2:2: not a finite number: 'NaN'");
    }
    try (CsvReader r = CsvReader.builder(new StringReader("1,UP\n2,SIDEWAYS\n"), "f.csv")
        .labels(LabelEncoder.of("DOWN", "UP")).open()) {
      r.next();
      assertThatThrownBy(r::next).hasMessageStartingWith("f.csv:2:2: unknown label 'SIDEWAYS'");
    }
    assertThatThrownBy(() -> csv("")).hasMessage("test.csv:0:0: the file is empty");
    assertThatThrownBy(() -> CsvReader.builder(new StringReader("a,b\n"), "g.csv").header(true)
        .target("c").open()).hasMessageContaining("no column named 'c'");
  }

  @Test
  void gzippedFiles_streamFromDisk(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("rows.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 1000; i++) {
        sb.append(i).append('\t').append(2 * i).append('\n');
      }
      out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    double sum = 0;
    int rows = 0;
    try (CsvReader r = CsvReader.builder(file).delimiter('\t').noTarget().open()) {
      while (r.next()) {
        sum += r.features()[1];
        rows++;
      }
    }
    assertThat(rows).isEqualTo(1000);
    assertThat(sum).isEqualTo(999 * 1000);
  }
}
