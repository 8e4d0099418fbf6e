package org.brookml.io;

import java.util.Objects;
import org.brookml.learner.OnlineLearner;

/**
 * A {@link ModelCodec} that holds its model type name, model class and state version, so that a
 * codec states them once in its constructor and writes only {@link #write} and {@link #read}.
 *
 * @param <M> the model type
 */
public abstract class BaseModelCodec<M extends OnlineLearner> implements ModelCodec<M> {

  private final String modelType;
  private final Class<M> modelClass;
  private final int stateVersion;

  /**
   * @param modelType the stable name written into every snapshot
   * @param modelClass the model class this codec writes
   * @param stateVersion the layout version {@link #write} produces (1 or more)
   */
  protected BaseModelCodec(String modelType, Class<M> modelClass, int stateVersion) {
    this.modelType = Objects.requireNonNull(modelType, "modelType");
    this.modelClass = Objects.requireNonNull(modelClass, "modelClass");
    if (stateVersion < 1 || stateVersion > 0xFFFF) {
      throw new IllegalArgumentException("stateVersion must be in 1..65535, got " + stateVersion);
    }
    this.stateVersion = stateVersion;
  }

  @Override
  public final String modelType() {
    return modelType;
  }

  @Override
  public final Class<M> modelClass() {
    return modelClass;
  }

  @Override
  public final int stateVersion() {
    return stateVersion;
  }
}
