package org.brookml.preprocess;

import java.util.Map;
import java.util.Objects;
import org.brookml.learner.OnlineClassifier;
import org.brookml.vector.SparseVector;

/**
 * A pipeline of a {@link FeatureHasher} in front of any {@link OnlineClassifier} of dimension
 * {@code 2^bits}: it learns and predicts from a record's named features, as scikit-learn's
 * {@code FeatureHasher(input_type='dict')} reads them (a {@link Number} value is a numeric feature,
 * a {@link CharSequence} value the category {@code name=value} with value 1), hashed into a reused
 * {@link SparseVector} whose repeated slots are summed. Itself an {@code OnlineClassifier}: vectors
 * hashed already pass straight through to the model. Snapshotted as one unit (the hasher's
 * settings, then the model's own snapshot), so a restored pipeline hashes every name to the slot
 * it had.
 *
 * <p>A record with a null, non-finite or otherwise typed value is rejected naming the feature,
 * before the model changes. Hashing allocates nothing; iterating the map allocates what the map's
 * iterator does. Not thread-safe.
 */
public final class HashedClassifier implements OnlineClassifier {

  final FeatureHasher hasher;
  final OnlineClassifier model;
  private final SparseVector hashed = new SparseVector();

  HashedClassifier(FeatureHasher hasher, OnlineClassifier model) {
    this.model = model;
    if (hasher.dimension() != model.dimension()) {
      throw new IllegalArgumentException("the hasher fills " + hasher.dimension()
          + " slots but the model has dimension " + model.dimension());
    }
    this.hasher = hasher;
  }

  /** Hashes records for {@code model}, which is owned by the pipeline from now on. */
  public static HashedClassifier of(FeatureHasher hasher, OnlineClassifier model) {
    return new HashedClassifier(Objects.requireNonNull(hasher, "hasher").copy(),
        Objects.requireNonNull(model, "model"));
  }

  /**
   * The record's features hashed into {@code out} (cleared first; slots sorted, repeats summed).
   *
   * @throws IllegalArgumentException naming a feature whose value is not a finite number or a
   *     character sequence
   */
  public SparseVector hash(Map<String, ?> features, SparseVector out) {
    Objects.requireNonNull(features, "features");
    out.clear();
    for (Map.Entry<String, ?> feature : features.entrySet()) {
      String name = Objects.requireNonNull(feature.getKey(), "feature name");
      Object value = feature.getValue();
      if (value instanceof Number) {
        double number = ((Number) value).doubleValue();
        if (!Double.isFinite(number)) {
          throw new IllegalArgumentException("feature '" + name + "' is not finite: " + number);
        }
        hasher.add(out, name, number);
      } else if (value instanceof CharSequence) {
        hasher.add(out, name, (CharSequence) value);
      } else {
        throw new IllegalArgumentException("feature '" + name + "' must be a number or a "
            + "character sequence, got " + (value == null ? "null" : value.getClass().getName()));
      }
    }
    return out.coalesce();
  }

  /** Learns the record with {@code label}, weight 1. */
  public void learn(Map<String, ?> features, int label) {
    learn(features, label, 1.0);
  }

  /** Learns the record with {@code label} and {@code weight}. */
  public void learn(Map<String, ?> features, int label, double weight) {
    model.learn(hash(features, hashed), label, weight); // the model checks label and weight
  }

  /** The model's rule. */
  @Override
  public void requireLearnableWeight(double weight) {
    model.requireLearnableWeight(weight);
  }

  /** The most probable class of the record. */
  public int predict(Map<String, ?> features) {
    return model.predict(hash(features, hashed));
  }

  /** {@code P(class | record)} for every class into {@code out}, returned. */
  public double[] predictProba(Map<String, ?> features, double[] out) {
    return model.predictProba(hash(features, hashed), out);
  }

  @Override
  public void learn(double[] x, int label, double weight) {
    model.learn(x, label, weight);
  }

  @Override
  public void learn(SparseVector x, int label, double weight) {
    model.learn(x, label, weight);
  }

  @Override
  public int predict(double[] x) {
    return model.predict(x);
  }

  @Override
  public int predict(SparseVector x) {
    return model.predict(x);
  }

  @Override
  public double[] predictProba(double[] x, double[] out) {
    return model.predictProba(x, out);
  }

  @Override
  public double[] predictProba(SparseVector x, double[] out) {
    return model.predictProba(x, out);
  }

  /** The classifier behind the hasher, which the pipeline owns. */
  public OnlineClassifier model() {
    return model;
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public long samplesSeen() {
    return model.samplesSeen();
  }

  /** The hasher's settings (a copy: hashing state is the pipeline's own). */
  public FeatureHasher hasher() {
    return hasher.copy();
  }

  @Override
  public int numClasses() {
    return model.numClasses();
  }

  @Override
  public HashedClassifier copy() {
    return new HashedClassifier(hasher.copy(), model.copy());
  }

  @Override
  public void reset() {
    model.reset();
  }

  @Override
  public String toString() {
    return "HashedClassifier{hasher=" + hasher + ", model=" + model + "}";
  }
}
