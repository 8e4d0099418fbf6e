package org.brookml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.brookml.bayes.GaussianNaiveBayes;
import org.brookml.ensemble.OnlineBagging;
import org.brookml.learner.OnlineClassifier;
import org.brookml.tree.HoeffdingTree;
import org.junit.jupiter.api.Test;

/**
 * Instances are not thread-safe, but sharing one by mistake must not end in a checkpoint that
 * cannot be restored: {@link Snapshots#write} checks that its bytes restore and reports an
 * inconsistent model instead of writing it.
 */
class UnsafeSharingTest {

  @Test
  void aModelWhoseStateCannotRestore_isReportedWhenWritten_forAnyModelType() {
    Snapshots.register(CountingLearner.CODEC);
    CountingLearner model = new CountingLearner(3);
    model.count = -1; // a counter a lost update would never leave, but a torn one might
    assertThatThrownBy(() -> Snapshots.write(model)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("snapshot would not restore")
        .hasMessageContaining("'count'")
        .hasMessageContaining("two threads at once");
  }

  /**
   * Two threads learning one model at once, as a careless caller would: whatever the racing
   * threads did (they may fail, or lose counts), a snapshot written afterwards either restores or
   * is refused with {@link IllegalStateException}, never written unrestorable.
   */
  @Test
  void twoThreadsLearningOneModel_neverLeaveAnUnrestorableSnapshot() throws Exception {
    List<OnlineClassifier> shared = List.of(
        HoeffdingTree.builder(4, 3).gracePeriod(20).build(),
        GaussianNaiveBayes.builder(4, 3).build(),
        OnlineBagging.builder(HoeffdingTree.builder(4, 3).gracePeriod(20).build()).size(3)
            .seed(5).build());
    for (OnlineClassifier model : shared) {
      for (int round = 0; round < 5; round++) {
        race(model, round);
        try {
          byte[] bytes = Snapshots.write(model);
          assertThat(Snapshots.read(bytes)).hasSameClassAs(model);
        } catch (IllegalStateException reported) {
          assertThat(reported).hasMessageContaining("two threads");
          break; // the model is spoilt; the next round would learn nothing new
        }
      }
    }
  }

  private static void race(OnlineClassifier model, int round) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger failures = new AtomicInteger();
    Thread[] threads = new Thread[2];
    for (int t = 0; t < threads.length; t++) {
      SplittableRandom random = new SplittableRandom(31L * round + t);
      threads[t] = new Thread(() -> {
        double[] x = new double[4];
        try {
          start.await();
          for (int i = 0; i < 20_000; i++) {
            for (int j = 0; j < x.length; j++) {
              x[j] = random.nextGaussian();
            }
            model.learn(x, x[0] + x[1] > 0 ? (x[2] > 0 ? 2 : 1) : 0);
          }
        } catch (RuntimeException | InterruptedException e) {
          failures.incrementAndGet(); // a racing thread may fail: that is reported, not silent
        }
      });
      threads[t].start();
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
  }
}
