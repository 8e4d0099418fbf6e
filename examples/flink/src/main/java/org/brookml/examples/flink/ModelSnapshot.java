package org.brookml.examples.flink;

/** A model's Brook snapshot with what produced it (a Flink POJO). */
public class ModelSnapshot {
  /** The model's key, or the learner subtask for data-parallel training. */
  public String key;
  /** Examples the model had learned. */
  public long samplesSeen;
  /** The snapshot bytes ({@code org.brookml.io.Snapshots}). */
  public byte[] bytes;

  /** For Flink's POJO serializer. */
  public ModelSnapshot() {}

  /** A snapshot. */
  public ModelSnapshot(String key, long samplesSeen, byte[] bytes) {
    this.key = key;
    this.samplesSeen = samplesSeen;
    this.bytes = bytes;
  }
}
