package org.brookml.preprocess;

import java.util.Objects;
import org.brookml.learner.Batches;
import org.brookml.learner.OnlineClassifier;
import org.brookml.vector.SparseVector;

/**
 * A pipeline of a {@link StandardScaler} in front of any dense {@link OnlineClassifier}: itself an
 * {@code OnlineClassifier}, snapshotted as one unit (the scaler's state, then the inner model's own
 * snapshot). Learning updates the scaler with the example first, then trains the model on the
 * example standardized with the updated statistics (as River's pipelines do); prediction uses the
 * current statistics. Sparse input is rejected: centring would make it dense.
 */
public final class ScaledClassifier extends Pipeline<OnlineClassifier>
    implements OnlineClassifier {

  final StandardScaler scaler;
  private final double[] scaled;

  ScaledClassifier(StandardScaler scaler, OnlineClassifier model) {
    super(model);
    if (scaler.dimension() != model.dimension()) {
      throw new IllegalArgumentException("scaler dimension " + scaler.dimension()
          + " differs from the model's " + model.dimension());
    }
    this.scaler = scaler;
    this.scaled = new double[model.dimension()];
  }

  /** Standardizes the input of {@code model}, which is owned by the pipeline from now on. */
  public static ScaledClassifier of(OnlineClassifier model) {
    Objects.requireNonNull(model, "model");
    return new ScaledClassifier(new StandardScaler(model.dimension()), model);
  }

  @Override
  public void learn(double[] x, int label, double weight) {
    // Validate everything before the scaler changes: a bad label must leave both parts as they are.
    Batches.requireExample(x, dimension());
    Batches.requireLabel(label, numClasses());
    Batches.requireWeight(weight);
    scaler.learn(x);
    model.learn(scaler.transform(x, scaled), label, weight);
  }

  @Override
  public void learn(SparseVector x, int label, double weight) {
    throw sparseUnsupported();
  }

  @Override
  public int predict(double[] x) {
    return model.predict(scaler.transform(x, scaled));
  }

  @Override
  public int predict(SparseVector x) {
    throw sparseUnsupported();
  }

  @Override
  public double[] predictProba(double[] x, double[] out) {
    return model.predictProba(scaler.transform(x, scaled), out);
  }

  @Override
  public double[] predictProba(SparseVector x, double[] out) {
    throw sparseUnsupported();
  }

  private static UnsupportedOperationException sparseUnsupported() {
    return new UnsupportedOperationException(
        "standard scaling centres features, which would make sparse input dense");
  }

  /** The scaler. */
  public StandardScaler scaler() {
    return scaler;
  }

  @Override
  public int numClasses() {
    return model.numClasses();
  }

  @Override
  public ScaledClassifier copy() {
    return new ScaledClassifier(scaler.copy(), model.copy());
  }

  @Override
  public void reset() {
    scaler.reset();
    model.reset();
  }

  @Override
  public String toString() {
    return "ScaledClassifier{dimension=" + dimension() + ", scaler=" + scaler + ", model=" + model
        + "}";
  }
}
