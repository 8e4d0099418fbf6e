package org.brookml.tree;

import org.brookml.internal.learner.DenseInputClassifier;

/**
 * Base of the trees that grow a {@link HoeffdingTree} by rules of their own
 * ({@link HoeffdingAdaptiveTree}, {@link ExtremelyFastDecisionTree}): they learn through the
 * tree's nodes, and predict, check rows and describe their shape as the tree does.
 */
abstract class HoeffdingTreeVariant extends DenseInputClassifier {

  final HoeffdingTree tree;

  HoeffdingTreeVariant(HoeffdingTree tree) {
    super(tree.dimension);
    this.tree = tree;
  }

  /** True: NaN is a missing value, as in {@link HoeffdingTree}. */
  @Override
  public boolean acceptsMissingValues() {
    return true;
  }

  /** Checks the row as {@link HoeffdingTree#requireRow} does. */
  @Override
  public void requireRow(double[] x) {
    tree.requireRow(x);
  }

  @Override
  protected int predictChecked(double[] x) {
    return tree.predictChecked(x);
  }

  @Override
  protected double[] predictProbaChecked(double[] x, double[] out) {
    return tree.predictProbaChecked(x, out);
  }

  @Override
  protected int predictProbaAndClassChecked(double[] x, double[] out) {
    return tree.predictProbaAndClassChecked(x, out);
  }

  /** Number of values of feature {@code j} when nominal, 0 when numeric. */
  public int numValues(int j) {
    return tree.numValues(j);
  }

  /** Number of leaves held (a Hoeffding adaptive tree's alternates included). */
  public int leafCount() {
    return tree.leafCount;
  }

  /** Largest number of leaves the memory budget allows. */
  public int maxLeaves() {
    return tree.maxLeaves();
  }

  /** Depth of the deepest leaf. */
  public int depth() {
    return tree.depth();
  }

  @Override
  public int numClasses() {
    return tree.numClasses;
  }

  @Override
  public int dimension() {
    return tree.dimension;
  }

  @Override
  public long samplesSeen() {
    return tree.samplesSeen;
  }
}
