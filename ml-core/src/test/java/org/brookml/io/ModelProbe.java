package org.brookml.io;

import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.OnlineClusterer;
import org.brookml.learner.OnlineLearner;
import org.brookml.learner.OnlineRegressor;

/** Asks a restored model a question, to show it works and answers with finite values. */
final class ModelProbe {

  private ModelProbe() {}

  /** The sum of what a model answers for a row of zeros (0 if it answers nothing). */
  static double answer(OnlineLearner model) {
    double[] zeros = new double[model.dimension()];
    if (model instanceof OnlineClassifier) {
      OnlineClassifier classifier = (OnlineClassifier) model;
      double sum = classifier.predict(zeros);
      for (double p : classifier.predictProba(zeros, new double[classifier.numClasses()])) {
        sum += p;
      }
      return sum;
    }
    if (model instanceof OnlineRegressor) {
      return ((OnlineRegressor) model).predict(zeros);
    }
    if (model instanceof OnlineClusterer && ((OnlineClusterer) model).isReady()) {
      return ((OnlineClusterer) model).squaredDistanceToNearest(zeros);
    }
    return 0;
  }
}
