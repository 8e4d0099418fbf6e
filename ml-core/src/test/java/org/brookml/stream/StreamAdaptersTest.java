package org.brookml.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.data.GaussianBlobs;
import org.brookml.io.SnapshotFormatException;
import org.brookml.io.Snapshots;
import org.brookml.linear.SgdClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamAdaptersTest {

  private static MiniBatchKMeans twoCentres() {
    return MiniBatchKMeans.builder(2, 1).initialCenters(new double[][] {{0}, {10}}).build();
  }

  @Test
  void kmeansAddDeltas_addsEachReplicasCountsAndSumsOnce() {
    MiniBatchKMeans base = twoCentres();
    base.learnBatch(new double[] {2, 8}, 2); // c0 = 2 (n 1), c1 = 8 (n 1)
    MiniBatchKMeans a = base.copy();
    MiniBatchKMeans b = base.copy();
    a.learnBatch(new double[] {1, 0}, 2); // c0: n 3, S = 2 + 1 + 0 = 3
    b.learnBatch(new double[] {5, 12}, 2); // c0: n 2, S = 7; c1: n 2, S = 20
    base.addDeltas(List.of(a, b));
    // c0: n = 1 + 2 + 1 = 4, S = 2 + (3 - 2) + (7 - 2) = 8; c1: n = 1 + 0 + 1 = 2, S = 8 + 0 + 12.
    assertThat(base.centers()[0][0]).isCloseTo(8 / 4.0, within(1e-12));
    assertThat(base.centers()[1][0]).isCloseTo(20 / 2.0, within(1e-12));
    assertThat(base.counts()).containsExactly(4, 2);
    assertThat(base.samplesSeen()).isEqualTo(6);
    assertThatThrownBy(() -> a.addDeltas(List.of(twoCentres())))
        .hasMessageContaining("was not copied from it");
  }

  @Test
  void synchronousDataParallelKMeans_findsTheSameCentresAsOneModel() {
    GaussianBlobs blobs = new GaussianBlobs(4, 3, 0.4, 8, 0, 3);
    double[] seed = new double[400 * 3];
    blobs.fill(seed, 400, null);
    MiniBatchKMeans base = MiniBatchKMeans.builder(4, 3).initBufferSize(400).seed(1).build();
    base.learnBatch(seed, 400);
    MiniBatchKMeans single = base.copy();
    double[] part = new double[250 * 3];
    for (int round = 0; round < 40; round++) {
      MiniBatchKMeans[] replicas = {base.copy(), base.copy()};
      for (MiniBatchKMeans replica : replicas) {
        blobs.fill(part, 250, null);
        replica.learnBatch(part, 250);
        single.learnBatch(part, 250);
      }
      base.addDeltas(List.of(replicas));
    }
    assertThat(base.samplesSeen()).isEqualTo(single.samplesSeen());
    double[][] merged = base.centers();
    double[][] expected = single.centers();
    for (int c = 0; c < 4; c++) {
      for (int j = 0; j < 3; j++) {
        assertThat(merged[c][j]).isCloseTo(expected[c][j], within(0.05));
      }
    }
  }

  @Test
  void snapshotStep_testsThenTrains_andCarriesTheStateInBytes() {
    SnapshotStep<SgdClassifier> step =
        new SnapshotStep<>(SgdClassifier.class, () -> SgdClassifier.builder(2).build());
    SgdClassifier direct = SgdClassifier.builder(2).build();
    byte[] state = null;
    for (int i = 0; i < 200; i++) {
      double[] x = {i % 2 == 0 ? 1 : -1, 0.5};
      int label = i % 2 == 0 ? 1 : 0;
      SnapshotStep.Result<Integer> result = step.apply(state, m -> m.predict(x),
          m -> m.learn(x, label));
      assertThat(result.prediction()).isEqualTo(direct.predict(x));
      direct.learn(x, label);
      state = result.state();
    }
    assertThat(state).isEqualTo(Snapshots.write(direct));
    byte[] kmeans = Snapshots.write(twoCentres());
    assertThatThrownBy(() -> step.apply(kmeans, m -> 0, m -> { }))
        .isInstanceOf(SnapshotFormatException.class).hasMessageContaining("not a");
  }

  @Test
  void registry_swapsValidSnapshots_andRejectsBadOnesWhileServing(@TempDir Path dir)
      throws Exception {
    LiveModel<MiniBatchKMeans> live = LiveModel.of(twoCentres(), 1, Long.MAX_VALUE);
    ModelRegistry<MiniBatchKMeans> registry =
        new ModelRegistry<>(live, MiniBatchKMeans.class, 1);
    MiniBatchKMeans next = MiniBatchKMeans.builder(2, 1)
        .initialCenters(new double[][] {{100}, {200}}).build();
    Path file = dir.resolve("model.bin");
    Files.write(file, Snapshots.write(next));
    long version = registry.load(file);
    assertThat(live.predictWithVersion(m -> m.centers()[0][0]))
        .isEqualTo(new LiveModel.Answer<>(version, 100.0));

    byte[] otherType = Snapshots.write(SgdClassifier.builder(1).build());
    assertThatThrownBy(() -> registry.load(otherType)).isInstanceOf(SnapshotFormatException.class);
    byte[] otherDimension = Snapshots.write(MiniBatchKMeans.builder(2, 3).build());
    assertThatThrownBy(() -> registry.load(otherDimension))
        .hasMessageContaining("dimension 3, but the served model has dimension 1");
    byte[] corrupt = Snapshots.write(next);
    corrupt[corrupt.length / 2] ^= 1;
    assertThatThrownBy(() -> registry.load(corrupt)).hasMessageContaining("CRC-32C mismatch");
    assertThat(live.predictWithVersion(m -> m.centers()[0][0]))
        .isEqualTo(new LiveModel.Answer<>(version, 100.0));
  }
}
