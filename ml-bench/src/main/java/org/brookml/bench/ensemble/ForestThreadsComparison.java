package org.brookml.bench.ensemble;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.brookml.ensemble.AdaptiveRandomForest;
import org.brookml.ensemble.LeveragingBagging;
import org.brookml.ensemble.StreamingRandomPatches;
import org.brookml.learner.OnlineClassifier;
import org.brookml.tree.HoeffdingTree;

/**
 * Thread scaling of ensemble members, one thread against two in the same JVM on the same rows, as
 * a fraction of this machine's two-core ceiling for the same work. For the adaptive random forest,
 * streaming random patches and leveraging bagging (10 members by default): a model with {@code
 * threads(1)}, one with {@code threads(2)}, and two more copies of the first, all grown on the
 * same 20,000 rows ({@link NumericStream}, 8 features), go through the next 60 chunks of 4,000
 * rows each, in one of four ways: {@code predictThenLearnBatch}, {@code learnBatch}, and row by
 * row {@code predictThenLearn} or {@code predict} then {@code learn}. Per chunk, three timed turns
 * in a rotating order: the one-thread model; the two-thread model; and the two copies at once, one
 * on this thread and one on a helper thread (nothing shared, no hand-offs: what two cores give
 * this work, the ceiling). The first 20 chunks warm up; the times of the other 40 are summed per
 * turn. The scaling is one thread's time over two threads'; the ceiling is twice one thread's time
 * over the pair's; the fraction is the one over the other. The models give the same answers,
 * checked chunk by chunk. Taking turns in one JVM keeps the JIT's and the machine's state the same
 * for every side, which separate JMH forks on this 2-core VM did not (their ratios moved by +-0.3
 * from run to run).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp ml-bench/target/benchmarks.jar
 * org.brookml.bench.ensemble.ForestThreadsComparison [members] [smoke]}; {@code smoke} takes three
 * chunks of 200 rows, to check that the program runs.
 */
public final class ForestThreadsComparison {

  private static final int FEATURES = 8;

  private ForestThreadsComparison() {}

  /** Runs the comparison and prints one line per learner and call. */
  public static void main(String[] args) {
    int members = args.length > 0 && !args[0].equals("smoke") ? Integer.parseInt(args[0]) : 10;
    boolean smoke = Arrays.asList(args).contains("smoke");
    int warm = smoke ? 1_000 : 20_000;
    int chunk = smoke ? 200 : 4_000;
    int chunks = smoke ? 3 : 60;
    int measuredFrom = smoke ? 1 : 20;
    int n = warm + chunk * chunks;
    double[] rows = new double[n * FEATURES];
    int[] labels = new int[n];
    NumericStream stream = new NumericStream(FEATURES, 1);
    double[] x = new double[FEATURES];
    for (int r = 0; r < n; r++) {
      labels[r] = stream.next(x);
      System.arraycopy(x, 0, rows, r * FEATURES, FEATURES);
    }
    System.out.printf("%d members, %d chunks of %d rows after %d, the last %d timed;"
        + " available processors: %d%n", members, chunks, chunk, warm, chunks - measuredFrom,
        Runtime.getRuntime().availableProcessors());
    System.out.printf("%-26s %-22s %9s %9s %9s %8s %8s %9s%n", "learner", "call", "1 thr ms",
        "2 thr ms", "pair ms", "scaling", "ceiling", "fraction");
    ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "pair-helper");
      t.setDaemon(true);
      return t;
    });
    for (String learner : new String[] {"adaptive random forest", "streaming random patches",
        "leveraging bagging"}) {
      for (String call : new String[] {"predictThenLearnBatch", "learnBatch", "predictThenLearn",
          "predict + learn"}) {
        OnlineClassifier one = model(learner, members, 1);
        OnlineClassifier two = model(learner, members, 2);
        OnlineClassifier[] pair = {model(learner, members, 1), model(learner, members, 1)};
        for (OnlineClassifier m : new OnlineClassifier[] {one, two, pair[0], pair[1]}) {
          m.learnBatch(rows, 0, warm, labels);
        }
        double[] millis = new double[3];
        int[][] answers = new int[4][n];
        for (int c = 0; c < chunks; c++) {
          int from = warm + c * chunk;
          for (int turn = 0; turn < 3; turn++) {
            int side = (turn + c) % 3;
            long start = System.nanoTime();
            if (side == 0) {
              run(one, call, rows, from, chunk, labels, answers[0]);
            } else if (side == 1) {
              run(two, call, rows, from, chunk, labels, answers[1]);
            } else {
              Future<?> other = helper.submit(
                  () -> run(pair[1], call, rows, from, chunk, labels, answers[3]));
              run(pair[0], call, rows, from, chunk, labels, answers[2]);
              join(other);
            }
            if (c >= measuredFrom) {
              millis[side] += (System.nanoTime() - start) / 1e6;
            }
          }
          for (int side = 1; side < 4; side++) {
            if (!Arrays.equals(answers[0], from, from + chunk, answers[side], from, from + chunk)) {
              throw new IllegalStateException(learner + ": the models answered differently");
            }
          }
        }
        double scaling = millis[0] / millis[1];
        double ceiling = 2 * millis[0] / millis[2];
        System.out.printf("%-26s %-22s %9.0f %9.0f %9.0f %7.2fx %7.2fx %9.2f%n", learner, call,
            millis[0], millis[1], millis[2], scaling, ceiling, scaling / ceiling);
      }
    }
    helper.shutdown();
  }

  private static void join(Future<?> task) {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static OnlineClassifier model(String learner, int members, int threads) {
    switch (learner) {
      case "adaptive random forest":
        return AdaptiveRandomForest.builder(FEATURES, 2).size(members).threads(threads).build();
      case "streaming random patches":
        return StreamingRandomPatches.builder(FEATURES, 2).size(members).threads(threads).build();
      default:
        return LeveragingBagging.builder(HoeffdingTree.builder(FEATURES, 2).build()).size(members)
            .threads(threads).build();
    }
  }

  /** One chunk through {@code call}; answers (none for {@code learnBatch}) into {@code out}. */
  private static void run(OnlineClassifier model, String call, double[] rows, int from, int count,
      int[] labels, int[] out) {
    switch (call) {
      case "predictThenLearnBatch":
        model.predictThenLearnBatch(rows, from, count, labels, out);
        break;
      case "learnBatch":
        model.learnBatch(rows, from, count, labels);
        break;
      case "predictThenLearn":
        double[] row = new double[FEATURES];
        for (int r = from; r < from + count; r++) {
          System.arraycopy(rows, r * FEATURES, row, 0, FEATURES);
          out[r] = model.predictThenLearn(row, labels[r]);
        }
        break;
      default:
        double[] x = new double[FEATURES];
        for (int r = from; r < from + count; r++) {
          System.arraycopy(rows, r * FEATURES, x, 0, FEATURES);
          out[r] = model.predict(x);
          model.learn(x, labels[r]);
        }
    }
  }
}
