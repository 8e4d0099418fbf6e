package org.brookml.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.brookml.learner.OnlineClassifier;
import org.brookml.tree.HoeffdingTree;
import org.junit.jupiter.api.Test;

/** The member threads of an ensemble end with it. */
class MemberThreadsTest {

  private static Set<Thread> memberThreads() {
    Set<Thread> threads = new HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("brook-members-")) {
        threads.add(t);
      }
    }
    return threads;
  }

  /**
   * An ensemble on two threads that learned and voted (row by row, and in batches) and is then
   * dropped becomes unreachable, and its worker thread ends: the workers keep no hold on the
   * ensemble between calls, so a service that replaces its model does not keep every old one.
   */
  @Test
  void anEnsembleOnTwoThreads_isCollected_andItsWorkerEnds() throws InterruptedException {
    Set<Thread> before = memberThreads();
    WeakReference<OnlineClassifier>[] dropped = trainAndDrop();
    Set<Thread> started = memberThreads();
    started.removeAll(before);
    assertThat(started).hasSize(dropped.length);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline && !(allCleared(dropped) && allEnded(started))) {
      System.gc();
      Thread.sleep(20);
    }
    for (WeakReference<OnlineClassifier> ref : dropped) {
      assertThat(ref.get()).as("a dropped ensemble is still reachable").isNull();
    }
    assertThat(allEnded(started)).as("the dropped ensembles' workers ended").isTrue();
  }

  @SuppressWarnings("unchecked")
  private static WeakReference<OnlineClassifier>[] trainAndDrop() {
    OnlineClassifier[] ensembles = {
        AdaptiveRandomForest.builder(4, 2).size(4).threads(2).build(),
        StreamingRandomPatches.builder(4, 2).size(4).threads(2).build(),
        LeveragingBagging.builder(HoeffdingTree.builder(4, 2).build()).size(4).threads(2).build()};
    SplittableRandom random = new SplittableRandom(1);
    double[] xs = new double[400 * 4];
    int[] labels = new int[400];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = random.nextDouble();
    }
    for (int r = 0; r < labels.length; r++) {
      labels[r] = xs[r * 4] > xs[r * 4 + 1] ? 1 : 0;
    }
    WeakReference<OnlineClassifier>[] refs = new WeakReference[ensembles.length];
    for (int e = 0; e < ensembles.length; e++) {
      OnlineClassifier ensemble = ensembles[e];
      ensemble.predictThenLearnBatch(xs, 0, 200, labels, new int[400]);
      ensemble.learnBatch(xs, 200, 100, labels);
      for (int r = 300; r < 400; r++) {
        double[] x = java.util.Arrays.copyOfRange(xs, r * 4, r * 4 + 4);
        ensemble.predict(x);
        ensemble.learn(x, labels[r]);
      }
      refs[e] = new WeakReference<>(ensemble);
    }
    return refs;
  }

  private static boolean allCleared(WeakReference<?>[] refs) {
    for (WeakReference<?> ref : refs) {
      if (ref.get() != null) {
        return false;
      }
    }
    return true;
  }

  private static boolean allEnded(Set<Thread> threads) {
    for (Thread t : threads) {
      if (t.isAlive()) {
        return false;
      }
    }
    return true;
  }
}
