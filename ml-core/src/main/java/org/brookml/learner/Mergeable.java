package org.brookml.learner;

import java.util.List;

/**
 * A learner whose replicas can be combined, for data-parallel training. Learners that cannot be
 * merged do not implement this type. What a merge means is stated by each implementation.
 *
 * <ul>
 *   <li>{@link #mergeFrom}: models trained on disjoint data (each from its own start) combined into
 *       this one;
 *   <li>{@link #addDeltas}: the synchronous data-parallel step: this model is the shared base every
 *       replica was copied from, and what each replica learned since then is added to it once, so
 *       the base is not counted once per replica.
 * </ul>
 *
 * @param <M> the model type
 */
public interface Mergeable<M extends Mergeable<M>> extends OnlineLearner {

  /**
   * Combines {@code others}, trained on data disjoint from this model's, into this model. The
   * others are not modified.
   *
   * @throws IllegalArgumentException if a model's configuration is incompatible
   */
  void mergeFrom(List<? extends M> others);

  /**
   * Adds to this model, the base each replica was copied from, what each replica learned since the
   * copy. The replicas are not modified.
   *
   * @throws IllegalArgumentException if a replica is incompatible or did not start from this base
   */
  void addDeltas(List<? extends M> replicas);
}
