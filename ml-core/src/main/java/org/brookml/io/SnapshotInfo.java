package org.brookml.io;

/**
 * What a snapshot holds, read from its header after the checksum was verified.
 *
 * @param formatVersion the container format version
 * @param modelType the model type name, e.g. {@code brook.cluster.MiniBatchKMeans}
 * @param stateVersion the model's own layout version
 * @param payloadBytes size of the model payload
 */
public record SnapshotInfo(int formatVersion, String modelType, int stateVersion, int payloadBytes) {}
