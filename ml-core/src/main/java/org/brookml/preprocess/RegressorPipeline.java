package org.brookml.preprocess;

import java.util.List;
import org.brookml.learner.InputChecks;
import org.brookml.learner.OnlineRegressor;
import org.brookml.vector.SparseVector;

/**
 * Transformers in front of an {@link OnlineRegressor}, itself a regressor; made by
 * {@link Pipeline#of}. Learning is atomic: see {@link Pipeline}.
 */
public final class RegressorPipeline extends Pipeline<OnlineRegressor>
    implements OnlineRegressor {

  RegressorPipeline(List<? extends Transformer> stages, OnlineRegressor model) {
    super(stages, model);
  }

  @Override
  public void learn(double[] x, double y, double weight) {
    InputChecks.requireTarget(y);
    InputChecks.requireWeight(weight);
    double[] z = prepare(x);
    model.learn(z, y, weight);
    commit();
  }

  @Override
  public void learn(SparseVector x, double y, double weight) {
    throw sparseUnsupported();
  }

  @Override
  public double predict(double[] x) {
    return model.predict(transform(x));
  }

  @Override
  public double predict(SparseVector x) {
    throw sparseUnsupported();
  }

  @Override
  public RegressorPipeline copy() {
    return new RegressorPipeline(copyStages(), model.copy());
  }

  @Override
  public String toString() {
    return "RegressorPipeline" + describe();
  }
}
