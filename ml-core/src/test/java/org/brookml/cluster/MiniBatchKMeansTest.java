package org.brookml.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.brookml.cluster.CentroidRate.DecayUnit;
import org.brookml.data.GaussianBlobs;
import org.brookml.io.Snapshots;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.stream.DataParallelTrainer;
import org.brookml.vector.SparseVector;
import org.junit.jupiter.api.Test;

class MiniBatchKMeansTest implements OnlineLearnerContract<MiniBatchKMeans> {

  private static final double[][] PROBES = {
    {0, 0, 0}, {5, 5, 5}, {-5, 2, 1}, {3, -4, 2}, {9, 9, -9}, {-1, -1, -1}, {2, 7, -3}
  };

  // ------------------------------------------------------------------ contract

  @Override
  public MiniBatchKMeans newLearner() {
    return MiniBatchKMeans.builder(4, 3).initBufferSize(100).reassignAfter(1_500).seed(7).build();
  }

  @Override
  public void train(MiniBatchKMeans learner, int n, long dataSeed) {
    GaussianBlobs blobs = new GaussianBlobs(4, 3, 0.5, 6, 0, dataSeed);
    double[] x = new double[3];
    int half = n / 2;
    for (int i = 0; i < half; i++) {
      blobs.next(x);
      learner.learn(x);
    }
    double[] batch = new double[64 * 3];
    int left = n - half;
    while (left > 0) {
      int rows = Math.min(64, left);
      blobs.fill(batch, rows, null);
      learner.learnBatch(batch, rows);
      left -= rows;
    }
  }

  @Override
  public double[] predictions(MiniBatchKMeans learner) {
    double[] out = new double[PROBES.length * 2 + 4 * 3];
    for (int i = 0; i < PROBES.length; i++) {
      out[2 * i] = learner.predict(PROBES[i]);
      out[2 * i + 1] = learner.squaredDistanceToNearest(PROBES[i]);
    }
    double[][] centers = learner.centers();
    for (int c = 0; c < 4; c++) {
      System.arraycopy(centers[c], 0, out, PROBES.length * 2 + c * 3, 3);
    }
    return out;
  }

  @Override
  public Map<String, Consumer<MiniBatchKMeans>> badInputs() {
    Map<String, Consumer<MiniBatchKMeans>> bad = new LinkedHashMap<>();
    bad.put("NaN", m -> m.learn(new double[] {1, Double.NaN, 2}));
    bad.put("infinity", m -> m.learn(new double[] {Double.POSITIVE_INFINITY, 0, 2}));
    bad.put("wrong dimension", m -> m.learn(new double[] {1, 2}));
    bad.put("null", m -> m.learn((double[]) null));
    bad.put("null sparse", m -> m.learn((SparseVector) null));
    bad.put("sparse index out of range", m -> m.learn(new SparseVector().add(3, 1.0)));
    bad.put("sparse NaN", m -> m.learn(new SparseVector().add(0, Double.NaN)));
    bad.put("empty batch", m -> m.learnBatch(new double[0], 0));
    bad.put("batch shorter than rows", m -> m.learnBatch(new double[5], 2));
    bad.put("NaN in the last batch row",
        m -> m.learnBatch(new double[] {1, 2, 3, 4, 5, 6, 7, 8, Double.NaN}, 3));
    // Checked after the nearest-centre search, which must not have changed anything.
    bad.put("a finite value too large to learn, in a batch row",
        m -> m.learnBatch(new double[] {1, 2, 3, 4, 1e300, 6, 7, 8, 9}, 3));
    bad.put("infinity in the first batch row",
        m -> m.learnBatch(new double[] {Double.NEGATIVE_INFINITY, 2, 3, 4, 5, 6}, 2));
    bad.put("negative first row", m -> m.learnBatch(new double[9], -1, 2));
    bad.put("rows past the end", m -> m.learnBatch(new double[9], 2, 2));
    bad.put("predict wrong dimension", m -> m.predict(new double[4]));
    bad.put("merge other k", m -> m.merge(MiniBatchKMeans.builder(3, 3).build()));
    return bad;
  }

