package org.brookml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.brookml.io.Snapshots;
import org.brookml.preprocess.CategoryEncoder.Encoding;
import org.brookml.preprocess.CategoryEncoder.Unseen;
import org.junit.jupiter.api.Test;

/** Ordinal and one-hot encoding, the growing vocabulary, its bound and the unseen policies. */
class CategoryEncoderTest {

  @Test
  void ordinal_numbersCategoriesInOrderOfFirstAppearance_andPassesNumbersThrough() {
    CategoryEncoder encoder = CategoryEncoder.builder(3).categorical(0, 2).build();
    double[] out = new double[3];
    assertThat(encoder.learn(new Object[] {"tue", 1.5, "up"}, out)).containsExactly(0, 1.5, 0);
    assertThat(encoder.learn(new Object[] {"mon", 2, "up"}, out)).containsExactly(1, 2, 0);
    assertThat(encoder.learn(new Object[] {"tue", -3L, "down"}, out)).containsExactly(0, -3, 1);
    assertThat(encoder.categories(0)).containsExactly("tue", "mon");
    assertThat(encoder.categories(1)).isEmpty();
    // Never learned: missing, which trees and naive Bayes read as NaN.
    assertThat(encoder.encode(new Object[] {"sun", 0, "up"}, out)[0]).isNaN();
    assertThat(encoder.samplesSeen()).isEqualTo(3);
  }

  @Test
  void oneHot_reservesMaxCategoriesSlotsAColumn_soTheOutputDimensionNeverChanges() {
    CategoryEncoder encoder = CategoryEncoder.builder(2).categorical(1)
        .encoding(Encoding.ONE_HOT).maxCategories(3).build();
    assertThat(encoder.outputDimension()).isEqualTo(4);
    double[] out = new double[4];
    assertThat(encoder.learn(new Object[] {7, "b"}, out)).containsExactly(7, 1, 0, 0);
    assertThat(encoder.learn(new Object[] {8, "a"}, out)).containsExactly(8, 0, 1, 0);
    assertThat(encoder.learn(new Object[] {9, "c"}, out)).containsExactly(9, 0, 0, 1);
    // Full: a fourth value is missing (all zeros) by default, and is not learned.
    assertThat(encoder.learn(new Object[] {9, "d"}, out)).containsExactly(9, 0, 0, 0);
    assertThat(encoder.categories(1)).containsExactly("b", "a", "c");
  }

  @Test
  void policies_error_names_theColumnAndValue_other_takesTheLastSlot() {
    CategoryEncoder strict = CategoryEncoder.builder(1).categorical(0).maxCategories(2)
        .unseen(Unseen.ERROR).build();
    double[] out = new double[1];
    strict.learn(new Object[] {"a"}, out);
    strict.learn(new Object[] {"b"}, out);
    assertThatThrownBy(() -> strict.learn(new Object[] {"c"}, out))
        .hasMessageContaining("column 0: vocabulary full (2 categories) and value 'c' is new");
    assertThatThrownBy(() -> strict.encode(new Object[] {"z"}, out))
        .hasMessageContaining("value 'z' was never learned");
    CategoryEncoder other = CategoryEncoder.builder(1).categorical(0).maxCategories(3)
        .unseen(Unseen.OTHER).build();
    other.learn(new Object[] {"a"}, out);
    other.learn(new Object[] {"b"}, out);
    assertThat(other.learn(new Object[] {"c"}, out)).containsExactly(2); // "other"
    assertThat(other.encode(new Object[] {"zzz"}, out)).containsExactly(2);
    assertThat(other.categories(0)).containsExactly("a", "b");
  }

  @Test
  void aBadValueAnywhere_leavesEveryVocabularyAsItWas() {
    CategoryEncoder encoder = CategoryEncoder.builder(3).categorical(0, 1).build();
    double[] out = new double[3];
    encoder.learn(new Object[] {"a", "x", 1}, out);
    byte[] before = Snapshots.write(encoder);
    assertThatThrownBy(() -> encoder.learn(new Object[] {"new", "new", Double.NaN}, out))
        .hasMessageContaining("column 2 is not finite");
    assertThatThrownBy(() -> encoder.learn(new Object[] {"new", null, 1}, out))
        .hasMessageContaining("column 1 is categorical and takes a String, got null");
    assertThatThrownBy(() -> encoder.learn(new Object[] {"new", "y", "3"}, out))
        .hasMessageContaining("declare it categorical");
    assertThatThrownBy(() -> encoder.learn(new Object[] {"a", "x"}, out))
        .hasMessageContaining("row has 2 values but the encoder has 3 columns");
    assertThat(Snapshots.write(encoder)).isEqualTo(before);
  }

  @Test
  void snapshot_restoresTheVocabularyAndGoesOnGrowingItTheSameWay() {
    CategoryEncoder encoder = CategoryEncoder.builder(2).categorical(0, 1)
        .encoding(Encoding.ONE_HOT).maxCategories(4).unseen(Unseen.OTHER).build();
    double[] out = new double[8];
    encoder.learn(new Object[] {"a", "é→ü"}, out);
    encoder.learn(new Object[] {"b", ""}, out);
    CategoryEncoder restored = (CategoryEncoder) Snapshots.read(Snapshots.write(encoder));
    assertThat(restored.toString()).isEqualTo(encoder.toString());
    assertThat(restored.categories(1)).containsExactly("é→ü", "");
    double[] expected = encoder.learn(new Object[] {"c", "q"}, new double[8]);
    assertThat(restored.learn(new Object[] {"c", "q"}, new double[8])).containsExactly(expected);
    assertThat(Snapshots.write(restored)).isEqualTo(Snapshots.write(encoder));
    assertThat(Snapshots.write(encoder.copy())).isEqualTo(Snapshots.write(encoder));
  }
}
