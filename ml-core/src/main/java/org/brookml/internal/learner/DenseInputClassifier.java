package org.brookml.internal.learner;

import java.util.Objects;
import org.brookml.learner.InputChecks;
import org.brookml.learner.OnlineClassifier;
import org.brookml.vector.SparseVector;

/**
 * Base of classifiers whose algorithm reads every feature value (trees, naive Bayes, ensembles of
 * them): a sparse example is validated, expanded into a buffer the model reuses (O(dimension), no
 * allocation) and handled as the equal dense example, so both inputs give the same model.
 *
 * <p>The public methods check their input once (the row through {@link #requireRow}, label,
 * weight, output buffer) and hand it to the {@code ...Checked} methods, which subclasses
 * implement. An ensemble passes the example it checked to each member through {@link #learnMember}
 * and its siblings, so that ten members do not check it ten more times.
 */
public abstract class DenseInputClassifier implements OnlineClassifier {

  private final double[] expanded;

  /** Reserves the expansion buffer for {@code dimension} features. */
  protected DenseInputClassifier(int dimension) {
    this.expanded = new double[dimension];
  }

  @Override
  public final void learn(double[] x, int label, double weight) {
    requireRow(x);
    learnCheckedExample(x, label, weight);
  }

  @Override
  public final void learn(SparseVector x, int label, double weight) {
    learnCheckedExample(expand(x), label, weight);
  }

  private void learnCheckedExample(double[] x, int label, double weight) {
    InputChecks.requireLabel(label, numClasses());
    InputChecks.requireWeight(weight);
    learnChecked(x, label, weight);
  }

  @Override
  public final int predict(double[] x) {
    requireRow(x);
    return predictChecked(x);
  }

  @Override
  public final int predict(SparseVector x) {
    return predictChecked(expand(x));
  }

  @Override
  public final double[] predictProba(double[] x, double[] out) {
    requireRow(x);
    requireProbabilityBuffer(out);
    return predictProbaChecked(x, out);
  }

  @Override
  public final double[] predictProba(SparseVector x, double[] out) {
    double[] dense = expand(x);
    requireProbabilityBuffer(out);
    return predictProbaChecked(dense, out);
  }

  /**
   * Learns {@code x} (finite, of this dimension) with a valid label and a finite weight
   * {@code >= 0}; the caller checked all of it.
   */
  protected abstract void learnChecked(double[] x, int label, double weight);

  /** The most probable class of the checked {@code x}. */
  protected abstract int predictChecked(double[] x);

  /** Class probabilities of the checked {@code x} into {@code out} (checked length), returned. */
  protected abstract double[] predictProbaChecked(double[] x, double[] out);

  /**
   * {@link #predictProbaChecked} into {@code out}, returning the class {@link #predictChecked} would
   * give when the subclass knows it at no extra cost, else -1. (The argmax of the probabilities is
   * not always that class: two scores that differ in the last bits can give equal probabilities.)
   */
  protected int predictProbaAndClassChecked(double[] x, double[] out) {
    predictProbaChecked(x, out);
    return -1;
  }

  /**
   * {@link #learnChecked}, then {@link #predictChecked} of the same {@code x}: what an ensemble asks
   * of a member when it weighs the member by whether it was right after learning. Subclasses may
   * share work between the two but must return the same class and leave the same model.
   * {@code afterVote} tells that the call on this object just before was {@link #predictChecked} or
   * a {@link #predictProbaAndClassChecked} that returned a class, for this same {@code x}, so what
   * that call found about {@code x} may be used again.
   */
  protected int learnAndPredictChecked(double[] x, int label, double weight, boolean afterVote) {
    learnChecked(x, label, weight);
    return predictChecked(x);
  }

  /**
   * Lets {@code member} learn an example this ensemble has checked against the member's own
   * dimension and classes: without a second check when the member is a
   * {@code DenseInputClassifier}, through its public {@code learn} otherwise.
   */
  protected static void learnMember(OnlineClassifier member, double[] x, int label,
      double weight) {
    if (member instanceof DenseInputClassifier) {
      ((DenseInputClassifier) member).learnChecked(x, label, weight);
    } else {
      member.learn(x, label, weight);
    }
  }

  /**
   * {@link #learnMember}, then {@link #predictMember}, sharing work where the member can;
   * {@code afterVote} as in {@link #learnAndPredictChecked}.
   */
  protected static int learnAndPredictMember(OnlineClassifier member, double[] x, int label,
      double weight, boolean afterVote) {
    if (member instanceof DenseInputClassifier) {
      return ((DenseInputClassifier) member).learnAndPredictChecked(x, label, weight, afterVote);
    }
    member.learn(x, label, weight);
    return member.predict(x);
  }

  /** {@link #learnMember}'s counterpart for {@code predict}. */
  protected static int predictMember(OnlineClassifier member, double[] x) {
    return member instanceof DenseInputClassifier
        ? ((DenseInputClassifier) member).predictChecked(x) : member.predict(x);
  }

  /**
   * {@link #predictProbaMember}, returning the class the member predicts when it knows it at no
   * extra cost, else -1 (see {@link #predictProbaAndClassChecked}).
   */
  protected static int predictProbaAndClassMember(OnlineClassifier member, double[] x,
      double[] out) {
    if (member instanceof DenseInputClassifier) {
      return ((DenseInputClassifier) member).predictProbaAndClassChecked(x, out);
    }
    member.predictProba(x, out);
    return -1;
  }

  /** {@link #learnMember}'s counterpart for {@code predictProba}; {@code out} fits the member. */
  protected static double[] predictProbaMember(OnlineClassifier member, double[] x,
      double[] out) {
    return member instanceof DenseInputClassifier
        ? ((DenseInputClassifier) member).predictProbaChecked(x, out)
        : member.predictProba(x, out);
  }

  private double[] expand(SparseVector x) {
    Objects.requireNonNull(x, "x");
    x.requireValid(expanded.length);
    return x.toDense(expanded);
  }

  /** Checks that {@code out} can hold one probability per class. */
  protected final void requireProbabilityBuffer(double[] out) {
    if (Objects.requireNonNull(out, "out").length != numClasses()) {
      throw new IllegalArgumentException(
          "out must have length " + numClasses() + ", got " + out.length);
    }
  }
}
