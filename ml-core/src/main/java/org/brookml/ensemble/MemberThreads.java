package org.brookml.ensemble;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that run one task over the members of an ensemble, and return
 * when all are done. A task per example is split into contiguous ranges: the calling thread takes
 * the first range, each worker one of the others (always the same one, so that a member's state
 * stays in one core's cache). A task over many rows is claimed member by member instead, each
 * thread taking the next member left, so that a member that costs more than the others (a larger
 * tree, a background learner) does not hold one thread up while the other waits. Workers spin
 * briefly for the next task (an ensemble calls once per example), then park. What a worker wrote
 * is visible to the caller when the call returns. Not reentrant; one caller at a time. {@link
 * #close} stops the workers.
 */
final class MemberThreads implements AutoCloseable {

  /** Work on members {@code [from, to)}. */
  interface Task {
    void run(int from, int to);
  }

  /** How long an idle worker spins before it parks. */
  private static final long SPIN_NANOS = 50_000;

  private final Thread[] workers;
  private final int threads;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicInteger nextClaim = new AtomicInteger();
  private volatile int generation;
  private volatile boolean closed;
  private Task task;
  private int members;
  private boolean claimed;
  private volatile Throwable failure;

  /** Starts {@code threads - 1} workers ({@code threads >= 2}). */
  MemberThreads(int threads) {
    this.threads = threads;
    this.workers = new Thread[threads - 1];
    for (int w = 0; w < workers.length; w++) {
      int part = w + 1;
      workers[w] = new Thread(() -> work(part), "brook-members-" + part);
      workers[w].setDaemon(true);
      workers[w].start();
    }
  }

  /**
   * Runs {@code task} over members {@code [0, n)} on every thread, in fixed ranges or {@code
   * claimed} one member at a time; returns when all are done.
   */
  void forEach(int n, Task task, boolean claimed) {
    this.task = task;
    this.members = n;
    this.claimed = claimed;
    this.failure = null;
    nextClaim.set(0);
    pending.set(workers.length);
    generation++; // publishes the task, its members and its mode to the workers
    for (Thread worker : workers) {
      LockSupport.unpark(worker);
    }
    try {
      runPart(0);
    } finally { // the workers finish this task before the caller goes on, even after a failure
      while (pending.get() > 0) {
        Thread.onSpinWait();
      }
      this.task = null; // the task holds its ensemble, which must stay collectable between calls
    }
    Throwable f = failure;
    failure = null;
    if (f != null) {
      throw new IllegalStateException("a member failed on another thread: " + f, f);
    }
  }

  /** Thread {@code part}'s share of the current task. */
  private void runPart(int part) {
    if (claimed) {
      for (int m = nextClaim.getAndIncrement(); m < members; m = nextClaim.getAndIncrement()) {
        task.run(m, m + 1);
      }
    } else {
      task.run(bound(members, part), bound(members, part + 1));
    }
  }

  /** The first member of range {@code part} of {@code n}. */
  private int bound(int n, int part) {
    return (int) ((long) n * part / threads);
  }

  private void work(int part) {
    int seen = 0;
    while (true) {
      long idleSince = System.nanoTime();
      while (generation == seen && !closed) {
        if (System.nanoTime() - idleSince < SPIN_NANOS) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
      if (closed) {
        return;
      }
      seen = generation;
      try {
        runPart(part);
      } catch (Throwable t) {
        failure = t;
      }
      pending.decrementAndGet();
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Thread worker : workers) {
      LockSupport.unpark(worker);
    }
  }

  /**
   * Runs member tasks for one ensemble: on the calling thread when it has one thread (or one
   * member), else on a {@link MemberThreads} started at the first call and stopped once the
   * ensemble is unreachable.
   */
  static final class Runner {
    private static final Cleaner CLEANER = Cleaner.create();

    private final int threads;
    private MemberThreads pool;

    Runner(int threads) {
      this.threads = threads;
    }

    /** Runs {@code task} over members {@code [0, n)} of {@code owner}, in fixed ranges. */
    void run(Object owner, int n, Task task) {
      run(owner, n, task, false);
    }

    /** Runs {@code task} over members {@code [0, n)} of {@code owner}, claimed one at a time. */
    void runClaimed(Object owner, int n, Task task) {
      run(owner, n, task, true);
    }

    private void run(Object owner, int n, Task task, boolean claimed) {
      if (threads == 1 || n == 1) {
        task.run(0, n);
        return;
      }
      if (pool == null) {
        MemberThreads created = new MemberThreads(Math.min(threads, n));
        CLEANER.register(owner, created::close);
        pool = created;
      }
      pool.forEach(n, task, claimed);
    }
  }
}
