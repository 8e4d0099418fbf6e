package org.brookml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.brookml.learner.LabelEncoder;
import org.brookml.learner.FeatureSchema;
import org.junit.jupiter.api.Test;

class ArffReaderTest {

  private static final String HEADER = "% a comment\n@relation weather\n\n"
      + "@attribute 'out look' {sunny,overcast,rainy}\n@attribute temp numeric\n"
      + "@ATTRIBUTE windy {FALSE,TRUE}\n@attribute play {yes,no}\n@data\n";

  private static ArffReader read(String data) {
    return ArffReader.open(new StringReader(HEADER + data), "w.arff", null);
  }

  @Test
  void readsDenseAndSparseRows_withNominalValuesAsDeclarationCodes() {
    try (ArffReader r = read("sunny,85,FALSE,no\n% skip\n\n'rainy',70.5,TRUE,yes\n{1 3.5, 3 no}\n")) {
      assertThat(r.attributes()).hasSize(4);
      assertThat(r.attributes().get(0).name()).isEqualTo("out look");
      assertThat(r.numClasses()).isEqualTo(2);
      assertThat(r.dimension()).isEqualTo(3);
      assertThat(r.next()).isTrue();
      assertThat(r.features()).containsExactly(0, 85, 0);
      assertThat(r.target()).isEqualTo(1);
      assertThat(r.next()).isTrue();
      assertThat(r.features()).containsExactly(2, 70.5, 1);
      assertThat(r.target()).isEqualTo(0);
      assertThat(r.next()).isTrue();
      assertThat(r.features()).containsExactly(0, 3.5, 0);
      assertThat(r.target()).isEqualTo(1);
      assertThat(r.lineNumber()).isEqualTo(13);
      assertThat(r.next()).isFalse();
    }
  }

  @Test
  void schema_declaresTheNominalFeaturesAndClasses_andMissingValuesReadAsNaNWhenAsked() {
    try (ArffReader r = read("sunny,?,?,no\n").missingValuesAsNaN()) {
      FeatureSchema schema = r.schema();
      assertThat(schema.dimension()).isEqualTo(3);
      assertThat(schema.feature(0).name()).isEqualTo("out look");
      assertThat(schema.feature(0).values()).containsExactly("sunny", "overcast", "rainy");
      assertThat(schema.isNominal(1)).isFalse();
      assertThat(schema.numValues(2)).isEqualTo(2);
      assertThat(schema.classes()).containsExactly("yes", "no");
      assertThat(r.next()).isTrue();
      assertThat(r.features()).containsExactly(0, Double.NaN, Double.NaN);
    }
    try (ArffReader r = read("sunny,1,FALSE,?\n").missingValuesAsNaN()) {
      assertThatThrownBy(r::next).hasMessage("w.arff:9:4: missing value for 'play'");
    }
  }

  @Test
  void badRowsAndHeaders_nameFileLineAndColumn() {
    try (ArffReader r = read("sunny,85,FALSE,no\nfoggy,80,TRUE,yes\n")) {
      r.next();
      assertThatThrownBy(r::next).isInstanceOf(DataFormatException.class)
          .hasMessage("w.arff:10:1: 'foggy' is not a declared value of 'out look' "
              + "[sunny, overcast, rainy]");
    }
    try (ArffReader r = read("sunny,?,FALSE,no\n")) {
      assertThatThrownBy(r::next).hasMessage("w.arff:9:2: missing value for 'temp'");
    }
    try (ArffReader r = read("sunny,85,FALSE\n")) {
      assertThatThrownBy(r::next).hasMessage("w.arff:9:0: expected 4 values but found 3");
    }
    try (ArffReader r = read("{7 1}\n")) {
      assertThatThrownBy(r::next).hasMessage("w.arff:9:1: attribute index 7 is outside [0, 4)");
    }
    assertThatThrownBy(() -> ArffReader.open(
        new StringReader("@relation x\n@attribute when date\n@data\n"), "d.arff", null))
        .hasMessageContaining("d.arff:2:0: attribute 'when' has unsupported type 'date'");
    assertThatThrownBy(() -> ArffReader.open(
        new StringReader("@relation x\n@attribute a numeric\n"), "e.arff", null))
        .hasMessage("e.arff:2:0: no @data section");
  }

  /**
   * The real Elec2 file in both formats (bundled copies): the ARFF and CSV versions agree row for
   * row.
   */
  @Test
  void elec2Arff_agreesWithItsCsv() {
    int rows = 0;
    int up = 0;
    try (ArffReader arff = ArffReader.open(RealData.shared("elec2/electricity.arff"));
        CsvReader csv = CsvReader.builder(RealData.shared("elec2/electricity.csv")).header(true)
            .labels(LabelEncoder.of("UP", "DOWN")).open()) {
      assertThat(arff.targetAttribute().nominalValues()).containsExactly("UP", "DOWN");
      while (arff.next()) {
        assertThat(csv.next()).isTrue();
        for (int j = 0; j < arff.dimension(); j++) {
          // 'day' is nominal {1..7} in the ARFF file: its code is the declared value's position.
          ArffReader.Attribute attribute = arff.attributes().get(j);
          double value = attribute.isNominal()
              ? Double.parseDouble(attribute.nominalValues().get((int) arff.features()[j]))
              : arff.features()[j];
          assertThat(value).as("row %d, column %d", rows, j).isEqualTo(csv.features()[j]);
        }
        assertThat(arff.target()).isEqualTo(csv.target());
        up += arff.target() == 0 ? 1 : 0;
        rows++;
      }
      assertThat(csv.next()).isFalse();
    }
    assertThat(rows).isEqualTo(45_312);
    assertThat(up).isBetween(19_000, 20_000);
  }
}
