package org.brookml.preprocess;

import java.util.List;
import org.brookml.learner.InputChecks;
import org.brookml.learner.OnlineClassifier;
import org.brookml.vector.SparseVector;

/**
 * Transformers in front of an {@link OnlineClassifier}, itself a classifier; made by
 * {@link Pipeline#of}. Learning is atomic: see {@link Pipeline}.
 */
public final class ClassifierPipeline extends Pipeline<OnlineClassifier>
    implements OnlineClassifier {

  ClassifierPipeline(List<? extends Transformer> stages, OnlineClassifier model) {
    super(stages, model);
  }

  @Override
  public void learn(double[] x, int label, double weight) {
    InputChecks.requireLabel(label, numClasses());
    model.requireLearnableWeight(weight);
    double[] z = prepare(x);
    model.learn(z, label, weight);
    commit();
  }

  @Override
  public void learn(SparseVector x, int label, double weight) {
    throw sparseUnsupported();
  }

  /** The model's rule: the stages take any weight. */
  @Override
  public void requireLearnableWeight(double weight) {
    model.requireLearnableWeight(weight);
  }

  @Override
  public int predict(double[] x) {
    return model.predict(transform(x));
  }

  @Override
  public int predict(SparseVector x) {
    throw sparseUnsupported();
  }

  @Override
  public double[] predictProba(double[] x, double[] out) {
    return model.predictProba(transform(x), out);
  }

  @Override
  public double[] predictProba(SparseVector x, double[] out) {
    throw sparseUnsupported();
  }

  @Override
  public int numClasses() {
    return model.numClasses();
  }

  @Override
  public ClassifierPipeline copy() {
    return new ClassifierPipeline(copyStages(), model.copy());
  }

  @Override
  public String toString() {
    return "ClassifierPipeline" + describe();
  }
}
