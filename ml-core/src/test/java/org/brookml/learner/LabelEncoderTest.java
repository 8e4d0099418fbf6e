package org.brookml.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabelEncoderTest {

  @Test
  void fixedEncoder_codesInOrder_andRejectsUnknownLabels() {
    LabelEncoder<String> labels = LabelEncoder.of("cat", "dog");
    assertThat(labels.encode("dog")).isEqualTo(1);
    assertThat(labels.decode(0)).isEqualTo("cat");
    assertThat(labels.codeOf("cow")).isEqualTo(-1);
    assertThatThrownBy(() -> labels.encode("cow"))
        .hasMessage("unknown label 'cow'; known labels: [cat, dog]");
    assertThatThrownBy(() -> labels.decode(2)).hasMessage("code 2 is outside [0, 2)");
    assertThatThrownBy(() -> LabelEncoder.of("a", "a")).hasMessage("duplicate label: a");
    assertThatThrownBy(() -> labels.encode(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void growingEncoder_addsUpToItsCapacity() {
    LabelEncoder<Integer> labels = LabelEncoder.growing(2);
    assertThat(labels.encode(7)).isZero();
    assertThat(labels.encode(3)).isEqualTo(1);
    assertThat(labels.encode(7)).isZero();
    assertThat(labels.labels()).containsExactly(7, 3);
    // A full growing encoder says that its capacity is the problem, and how to raise it.
    assertThatThrownBy(() -> labels.encode(5))
        .hasMessageStartingWith("new label '5', but this encoder's capacity of 2 labels is reached")
        .hasMessageContaining("LabelEncoder.growing(capacity)");
    assertThat(labels.labels()).as("unchanged").containsExactly(7, 3);
  }
}
