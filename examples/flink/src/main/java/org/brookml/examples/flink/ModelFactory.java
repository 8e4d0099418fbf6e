package org.brookml.examples.flink;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * Makes a fresh model; serializable, because Flink ships it to the task managers.
 *
 * @param <M> the model type
 */
@FunctionalInterface
public interface ModelFactory<M> extends Supplier<M>, Serializable {}
