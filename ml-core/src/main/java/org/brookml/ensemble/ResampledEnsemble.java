package org.brookml.ensemble;

import org.brookml.learner.InputChecks;
import org.brookml.learner.OnlineClassifier;

/**
 * What online bagging and leveraging bagging share: each member learns each example with a count
 * drawn from Poisson({@link #poissonMean}), optionally relabelled by a binary output code, under
 * the ADWIN replacement of {@link OnlineEnsemble}; and batches ({@code learnBatch}, {@code
 * predictThenLearnBatch}) go a block of rows at a time, with the same answers and model bit for
 * bit as row by row, each thread taking the next member left through the whole block ({@link
 * BaggingBlocks}).
 */
public abstract class ResampledEnsemble extends OnlineEnsemble {

  /** The batch calls' blocks, made at the first batch. */
  private BaggingBlocks blocks;

  ResampledEnsemble(Builder<?> settings) {
    super(settings);
  }

  /** The mean of the members' Poisson counts. */
  abstract double poissonMean();

  /** Per member, the binary code of each class, or null for an average vote. */
  abstract int[][] codeTable();

  @Override
  final void learnValidated(double[] x, int label, double weight) {
    learnResampled(x, label, weight, poissonMean(), codeTable());
  }

  /**
   * Learns the rows in order, weight 1, the same model bit for bit as row by row, a block at a
   * time: with several threads, each takes the next member left through the whole block. A bad
   * row or label anywhere leaves the ensemble as it was.
   */
  @Override
  public final void learnBatch(double[] xs, int fromRow, int rows, int[] labels) {
    blocks().learn(xs, fromRow, rows, labels);
  }

  /**
   * Test-then-train over the rows, the same answers and model bit for bit as {@link
   * OnlineClassifier#predict(double[])} then {@code learn} on each row in turn, a block at a time
   * as in {@link #learnBatch}.
   */
  @Override
  public final int[] predictThenLearnBatch(double[] xs, int fromRow, int rows, int[] labels,
      int[] out) {
    return blocks().predictThenLearn(xs, fromRow, rows, labels, out);
  }

  /**
   * {@code predict} then {@code learn}, the same answer and model, as a block of one row: each
   * member votes and learns in one task, one hand-off to the threads instead of two.
   */
  @Override
  public final int predictThenLearn(double[] x, int label) {
    requireRow(x);
    InputChecks.requireLabel(label, numClasses());
    requireMembersTake(1);
    return blocks().predictThenLearnChecked(x, label);
  }

  private BaggingBlocks blocks() {
    if (blocks == null) {
      blocks = new BaggingBlocks(this, poissonMean(), codeTable());
    }
    return blocks;
  }
}
