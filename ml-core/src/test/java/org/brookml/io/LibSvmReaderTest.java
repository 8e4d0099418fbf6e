package org.brookml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LibSvmReaderTest {

  private static LibSvmReader read(String text) {
    return LibSvmReader.open(new StringReader(text), "t.svm", 10, 1);
  }

  @Test
  void readsSparseRows_withOneBasedIndicesMadeZeroBased() {
    try (LibSvmReader r = read("+1 1:0.5 3:2 10:-1\n\n# comment only\n-1 2:1e-3 # trailing\n")) {
      assertThat(r.next()).isTrue();
      assertThat(r.target()).isEqualTo(1);
      assertThat(r.features().size()).isEqualTo(3);
      assertThat(r.features().index(0)).isZero();
      assertThat(r.features().index(2)).isEqualTo(9);
      assertThat(r.features().value(2)).isEqualTo(-1);
      assertThat(r.next()).isTrue();
      assertThat(r.target()).isEqualTo(-1);
      assertThat(r.features().size()).isEqualTo(1);
      assertThat(r.features().value(0)).isEqualTo(1e-3);
      assertThat(r.lineNumber()).isEqualTo(4);
      assertThat(r.next()).isFalse();
    }
  }

  @Test
  void malformedLines_nameLineAndToken() {
    try (LibSvmReader r = read("1 1:1\nx 1:1\n")) {
      r.next();
      assertThatThrownBy(r::next).isInstanceOf(DataFormatException.class)
          .hasMessage("t.svm:2:1: target is not a number: 'x'");
    }
    try (LibSvmReader r = read("1 1:1 11:2\n")) {
      assertThatThrownBy(r::next).hasMessage("t.svm:1:3: index 11 is outside [1, 10]");
    }
    try (LibSvmReader r = read("1 3:1 2:2\n")) {
      assertThatThrownBy(r::next).hasMessage("t.svm:1:3: index 2 does not increase (previous 3)");
    }
    try (LibSvmReader r = read("1 3-1\n")) {
      assertThatThrownBy(r::next).hasMessage("t.svm:1:2: expected index:value, found '3-1'");
    }
    try (LibSvmReader r = read("1 3:abc\n")) {
      assertThatThrownBy(r::next).hasMessage("t.svm:1:2: malformed index:value '3:abc'");
    }
    try (LibSvmReader r = read("1 3:Infinity\n")) {
      assertThatThrownBy(r::next).hasMessage("t.svm:1:2: value is not finite: Infinity");
    }
  }
}
