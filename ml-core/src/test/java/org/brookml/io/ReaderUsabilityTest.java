package org.brookml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.brookml.learner.DenseExample;
import org.brookml.learner.LabelEncoder;
import org.brookml.learner.SparseExample;
import org.junit.jupiter.api.Test;

/** Readers as Java iterables and streams, and error messages that point to the fix. */
class ReaderUsabilityTest {

  private static CsvReader csv(String text, boolean header) {
    return CsvReader.builder(new StringReader(text), "data.csv").header(header).open();
  }

  @Test
  void csvReader_isIterable_withOwnCopiesOfEachRow() {
    List<DenseExample> rows = new ArrayList<>();
    try (CsvReader reader = csv("a,b,y\n1,2,0\n3,4,1\n", true)) {
      for (DenseExample example : reader) {
        rows.add(example);
      }
    }
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).features()).containsExactly(1, 2);
    assertThat(rows.get(1).features()).containsExactly(3, 4);
    assertThat(rows.get(1).label()).isEqualTo(1);
  }

  @Test
  void csvReader_streams_andClosingTheStreamClosesTheReader() {
    CsvReader reader = csv("1,0\n2,1\n3,1\n", false);
    try (var examples = reader.stream()) {
      assertThat(examples.filter(e -> e.label() == 1).map(e -> e.features()[0])
          .collect(Collectors.toList())).containsExactly(2.0, 3.0);
    }
    assertThatThrownBy(reader::next).as("closed").isInstanceOf(RuntimeException.class);
  }

  @Test
  void libSvmReader_isIterable() {
    List<SparseExample> rows = new ArrayList<>();
    try (LibSvmReader reader =
        LibSvmReader.open(new StringReader("1 1:0.5 3:2\n0 2:1\n"), "data.libsvm", 3, 1)) {
      reader.forEach(rows::add);
    }
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).features().size()).isEqualTo(2);
    assertThat(rows.get(0).features().value(1)).isEqualTo(2.0);
    assertThat(rows.get(1).label()).isZero();
  }

  @Test
  void aHeaderNotDeclared_suggestsHeaderTrue() {
    try (CsvReader reader = csv("date,price\n1,2\n", false)) {
      assertThatThrownBy(reader::next).isInstanceOf(DataFormatException.class)
          .hasMessage("data.csv:1:1: not a number: 'date'; if the first line names the columns,"
              + " open the reader with .header(true)");
    }
  }

  @Test
  void textLabelsWithoutAnEncoder_suggestLabels() {
    try (CsvReader reader = csv("a,y\n1,UP\n", true)) {
      assertThatThrownBy(reader::next).isInstanceOf(DataFormatException.class)
          .hasMessageStartingWith("data.csv:2:2: not a number: 'UP'; for class labels given as "
              + "text, map them with .labels(LabelEncoder.growing(n))");
    }
    try (CsvReader reader = CsvReader.builder(new StringReader("a,y\n1,UP\n2,DOWN\n"), "data.csv")
        .header(true).labels(LabelEncoder.growing(5)).open()) {
      assertThat(reader.next()).isTrue();
      assertThat(reader.next()).isTrue();
      assertThat(reader.target()).isEqualTo(1.0);
    }
  }

  @Test
  void aWrongDelimiter_isNamed() {
    try (CsvReader reader = csv("1;2;0\n", false)) {
      assertThatThrownBy(reader::next).isInstanceOf(DataFormatException.class)
          .hasMessage("data.csv:1:1: not a number: '1;2;0'; the line was read as one field: is the"
              + " delimiter ';'? Set it with .delimiter(...)");
    }
  }

  @Test
  void aFullGrowingEncoder_saysCapacity_withTheLine() {
    try (CsvReader reader = CsvReader.builder(new StringReader("1,a\n2,b\n3,c\n"), "data.csv")
        .labels(LabelEncoder.growing(2)).open()) {
      reader.next();
      reader.next();
      assertThatThrownBy(reader::next).isInstanceOf(DataFormatException.class)
          .hasMessageStartingWith("data.csv:3:2: new label 'c', but this encoder's capacity of 2");
    }
  }

  @Test
  void positions_nameFileAndLine() {
    try (CsvReader reader = csv("x,y\n\n1,0\n", true)) {
      reader.next();
      assertThat(reader.position()).isEqualTo("data.csv:3");
    }
  }
}
