package org.brookml.multiclass;

import java.util.Arrays;
import java.util.Objects;
import org.brookml.learner.InputChecks;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.Probabilities;
import org.brookml.vector.SparseVector;

/**
 * One-vs-rest: any binary Brook classifier handles {@code numClasses} classes. Member {@code c}, a
 * copy of the binary prototype, learns every example as class 1 if its label is {@code c} and
 * class 0 otherwise (scikit-learn's {@code OneVsRestClassifier}, River's
 * {@code multiclass.OneVsRestClassifier}); {@code P(c | x)} is member c's probability of class 1,
 * normalized over the members (uniform when all are 0), and the prediction is its argmax.
 *
 * <p>Every member sees the same row, a 0/1 label and the same weight, so the first member's
 * checks stand for all: a refused example (bad row, label or weight, or a weight the binary model
 * does not take) leaves every member as it was. Dense and sparse rows go straight to the members.
 * {@code predict} and {@code predictProba} allocate nothing. Not thread-safe.
 */
public final class OneVsRest implements OnlineClassifier {

  /** Most classes a one-vs-rest model may have. */
  public static final int MAX_CLASSES = 1 << 16;

  final OnlineClassifier[] members;
  private final double[] binary = new double[2];
  private final double[] scratch;

  OneVsRest(OnlineClassifier[] members) {
    this.members = members;
    this.scratch = new double[members.length];
  }

  /**
   * A builder over copies of {@code binaryPrototype} (a two-class classifier, copied as it is:
   * pass an untrained one) for {@code numClasses} classes.
   *
   * @throws IllegalArgumentException if the prototype is not binary or numClasses is out of
   *     {@code 2..}{@value #MAX_CLASSES}
   */
  public static Builder builder(OnlineClassifier binaryPrototype, int numClasses) {
    return new Builder(binaryPrototype, numClasses);
  }

  /** A builder preset with this model's configuration: untrained copies of member 0. */
  public Builder toBuilder() {
    OnlineClassifier prototype = members[0].copy();
    prototype.reset();
    return new Builder(prototype, members.length);
  }

  @Override
  public void learn(double[] x, int label, double weight) {
    InputChecks.requireLabel(label, members.length);
    for (int c = 0; c < members.length; c++) {
      members[c].learn(x, label == c ? 1 : 0, weight); // member 0 checks x and weight first
    }
  }

  @Override
  public void learn(SparseVector x, int label, double weight) {
    InputChecks.requireLabel(label, members.length);
    for (int c = 0; c < members.length; c++) {
      members[c].learn(x, label == c ? 1 : 0, weight);
    }
  }

  /** The members' rule (they are copies of one binary model). */
  @Override
  public void requireLearnableWeight(double weight) {
    members[0].requireLearnableWeight(weight);
  }

  @Override
  public int predict(double[] x) {
    return Probabilities.argMax(predictProba(x, scratch));
  }

  @Override
  public int predict(SparseVector x) {
    return Probabilities.argMax(predictProba(x, scratch));
  }

  @Override
  public double[] predictProba(double[] x, double[] out) {
    requireOut(out);
    for (int c = 0; c < members.length; c++) {
      out[c] = members[c].predictProba(x, binary)[1];
    }
    return Probabilities.normalize(out);
  }

  @Override
  public double[] predictProba(SparseVector x, double[] out) {
    requireOut(out);
    for (int c = 0; c < members.length; c++) {
      out[c] = members[c].predictProba(x, binary)[1];
    }
    return Probabilities.normalize(out);
  }

  private void requireOut(double[] out) {
    if (Objects.requireNonNull(out, "out").length != members.length) {
      throw new IllegalArgumentException(
          "out must have length " + members.length + ", got " + out.length);
    }
  }

  /** Member {@code c}: the binary model of class {@code c} against the rest (not a copy). */
  public OnlineClassifier member(int c) {
    return members[Objects.checkIndex(c, members.length)];
  }

  @Override
  public int numClasses() {
    return members.length;
  }

  @Override
  public int dimension() {
    return members[0].dimension();
  }

  @Override
  public long samplesSeen() {
    return members[0].samplesSeen();
  }

  @Override
  public OneVsRest copy() {
    OnlineClassifier[] copies = new OnlineClassifier[members.length];
    for (int c = 0; c < copies.length; c++) {
      copies[c] = members[c].copy();
    }
    return new OneVsRest(copies);
  }

  @Override
  public void reset() {
    for (OnlineClassifier member : members) {
      member.reset();
    }
  }

  @Override
  public String toString() {
    return "OneVsRest{numClasses=" + members.length + ", member=" + members[0] + "}";
  }

  /** Fail-fast configuration: the binary prototype and the number of classes. */
  public static final class Builder {
    private final OnlineClassifier prototype;
    private final int numClasses;

    private Builder(OnlineClassifier prototype, int numClasses) {
      Objects.requireNonNull(prototype, "binaryPrototype");
      if (prototype.numClasses() != 2) {
        throw new IllegalArgumentException("the prototype must be a binary classifier, got one "
            + "of " + prototype.numClasses() + " classes: " + prototype);
      }
      if (numClasses < 2 || numClasses > MAX_CLASSES) {
        throw new IllegalArgumentException(
            "numClasses must be in 2.." + MAX_CLASSES + ", got " + numClasses);
      }
      this.prototype = prototype;
      this.numClasses = numClasses;
    }

    /** A new model: {@code numClasses} copies of the prototype. */
    public OneVsRest build() {
      OnlineClassifier[] members = new OnlineClassifier[numClasses];
      Arrays.setAll(members, c -> prototype.copy());
      return new OneVsRest(members);
    }
  }
}
