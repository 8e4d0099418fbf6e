package org.brookml.preprocess;

import org.brookml.learner.OnlineLearner;

/**
 * What a pipeline of one stage in front of one learner shares: the learner, which the pipeline
 * owns, and the facts about it that the pipeline reports as its own.
 */
abstract class Pipeline<M extends OnlineLearner> {

  final M model;

  Pipeline(M model) {
    this.model = model;
  }

  /** The learner behind the pipeline's stage. */
  public M model() {
    return model;
  }

  /** The learner's number of features, which the stage keeps. */
  public int dimension() {
    return model.dimension();
  }

  /** Examples the learner has learned. */
  public long samplesSeen() {
    return model.samplesSeen();
  }
}
