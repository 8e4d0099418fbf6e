package org.brookml.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.brookml.learner.OnlineLearner;
import org.junit.jupiter.api.Test;

class LiveModelTest {

  /**
   * A model whose whole state is one number written into many cells: a reader that saw a
   * half-updated model would find cells that disagree. {@code learn} adds 1 to every cell.
   */
  static final class Tally implements OnlineLearner {
    final long[] cells = new long[512];

    Tally(long start) {
      Arrays.fill(cells, start);
    }

    void learn() {
      for (int i = 0; i < cells.length; i++) {
        cells[i]++;
      }
    }

    /** The tally, or throws if the cells disagree. */
    long read() {
      long first = cells[0];
      for (long cell : cells) {
        if (cell != first) {
          throw new AssertionError("torn model: " + first + " vs " + cell);
        }
      }
      return first;
    }

    @Override
    public int dimension() {
      return 1;
    }

    @Override
    public long samplesSeen() {
      return cells[0];
    }

    @Override
    public Tally copy() {
      Tally copy = new Tally(0);
      System.arraycopy(cells, 0, copy.cells, 0, cells.length);
      return copy;
    }

    @Override
    public void reset() {
      Arrays.fill(cells, 0);
    }
  }

  @Test
  void publishesEveryNExamples_andReadersSeeOnlyPublishedVersions() {
    LiveModel<Tally> live = LiveModel.of(new Tally(0), 3, Long.MAX_VALUE);
    assertThat(live.version()).isEqualTo(1);
    live.learn(Tally::learn);
    live.learn(Tally::learn);
    assertThat(live.predict(Tally::read)).isZero(); // not published yet
    live.learn(Tally::learn);
    assertThat(live.version()).isEqualTo(2);
    assertThat(live.predictWithVersion(Tally::read)).isEqualTo(new LiveModel.Answer<>(2, 3L));
    live.learn(Tally::learn);
    live.publishNow();
    assertThat(live.predict(Tally::read)).isEqualTo(4);
  }

  @Test
  void publishesWhenTheIntervalHasPassed() {
    AtomicLong now = new AtomicLong();
    LiveModel<Tally> live = LiveModel.of(new Tally(0), 1_000, 50, now::get);
    live.learn(Tally::learn);
    assertThat(live.version()).isEqualTo(1);
    now.addAndGet(50);
    live.learn(Tally::learn);
    assertThat(live.version()).isEqualTo(2);
    assertThat(live.predict(Tally::read)).isEqualTo(2);
  }

  @Test
  void swap_isServedAtOnce_andTheWriterContinuesFromIt() {
    LiveModel<Tally> live = LiveModel.of(new Tally(0), 1, Long.MAX_VALUE);
    live.learn(Tally::learn);
    long version = live.swap(new Tally(1_000));
    assertThat(live.predictWithVersion(Tally::read))
        .isEqualTo(new LiveModel.Answer<>(version, 1_000L));
    live.learn(Tally::learn);
    assertThat(live.predict(Tally::read)).isEqualTo(1_001);
  }

  @Test
  void onlyOneThreadMayLearn() throws Exception {
    LiveModel<Tally> live = LiveModel.of(new Tally(0), 1, Long.MAX_VALUE);
    live.learn(Tally::learn);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<?> attempt = other.submit(() -> live.learn(Tally::learn));
      assertThatThrownBy(attempt::get).hasCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("one writer thread");
    } finally {
      other.shutdownNow();
    }
    assertThatThrownBy(() -> LiveModel.of(new Tally(0), 0, 1)).hasMessageContaining("publishEvery");
  }

  /**
   * Readers predict while the writer learns and publishes and another thread hot-swaps, for a
   * bounded time: no exception, no torn model, and every version gives every reader the same
   * answer.
   */
  @Test
  void stress_readersNeverSeeAHalfUpdatedModel() throws Exception {
    LiveModel<Tally> live = LiveModel.of(new Tally(0), 7, TimeUnit.MILLISECONDS.toNanos(1));
    ConcurrentHashMap<Long, Long> answerOfVersion = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong answers = new AtomicLong();
    AtomicLong swaps = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(5);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> tasks = new ArrayList<>();
    tasks.add(pool.submit(() -> {
      start.await();
      while (!stop.get()) {
        live.learn(Tally::learn);
      }
      return null;
    }));
    tasks.add(pool.submit(() -> {
      start.await();
      for (long base = 1_000_000_000L; !stop.get(); base += 1_000_000_000L) {
        live.swap(new Tally(base));
        swaps.incrementAndGet();
        Thread.sleep(20);
      }
      return null;
    }));
    for (int r = 0; r < 3; r++) {
      tasks.add(pool.submit(() -> {
        start.await();
        while (!stop.get()) {
          LiveModel.Answer<Long> answer = live.predictWithVersion(Tally::read);
          Long earlier = answerOfVersion.putIfAbsent(answer.version(), answer.value());
          if (earlier != null && !earlier.equals(answer.value())) {
            throw new AssertionError("version " + answer.version() + " answered " + earlier
                + " and " + answer.value());
          }
          answers.incrementAndGet();
        }
        return null;
      }));
    }
    start.countDown();
    Thread.sleep(1_500);
    stop.set(true);
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    for (Future<?> task : tasks) {
      task.get(); // rethrows any failure of a writer, swapper or reader
    }
    assertThat(answers.get()).isGreaterThan(1_000);
    assertThat(swaps.get()).isGreaterThan(10);
    assertThat(answerOfVersion.size()).isGreaterThan(20);
  }
}
