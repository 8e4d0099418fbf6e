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
    OnlineClassifier model = SgdClassifier.builder(2).build();
    for (int level = 0; level < Snapshots.MAX_NESTING; level++) {
      model = Pipeline.of(new StandardScaler(2), model);
    }
    byte[] bytes = Snapshots.write(model);
    assertThatThrownBy(() -> Snapshots.read(bytes)).isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("more than " + Snapshots.MAX_NESTING + " snapshots deep");
    OnlineClassifier shallower = SgdClassifier.builder(2).build();
    for (int level = 1; level < Snapshots.MAX_NESTING; level++) {
      shallower = Pipeline.of(new StandardScaler(2), shallower);
    }
    assertThat(Snapshots.read(Snapshots.write(shallower))).isNotNull();
  }
}
