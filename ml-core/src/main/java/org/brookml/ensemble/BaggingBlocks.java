package org.brookml.ensemble;

import java.util.Objects;
import org.brookml.learner.InputChecks;

/**
 * Online bagging and leveraging bagging over a batch of rows, a {@link VoteBlocks block} at a time,
 * with the same answers and the same model, bit for bit, as row by row, on any number of threads.
 *
 * <p>Row by row, the members depend on each other in two ways only: the Poisson counts come from
 * the ensemble's one generator, in member order, and a rise in any member's error replaces the
 * member whose detector estimates the highest error. So a block's counts are drawn first, row by
 * row in member order (the next block's while the members go through this one); then each member
 * goes through the whole block on its own (claimed by the next free thread), keeping for every
 * row its vote terms, whether its error rose and its detector's estimate; then the caller walks
 * the rows in order, and at each row where an error rose it replaces the member with the highest
 * estimate at that row and takes the fresh member alone through the rest of the block.
 * Replacements are rare, so the replay is a small part of the work.
 */
final class BaggingBlocks {

  private final OnlineEnsemble ensemble;
  private final double lambda;
  /** Per member, the binary code of each class, or null for an average vote. */
  private final int[][] codes;
  private final VoteBlocks blocks;
  private final int members;
  /** Per row, then member: the Poisson counts of this block, and of the next one. */
  private int[] counts = new int[0];
  private int[] nextCounts = new int[0];
  private int nextSize;
  /** Per member, then row: whether the member's error rose, and its detector's estimate. */
  private boolean[] rose = new boolean[0];
  private double[] estimates = new double[0];
  private final MemberThreads.Task task = this::throughTheBlock;
  private final int[] oneLabel = new int[1];
  private final int[] oneAnswer = new int[1];
  private int[] labels;
  private int first;
  private boolean voting;

  BaggingBlocks(OnlineEnsemble ensemble, double lambda, int[][] codes) {
    this.ensemble = ensemble;
    this.lambda = lambda;
    this.codes = codes;
    this.members = ensemble.size();
    this.blocks = new VoteBlocks(members, ensemble.numClasses(), ensemble.dimension());
  }

  /** {@link OnlineEnsemble#learnBatch}: the rows learned in order, weight 1. */
  void learn(double[] xs, int fromRow, int rows, int[] labels) {
    requireBatch(xs, fromRow, rows, labels);
    go(xs, fromRow, rows, labels, null);
  }

  /** {@code predictThenLearnBatch}: each row's answer into {@code out}, then the row learned. */
  int[] predictThenLearn(double[] xs, int fromRow, int rows, int[] labels, int[] out) {
    requireBatch(xs, fromRow, rows, labels);
    InputChecks.requireParallel(Objects.requireNonNull(out, "out").length, fromRow, rows, 1, "out");
    go(xs, fromRow, rows, labels, out);
    return out;
  }

  /** {@code predictThenLearn} on a row and label already checked: a block of one row. */
  int predictThenLearnChecked(double[] x, int label) {
    oneLabel[0] = label;
    go(x, 0, 1, oneLabel, oneAnswer);
    return oneAnswer[0];
  }

  private void requireBatch(double[] xs, int fromRow, int rows, int[] labels) {
    InputChecks.requireRows(xs, fromRow, rows, ensemble, "xs");
    InputChecks.requireLabels(labels, fromRow, rows, ensemble.numClasses());
    ensemble.requireMembersTake(1);
  }

  private void go(double[] xs, int fromRow, int rows, int[] labels, int[] out) {
    if (blocks.reserve(rows)) {
      int block = blocks.capacity();
      counts = new int[block * members];
      nextCounts = new int[block * members];
      rose = new boolean[members * block];
      estimates = new double[members * block];
    }
    this.labels = labels;
    this.voting = out != null;
    int end = fromRow + rows;
    drawCounts(counts, Math.min(blocks.capacity(), rows));
    for (int start = fromRow; start < end; start += blocks.capacity()) {
      int size = Math.min(blocks.capacity(), end - start);
      blocks.load(xs, start, size);
      first = start;
      nextSize = Math.max(0, Math.min(blocks.capacity(), end - start - size));
      ensemble.samplesSeen += size;
      ensemble.runClaimed(members + 1, task);
      replaceWhereErrorsRose();
      for (int i = 0; voting && i < size; i++) {
        out[start + i] = blocks.answer(i);
      }
      int[] drawn = nextCounts;
      nextCounts = counts;
      counts = drawn;
    }
    this.labels = null;
  }

  /** The Poisson counts of {@code rows} rows, row by row in member order, into {@code into}. */
  private void drawCounts(int[] into, int rows) {
    for (int i = 0; i < rows * members; i++) {
      into[i] = Math.min(ensemble.random.nextPoisson(lambda), OnlineEnsemble.MAX_COUNT);
    }
  }

  /**
   * Task {@code 0} draws the next block's counts (claimed first, so its thread then joins the
   * members); task {@code 1 + m} takes member {@code m} through the block.
   */
  private void throughTheBlock(int from, int to) {
    for (int t = from; t < to; t++) {
      if (t == 0) {
        drawCounts(nextCounts, nextSize);
      } else {
        replay(t - 1, 0);
      }
    }
  }

  /** Member {@code m} through rows {@code from ..} of the block: its vote, then learning. */
  private void replay(int m, int from) {
    int block = blocks.capacity();
    for (int i = from; i < blocks.size(); i++) {
      double[] x = blocks.row(i);
      if (voting) {
        ensemble.writeMemberVote(blocks, m, i, x, codes);
      }
      rose[m * block + i] = ensemble.learnResampledMember(m, x, labels[first + i], 1,
          counts[i * members + m], codes);
      if (ensemble.detectors != null) {
        estimates[m * block + i] = ensemble.detectors[m].estimation();
      }
    }
  }

  /**
   * Row by row, where any member's error rose: the member with the highest estimate at that row
   * (the first of equals) is replaced and goes alone through the rest of the block.
   */
  private void replaceWhereErrorsRose() {
    if (ensemble.detectors == null) {
      return;
    }
    int block = blocks.capacity();
    for (int i = 0; i < blocks.size(); i++) {
      boolean any = false;
      for (int m = 0; m < members; m++) {
        any |= rose[m * block + i];
      }
      if (any) {
        int worst = 0;
        for (int m = 1; m < members; m++) {
          if (estimates[m * block + i] > estimates[worst * block + i]) {
            worst = m;
          }
        }
        ensemble.renew(worst);
        ensemble.replacements++;
        replay(worst, i + 1);
      }
    }
  }
}
