package org.brookml.examples.spark;

import java.io.Serializable;

/** A point's cluster, as the model stood before the micro-batch that held it (a Java bean). */
public class Assignment implements Serializable {
  private static final long serialVersionUID = 1L;

  private long index;
  private long batchId;
  private int cluster;

  /** For the bean encoder. */
  public Assignment() {}

  /** An assignment. */
  public Assignment(long index, long batchId, int cluster) {
    this.index = index;
    this.batchId = batchId;
    this.cluster = cluster;
  }

  /** The point's position in the stream. */
  public long getIndex() {
    return index;
  }

  /** Sets the position. */
  public void setIndex(long index) {
    this.index = index;
  }

  /** The micro-batch. */
  public long getBatchId() {
    return batchId;
  }

  /** Sets the micro-batch. */
  public void setBatchId(long batchId) {
    this.batchId = batchId;
  }

  /** The nearest centre's index. */
  public int getCluster() {
    return cluster;
  }

  /** Sets the cluster. */
  public void setCluster(int cluster) {
    this.cluster = cluster;
  }
}
