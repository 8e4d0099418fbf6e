package org.brookml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.SplittableRandom;
import org.brookml.learner.OnlineLearner;
import org.junit.jupiter.api.Test;

/**
 * Every built-in model type's codec against corrupted snapshots whose checksum was recomputed (as a
 * buggy or hostile writer would produce): each must be rejected with SnapshotFormatException or
 * restore to a usable model (it snapshots again and answers a probe row with finite values),
 * never fail in another way.
 */
class AllCodecsFuzzTest {

  @Test
  void resignedMutations_areRejectedCleanly_orRestoreToAUsableModel() {
    SplittableRandom random = new SplittableRandom(7);
    for (OnlineLearner model : TrainedModels.all().values()) {
      byte[] bytes = Snapshots.write(model);
      assertThat(Snapshots.read(bytes)).hasSameClassAs(model);
      int rejected = 0;
      for (int trial = 0; trial < 1_500; trial++) {
        byte[] bad = bytes.clone();
        int flips = 1 + random.nextInt(3);
        for (int f = 0; f < flips; f++) {
          int at = random.nextInt(2) == 0 ? random.nextInt(Math.min(96, bad.length - 4))
              : random.nextInt(bad.length - 4);
          bad[at] = (byte) random.nextInt(256);
        }
        SnapshotBytes.resign(bad);
        try {
          OnlineLearner restored = Snapshots.read(bad);
          Snapshots.read(Snapshots.write(restored)); // usable: it snapshots again
          assertThat(ModelProbe.answer(restored)).as("%s trial %d answers a probe row",
              model.getClass().getSimpleName(), trial).isFinite();
        } catch (SnapshotFormatException expected) {
          rejected++;
        } catch (RuntimeException | OutOfMemoryError other) {
          fail(model.getClass().getSimpleName() + " trial " + trial + " escaped with " + other,
              other);
        }
      }
      assertThat(rejected).as(model.getClass().getSimpleName()).isGreaterThan(100);
    }
  }

  /**
   * Every codec, every payload length: a payload cut short, with the length field and the
   * checksum made to match (as a crafted file would), is a {@link SnapshotFormatException},
   * never another exception. Payloads above 4,000 bytes are cut at 4,000 spread lengths.
   */
  @Test
  void everyCodec_refusesAPayloadCutShortAtAnyLength() {
    for (OnlineLearner model : TrainedModels.all().values()) {
      byte[] bytes = Snapshots.write(model);
      int payloadStart = SnapshotBytes.payloadStart(bytes);
      int payloadLength = bytes.length - 4 - payloadStart;
      int step = Math.max(1, payloadLength / 4_000);
      for (int cut = 0; cut < payloadLength; cut += step) {
        byte[] shorter = java.util.Arrays.copyOf(bytes, payloadStart + cut + 4);
        java.nio.ByteBuffer.wrap(shorter, payloadStart - 4, 4).putInt(cut);
        SnapshotBytes.resign(shorter);
        try {
          Snapshots.read(shorter);
          fail(model.getClass().getSimpleName() + " restored from " + cut + " of "
              + payloadLength + " payload bytes");
        } catch (SnapshotFormatException expected) {
          // refused cleanly
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError other) {
          fail(model.getClass().getSimpleName() + " cut to " + cut + " escaped with " + other,
              other);
        }
      }
    }
  }
}
