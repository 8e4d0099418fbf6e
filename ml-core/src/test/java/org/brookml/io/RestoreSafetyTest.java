package org.brookml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.brookml.ensemble.OnlineBagging;
import org.brookml.learner.OnlineClassifier;
import org.brookml.linear.SgdClassifier;
import org.brookml.preprocess.Pipeline;
import org.brookml.preprocess.StandardScaler;
import org.brookml.tree.HoeffdingTree;
import org.junit.jupiter.api.Test;

/**
 * Restoring is resource-safe against crafted bytes with a valid checksum: sizes are checked
 * against the bytes left before anything is allocated, and nesting depth is bounded, so every
 * failure is a {@link SnapshotFormatException}, never an {@code OutOfMemoryError} or a
 * {@code StackOverflowError}.
 */
class RestoreSafetyTest {

  @Test
  void aTreeSnapshotDeclaringAHugeDimension_isRefusedBeforeAllocating() {
    byte[] bytes = Snapshots.write(HoeffdingTree.builder(2, 2).build());
    int at = SnapshotBytes.payloadStart(bytes);
    ByteBuffer.wrap(bytes, at, 8).putInt(1 << 24).putInt(8); // dimension 2^24, 8 classes
    assertThatThrownBy(() -> Snapshots.read(SnapshotBytes.resign(bytes)))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("gaussian cells");
  }

  @Test
  void anEnsembleDeclaringMoreMembersThanItsBytesHold_isRefusedBeforeMakingThem() {
    OnlineBagging bagging = OnlineBagging.builder(HoeffdingTree.builder(2, 2).build()).size(2)
        .build();
    byte[] bytes = Snapshots.write(bagging);
    // The settings: the prototype's snapshot (length-prefixed), then the ensemble size.
    int at = SnapshotBytes.payloadStart(bytes);
    int prototypeLength = ByteBuffer.wrap(bytes, at, 4).getInt();
    int sizeAt = at + 4 + prototypeLength;
    assertThat(ByteBuffer.wrap(bytes, sizeAt, 4).getInt()).isEqualTo(2);
    ByteBuffer.wrap(bytes, sizeAt, 4).putInt(4_000);
    assertThatThrownBy(() -> Snapshots.read(SnapshotBytes.resign(bytes)))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("4000 members of at least");
  }

  @Test
  void snapshotsNestedDeeperThanTheLimit_areRefused_notAStackOverflow() {
    OnlineClassifier shallower = SgdClassifier.builder(2).build();
    for (int level = 1; level < Snapshots.MAX_NESTING; level++) {
      shallower = Pipeline.of(new StandardScaler(2), shallower);
    }
    byte[] deepest = Snapshots.write(shallower);
    assertThat(Snapshots.read(deepest)).isNotNull();
    OnlineClassifier tooDeep = Pipeline.of(new StandardScaler(2), shallower);
    assertThatThrownBy(() -> Snapshots.write(tooDeep)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("more than " + Snapshots.MAX_NESTING + " snapshots deep")
        .hasMessageContaining("none is written");
    // Crafted bytes one level deeper: the pipeline codec's layout wraps the stage and the model
    // as nested snapshots, so the deepest valid snapshot is wrapped once more by hand.
    byte[] crafted = Snapshots.write(Pipeline.of(new StandardScaler(2),
        SgdClassifier.builder(2).build()));
    byte[] model = Snapshots.write(SgdClassifier.builder(2).build());
    byte[] wrapped = replaceNested(crafted, model, deepest);
    assertThatThrownBy(() -> Snapshots.read(wrapped)).isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("more than " + Snapshots.MAX_NESTING + " snapshots deep");
  }

  /**
   * {@code outer} with its nested snapshot {@code inner} (length-prefixed) replaced by
   * {@code replacement}, the lengths and the checksum made to match.
   */
  private static byte[] replaceNested(byte[] outer, byte[] inner, byte[] replacement) {
    int at = indexOf(outer, inner);
    assertThat(at).as("nested snapshot found").isGreaterThan(4);
    int grow = replacement.length - inner.length;
    byte[] result = new byte[outer.length + grow];
    System.arraycopy(outer, 0, result, 0, at);
    System.arraycopy(replacement, 0, result, at, replacement.length);
    System.arraycopy(outer, at + inner.length, result, at + replacement.length,
        outer.length - at - inner.length);
    ByteBuffer.wrap(result, at - 4, 4).putInt(replacement.length);
    int payloadLengthAt = SnapshotBytes.payloadStart(result) - 4;
    ByteBuffer.wrap(result, payloadLengthAt, 4)
        .putInt(ByteBuffer.wrap(result, payloadLengthAt, 4).getInt() + grow);
    return SnapshotBytes.resign(result);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }
}
