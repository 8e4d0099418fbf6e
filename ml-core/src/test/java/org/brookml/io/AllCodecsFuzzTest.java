package org.brookml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.brookml.bayes.GaussianNaiveBayes;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.ensemble.OnlineAdaBoost;
import org.brookml.ensemble.OnlineBagging;
import org.brookml.learner.OnlineLearner;
import org.brookml.linear.LearningRate;
import org.brookml.linear.Losses;
import org.brookml.linear.Optimizer;
import org.brookml.linear.RecursiveLeastSquares;
import org.brookml.linear.SgdClassifier;
import org.brookml.linear.SgdRegressor;
import org.brookml.linear.SoftmaxRegression;
import org.brookml.preprocess.FeatureHasher;
import org.brookml.preprocess.HashedClassifier;
import org.brookml.preprocess.ScaledClassifier;
import org.brookml.preprocess.ScaledRegressor;
import org.brookml.svm.PegasosSvm;
import org.brookml.tree.HoeffdingTree;
import org.junit.jupiter.api.Test;

/**
 * Every built-in model type's codec against corrupted snapshots whose checksum was recomputed (as a
 * buggy or hostile writer would produce): each must be rejected with SnapshotFormatException or
 * restore to a usable model, never fail in another way.
 */
class AllCodecsFuzzTest {

  private static List<OnlineLearner> trainedModels() {
    SplittableRandom random = new SplittableRandom(1);
    double[] x = new double[4];
    SgdClassifier logistic = SgdClassifier.builder(4)
        .optimizer(Optimizer.averagedSgd(LearningRate.optimal(1e-3), 1e-3, 0.3, 1)).build();
    SgdClassifier ftrl = SgdClassifier.builder(4).optimizer(Optimizer.ftrl(0.1, 1, 0.01, 0.01))
        .build();
    SgdRegressor poisson = SgdRegressor.builder(4).loss(Losses.poisson())
        .optimizer(Optimizer.adam(0.01, 0.9, 0.999, 0)).build();
    SoftmaxRegression softmax = SoftmaxRegression.create(4, 3, Optimizer.adaGrad(0.1, 0));
    RecursiveLeastSquares rls = RecursiveLeastSquares.create(4, 0.99, 100);
    PegasosSvm pegasos = PegasosSvm.builder(4, 3).averaging(true).build();
    ScaledClassifier scaled = ScaledClassifier.of(SgdClassifier.builder(4).build());
    ScaledRegressor scaledRegression = ScaledRegressor.of(SgdRegressor.builder(4).build());
    HashedClassifier hashed = HashedClassifier.of(new FeatureHasher(3, true),
        SgdClassifier.builder(8).optimizer(Optimizer.adaGrad(0.1, 0)).build());
    MiniBatchKMeans kmeans = MiniBatchKMeans.builder(3, 4).initBufferSize(20).build();
    GaussianNaiveBayes bayes = GaussianNaiveBayes.create(4, 3);
    HoeffdingTree tree = HoeffdingTree.builder(4, 2).gracePeriod(20).build();
    OnlineBagging bagging = OnlineBagging.builder(HoeffdingTree.builder(4, 2).gracePeriod(20)
        .build()).size(2).adwin(0.01).build();
    OnlineAdaBoost boost = OnlineAdaBoost.builder(GaussianNaiveBayes.create(4, 2)).size(2).build();
    for (int i = 0; i < 200; i++) {
      for (int j = 0; j < 4; j++) {
        x[j] = random.nextGaussian();
      }
      int label = x[0] > 0 ? 1 : 0;
      logistic.learn(x, label);
      ftrl.learn(x, label);
      poisson.learn(x, random.nextInt(4));
      softmax.learn(x, random.nextInt(3));
      rls.learn(x, x[0] + 2 * x[1]);
      pegasos.learn(x, random.nextInt(3));
      scaled.learn(x, label);
      scaledRegression.learn(x, x[2]);
      hashed.learn(Map.of("a", x[0], "b", x[1] > 0 ? "up" : "down"), label);
      kmeans.learn(x);
      bayes.learn(x, random.nextInt(3));
      tree.learn(x, label);
      bagging.learn(x, label);
      boost.learn(x, label);
    }
    return List.of(logistic, ftrl, poisson, softmax, rls, pegasos, scaled, scaledRegression,
        hashed, kmeans, bayes, tree, bagging, boost);
  }

  private static void resign(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    int value = (int) crc.getValue();
    for (int i = 0; i < 4; i++) {
      bytes[bytes.length - 4 + i] = (byte) (value >>> (24 - 8 * i));
    }
  }

  @Test
  void resignedMutations_areRejectedCleanly_orRestoreToAUsableModel() {
    SplittableRandom random = new SplittableRandom(7);
    for (OnlineLearner model : trainedModels()) {
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
        resign(bad);
        try {
          OnlineLearner restored = Snapshots.read(bad);
          Snapshots.read(Snapshots.write(restored)); // usable: it snapshots again
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
}