  // ------------------------------------------------------------------ the paper's update rule

  private static final double[][] START = {{0, 0}, {10, 0}, {0, 10}};
  private static final double[] BATCH = {1, 1, 9, 1, 2, 0, 8, -1, 0, 12, 11, 1, -1, 0};

  /** Sculley's Algorithm 1, written out: cache nearest centres, then per-example steps. */
  private static double[][] sculleyByHand(double[][] start, double[] batch, double[] counts,
      double discount, double constantRate) {
    double[][] c = {start[0].clone(), start[1].clone(), start[2].clone()};
    int rows = batch.length / 2;
    int[] nearest = new int[rows];
    for (int i = 0; i < rows; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < 3; j++) {
        double dx = batch[2 * i] - c[j][0];
        double dy = batch[2 * i + 1] - c[j][1];
        if (dx * dx + dy * dy < best) {
          best = dx * dx + dy * dy;
          nearest[i] = j;
        }
      }
    }
    for (int j = 0; j < 3; j++) {
      counts[j] *= discount;
    }
    for (int i = 0; i < rows; i++) {
      int j = nearest[i];
      counts[j] += 1;
      double eta = constantRate > 0 ? constantRate : 1.0 / counts[j];
      c[j][0] = (1 - eta) * c[j][0] + eta * batch[2 * i];
      c[j][1] = (1 - eta) * c[j][1] + eta * batch[2 * i + 1];
    }
    return c;
  }

  private static void assertCenters(MiniBatchKMeans model, double[][] expected) {
    double[][] got = model.centers();
    for (int j = 0; j < expected.length; j++) {
      assertThat(got[j]).as("centre " + j).containsExactly(expected[j], within(1e-12));
    }
  }

  @Test
  void learnBatch_followsSculleyAlgorithm1_perCenterRate() {
    MiniBatchKMeans model = MiniBatchKMeans.builder(3, 2).initialCenters(START).build();
    model.learnBatch(BATCH, 7);
    double[] counts = new double[3];
    double[][] expected = sculleyByHand(START, BATCH, counts, 1, 0);
    assertCenters(model, expected);
    assertThat(model.counts()).containsExactly(counts, within(1e-12));
    // A second batch continues from the counts of the first.
    model.learnBatch(BATCH, 7);
    assertCenters(model, sculleyByHand(expected, BATCH, counts, 1, 0));
  }

  @Test
  void learnBatch_constantRate_movesByAlpha() {
    MiniBatchKMeans model =
        MiniBatchKMeans.builder(3, 2).initialCenters(START).rate(CentroidRate.constant(0.1)).build();
    model.learnBatch(BATCH, 7);
    assertCenters(model, sculleyByHand(START, BATCH, new double[3], 1, 0.1));
  }

  @Test
  void forgettingPerBatch_refusesOnePointAtATime_andStaysUnchanged() {
    MiniBatchKMeans model = MiniBatchKMeans.builder(3, 2).initialCenters(START)
        .rate(CentroidRate.halfLife(10, DecayUnit.BATCHES)).build();
    byte[] before = Snapshots.write(model);
    assertThatThrownBy(() -> model.learn(new double[] {1, 2}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("forgets per batch").hasMessageContaining("DecayUnit.POINTS");
    assertThatThrownBy(() -> model.learn(new SparseVector().add(0, 1.0)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(Snapshots.write(model)).isEqualTo(before);
    // Batches, and the same half-life counted in points, learn.
    model.learnBatch(BATCH, 7);
    MiniBatchKMeans perPoint = MiniBatchKMeans.builder(3, 2).initialCenters(START)
        .rate(CentroidRate.halfLife(10, DecayUnit.POINTS)).build();
    perPoint.learn(new double[] {1, 2});
    assertThat(perPoint.samplesSeen()).isEqualTo(1);
  }

  @Test
  void learnBatch_decayPerBatch_discountsCountsLikeSparkStreamingKMeans() {
    MiniBatchKMeans model = MiniBatchKMeans.builder(3, 2).initialCenters(START)
        .rate(CentroidRate.decay(0.5, DecayUnit.BATCHES)).build();
    double[] counts = new double[3];
    double[][] expected = sculleyByHand(START, BATCH, counts, 0.5, 0);
    model.learnBatch(BATCH, 7);
    expected = sculleyByHand(expected, BATCH, counts, 0.5, 0);
    model.learnBatch(BATCH, 7);
    assertCenters(model, expected);
    // Spark's closed form for the second batch: c' = (n a c + m xbar) / (n a + m).
    assertThat(model.counts()).containsExactly(counts, within(1e-12));
  }

  @Test
  void decayPerPoint_discountsByFactorToTheBatchSize() {
    MiniBatchKMeans model = MiniBatchKMeans.builder(3, 2).initialCenters(START)
        .rate(CentroidRate.decay(0.9, DecayUnit.POINTS)).build();
    double[] counts = new double[3];
    double[][] expected = sculleyByHand(START, BATCH, counts, 1, 0);
    model.learnBatch(BATCH, 7);
    expected = sculleyByHand(expected, BATCH, counts, Math.pow(0.9, 7), 0);
    model.learnBatch(BATCH, 7);
    assertCenters(model, expected);
  }

  @Test
  void halfLife_isTheDecayFactorThatHalvesWeight() {
    CentroidRate rate = CentroidRate.halfLife(10, DecayUnit.POINTS);
    assertThat(Math.pow(rate.value(), 10)).isCloseTo(0.5, within(1e-12));
    assertThatThrownBy(() -> CentroidRate.halfLife(0, DecayUnit.POINTS))
        .hasMessageContaining("half-life");
  }

  @Test
  void learn_oneAtATime_isABatchOfOne() {
    MiniBatchKMeans single = MiniBatchKMeans.builder(3, 2).initialCenters(START).build();
    double[] counts = new double[3];
    double[][] expected = START;
    for (int i = 0; i < 7; i++) {
      double[] x = {BATCH[2 * i], BATCH[2 * i + 1]};
      single.learn(x);
      expected = sculleyByHand(expected, x, counts, 1, 0);
    }
    assertCenters(single, expected);
  }

  // ------------------------------------------------------------------ known results

  @Test
  void gaussianBlobs_centresMatchTheTrueOnes() {
    GaussianBlobs blobs = new GaussianBlobs(5, 4, 0.3, 10, 0, 11);
    MiniBatchKMeans model = MiniBatchKMeans.builder(5, 4).seed(3).build();
    double[] batch = new double[256 * 4];
    for (int b = 0; b < 200; b++) {
      blobs.fill(batch, 256, null);
      model.learnBatch(batch, 256);
    }
    assertThat(maxCenterError(model.centers(), blobs.centers())).isLessThan(0.05);
  }

  @Test
  void skinSegmentation_inertiaWithinAFewPercentOfLloyd() {
    double[] xs = SkinData.shuffled(2024);
    int n = SkinData.ROWS;
    int k = 8;
    double lloyd = LloydReference.bestInertia(xs, n, 3, k, 3);

    MiniBatchKMeans onePass = MiniBatchKMeans.builder(k, 3).initBufferSize(3 * 1024).seed(1).build();
    MiniBatchKMeans threePasses = onePass.copy();
    feed(onePass, xs, n, 1024, 1);
    feed(threePasses, xs, n, 1024, 3);
    double ratioOne = onePass.inertia(xs, n) / lloyd;
    double ratioThree = threePasses.inertia(xs, n) / lloyd;
    System.out.printf("skin k=%d: Lloyd %.6g, mini-batch one pass x%.4f, three passes x%.4f%n",
        k, lloyd, ratioOne, ratioThree);
    assertThat(ratioOne).isBetween(0.99, 1.05);
    assertThat(ratioThree).isBetween(0.99, 1.03);
  }

  /**
   * Skin segmentation, k = 8, one pass in batches of 1,024 (the first three seed k-means++): one
   * model, against the same model trained by {@link DataParallelTrainer} on 2 threads, each call
   * 16 batches per thread whose centres are then merged by count. Inertia within 0.5%.
   */
  @Test
  void dataParallel_twoThreads_inertiaWithinHalfAPercentOfOneModel() {
    double[] xs = SkinData.shuffled(2024);
    int n = SkinData.ROWS;
    int batch = 1_024;
    MiniBatchKMeans one = MiniBatchKMeans.builder(8, 3).initBufferSize(3 * batch).seed(1).build();
    feed(one, xs, 3 * batch, batch, 1);
    MiniBatchKMeans parallel = one.copy();
    for (int start = 3 * batch; start < n; start += batch) {
      one.learnBatch(xs, start, Math.min(batch, n - start));
    }
    int call = 2 * 16 * batch;
    try (DataParallelTrainer<MiniBatchKMeans> trainer = DataParallelTrainer.of(parallel, 2)) {
      for (int start = 3 * batch; start < n; start += call) {
        trainer.learn(start, Math.min(call, n - start), (m, from, rows) -> {
          for (int b = from; b < from + rows; b += batch) {
            m.learnBatch(xs, b, Math.min(batch, from + rows - b));
          }
        });
      }
    }
    double ratio = parallel.inertia(xs, n) / one.inertia(xs, n);
    System.out.printf("skin k=8: 2 threads / one model inertia %.5f%n", ratio);
    assertThat(parallel.samplesSeen()).isEqualTo(one.samplesSeen());
    assertThat(ratio).isBetween(0.995, 1.005).isCloseTo(RATIO_2_THREADS, within(1e-5));
  }

  /** The README's figure for {@link #dataParallel_twoThreads_inertiaWithinHalfAPercentOfOneModel}. */
  private static final double RATIO_2_THREADS = 1.00082;

  private static void feed(MiniBatchKMeans model, double[] xs, int n, int batch, int passes) {
    double[] rows = new double[batch * 3];
    for (int p = 0; p < passes; p++) {
      for (int start = 0; start < n; start += batch) {
        int count = Math.min(batch, n - start);
        System.arraycopy(xs, start * 3, rows, 0, count * 3);
        model.learnBatch(rows, count);
      }
    }
  }

  @Test
  void forgetting_followsAMovingBlob_whileTheRunningMeanLags() {
    GaussianBlobs blobs = new GaussianBlobs(3, 2, 0.2, 10, 0.0005, 5);
    MiniBatchKMeans forgetting = MiniBatchKMeans.builder(3, 2)
        .rate(CentroidRate.halfLife(500, DecayUnit.POINTS)).seed(9).build();
    MiniBatchKMeans runningMean = MiniBatchKMeans.builder(3, 2).seed(9).build();
    double[] batch = new double[100 * 2];
    for (int b = 0; b < 600; b++) {
      blobs.fill(batch, 100, null);
      forgetting.learnBatch(batch, 100);
      runningMean.learnBatch(batch, 100);
    }
    // 60,000 points at 0.0005 per point: each blob moved 30 units (bouncing in a box of 20).
    double[][] truth = blobs.centers();
    double followError = maxCenterError(forgetting.centers(), truth);
    double lagError = maxCenterError(runningMean.centers(), truth);
    System.out.printf("moving blobs: centre error with forgetting %.3f, running mean %.3f%n",
        followError, lagError);
    assertThat(followError).isLessThan(1.0);
    assertThat(lagError).isGreaterThan(3 * followError).isGreaterThan(2.0);
  }

  /** Largest distance from a true centre to the nearest learned one. */
  private static double maxCenterError(double[][] learned, double[][] truth) {
    double worst = 0;
    for (double[] t : truth) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] c : learned) {
        double sum = 0;
        for (int j = 0; j < t.length; j++) {
          sum += (t[j] - c[j]) * (t[j] - c[j]);
        }
        best = Math.min(best, Math.sqrt(sum));
      }
      worst = Math.max(worst, best);
    }
    return worst;
  }

  // ------------------------------------------------------------------ merge, re-seeding, inputs

  @Test
  void merge_isTheCountWeightedMean() {
    MiniBatchKMeans a = MiniBatchKMeans.builder(2, 1)
        .initialCenters(new double[][] {{0}, {10}}).build();
    MiniBatchKMeans b = a.copy();
    a.learnBatch(new double[] {1, 1, 1, 9}, 4); // centre 0 <- 3 points at 1; centre 1 <- 9
    b.learnBatch(new double[] {3, 12, 12, 12}, 4); // centre 0 <- 3; centre 1 <- 3 points at 12
    a.merge(b);
    assertThat(a.centers()[0][0]).isCloseTo((3 * 1 + 1 * 3) / 4.0, within(1e-12));
    assertThat(a.centers()[1][0]).isCloseTo((1 * 9 + 3 * 12) / 4.0, within(1e-12));
    assertThat(a.counts()).containsExactly(4, 4);
    assertThat(a.samplesSeen()).isEqualTo(8);
  }

  @Test
  void merge_ofReplicasOnDisjointHalves_matchesOneModelOnAll() {
    GaussianBlobs blobs = new GaussianBlobs(4, 3, 0.4, 8, 0, 21);
    double[] seedRows = new double[400 * 3];
    blobs.fill(seedRows, 400, null);
    MiniBatchKMeans base = MiniBatchKMeans.builder(4, 3).initBufferSize(400).seed(2).build();
    base.learnBatch(seedRows, 400);
    MiniBatchKMeans left = base.copy();
    MiniBatchKMeans right = base.copy();
    MiniBatchKMeans all = base.copy();
    double[] rows = new double[500 * 3];
    for (int i = 0; i < 40; i++) {
      blobs.fill(rows, 500, null);
      (i % 2 == 0 ? left : right).learnBatch(rows, 500);
      all.learnBatch(rows, 500);
    }
    left.merge(right);
    assertThat(maxCenterError(left.centers(), all.centers())).isLessThan(0.02);
    assertThat(maxCenterError(left.centers(), blobs.centers())).isLessThan(0.05);
  }

  @Test
  void deadCentre_isReseededOntoTheData_onlyWhenAsked() {
    double[][] start = {{0, 0}, {1, 1}, {1000, 1000}};
    MiniBatchKMeans repaired = MiniBatchKMeans.builder(3, 2).initialCenters(start)
        .reassignAfter(500).seed(4).build();
    MiniBatchKMeans stuck = MiniBatchKMeans.builder(3, 2).initialCenters(start).build();
    double[][] truth = {{-4, -4}, {4, -4}, {0, 5}};
    java.util.SplittableRandom random = new java.util.SplittableRandom(8);
    double[] batch = new double[50 * 2];
    for (int b = 0; b < 100; b++) {
      for (int r = 0; r < 50; r++) {
        double[] blob = truth[random.nextInt(3)];
        batch[2 * r] = blob[0] + 0.3 * random.nextGaussian();
        batch[2 * r + 1] = blob[1] + 0.3 * random.nextGaussian();
      }
      repaired.learnBatch(batch, 50);
      stuck.learnBatch(batch, 50);
    }
    assertThat(stuck.centers()[2]).containsExactly(1000, 1000);
    assertThat(maxCenterError(stuck.centers(), truth)).isGreaterThan(3.0);
    // Every blob now has a centre of its own. It sits a little off the true one: with the 1/count
    // rate a centre stays the mean of all it ever won, including the other blob's points it took
    // before the repair.
    assertThat(maxCenterError(repaired.centers(), truth)).isLessThan(1.0);
    assertThat(java.util.Arrays.stream(repaired.counts()).min().orElseThrow()).isGreaterThan(1_300);
  }

  @Test
  void denseSparseAndMatrixInputs_giveTheSameModel() {
    GaussianBlobs blobs = new GaussianBlobs(3, 5, 1, 5, 0, 3);
    double[] rows = new double[300 * 5];
    blobs.fill(rows, 300, null);
    MiniBatchKMeans dense = MiniBatchKMeans.builder(3, 5).initBufferSize(60).build();
    MiniBatchKMeans sparse = dense.copy();
    MiniBatchKMeans flatBatch = dense.copy();
    SparseVector sv = new SparseVector();
    for (int r = 0; r < 300; r++) {
      double[] x = java.util.Arrays.copyOfRange(rows, r * 5, r * 5 + 5);
      dense.learn(x);
      sv.clear();
      for (int j = 4; j >= 0; j--) {
        if (j != 2) {
          sv.add(j, x[j]);
        }
      }
      sv.add(2, x[2]);
      sparse.learn(sv);
    }
    assertThat(Snapshots.write(sparse)).isEqualTo(Snapshots.write(dense));
    assertThat(sparse.predict(sv)).isEqualTo(dense.predict(sv.toDense(new double[5])));
    flatBatch.learnBatch(rows, 300);
    MiniBatchKMeans fromOffsets = dense.toBuilder().build();
    fromOffsets.learnBatch(rows, 0, 100);
    fromOffsets.learnBatch(rows, 100, 200);
    MiniBatchKMeans twoBatches = dense.toBuilder().build();
    twoBatches.learnBatch(java.util.Arrays.copyOfRange(rows, 0, 500), 100);
    twoBatches.learnBatch(java.util.Arrays.copyOfRange(rows, 500, 1500), 200);
    assertThat(Snapshots.write(fromOffsets)).isEqualTo(Snapshots.write(twoBatches));
  }

  @Test
  void predictAndCenters_beforeSeeding_sayHowManyExamplesAreMissing() {
    MiniBatchKMeans model = MiniBatchKMeans.builder(2, 2).initBufferSize(10).build();
    model.learn(new double[] {1, 2});
    assertThat(model.isReady()).isFalse();
    assertThatThrownBy(() -> model.predict(new double[] {1, 2}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("buffered 1 of the 10");
    // No centres exist yet: centers() says so too, instead of answering zeros.
    assertThatThrownBy(model::centers).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("buffered 1 of the 10");
    for (int i = 0; i < 9; i++) {
      model.learn(new double[] {i, -i});
    }
    assertThat(model.isReady()).isTrue();
    assertThat(model.samplesSeen()).isEqualTo(10);
    assertThat(model.counts()[0] + model.counts()[1]).isEqualTo(10);
  }

  @Test
  void builder_rejectsBadSettings_namingThem() {
    assertThatThrownBy(() -> MiniBatchKMeans.builder(0, 3))
        .hasMessage("k must be in 1..134217728, got 0");
    assertThatThrownBy(() -> MiniBatchKMeans.builder(2, 0))
        .hasMessage("dimension must be in 1..16777216, got 0");
    assertThatThrownBy(() -> MiniBatchKMeans.builder(4, 3).initBufferSize(3))
        .hasMessageContaining("initBufferSize must be >= k (4), got 3");
    assertThatThrownBy(() -> MiniBatchKMeans.builder(2, 1).reassignAfter(-1))
        .hasMessageContaining("reassignAfter");
    assertThatThrownBy(() -> MiniBatchKMeans.builder(2, 1).initialCenters(new double[][] {{0}}))
        .hasMessageContaining("expected k = 2");
    assertThatThrownBy(() -> MiniBatchKMeans.builder(1, 1)
        .initialCenters(new double[][] {{Double.NaN}})).hasMessageContaining("not finite");
    assertThatThrownBy(() -> CentroidRate.constant(1.5)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> CentroidRate.decay(-0.1, DecayUnit.BATCHES))
        .hasMessageContaining("decay factor");
  }

  @Test
  void toString_showsConfiguration() {
    assertThat(MiniBatchKMeans.builder(4, 3).rate(CentroidRate.decay(0.5, DecayUnit.POINTS))
        .build().toString())
        .isEqualTo("MiniBatchKMeans{k=4, dimension=3, rate=decay(0.5 per points), "
            + "init=k-means++ over 256, reassignAfter=never, seed=42, samplesSeen=0}");
  }
}
