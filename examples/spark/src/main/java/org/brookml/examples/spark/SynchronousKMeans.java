package org.brookml.examples.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.io.Snapshots;

/**
 * The {@code foreachBatch} step of streaming mini-batch k-means, synchronous and data-parallel:
 * the driver holds the model; for each micro-batch it ships the model's snapshot to the
 * partitions, which first assign their points (test-then-train, handed to {@code assignments}) and
 * then each learn their points on a copy of the model and return its snapshot; the driver adds
 * what every copy learned to the model once ({@link MiniBatchKMeans#addDeltas}). The first
 * micro-batch, before the model has centres, is learned on the driver (k-means++ seeding). A
 * micro-batch Spark replays after a failure (same batch id) is skipped, so nothing is learned
 * twice. Forgetting comes from the model's own {@code CentroidRate}.
 */
public final class SynchronousKMeans implements VoidFunction2<Dataset<Point>, Long> {

  private static final long serialVersionUID = 1L;

  /** Receives each micro-batch's assignments (e.g. writes them to a sink). */
  @FunctionalInterface
  public interface AssignmentSink extends Serializable {
    /** Called with the assignments of micro-batch {@code batchId}. */
    void write(Dataset<Assignment> assignments, long batchId);
  }

  private final AssignmentSink assignments;
  private transient MiniBatchKMeans model;
  private long lastBatchId = -1;

  /** A step that trains {@code model} (owned by the step from now on). */
  public SynchronousKMeans(MiniBatchKMeans model, AssignmentSink assignments) {
    this.model = Objects.requireNonNull(model, "model");
    this.assignments = Objects.requireNonNull(assignments, "assignments");
  }

  /** The model as of the last micro-batch (a copy). */
  public synchronized MiniBatchKMeans model() {
    return model.copy();
  }

  @Override
  public synchronized void call(Dataset<Point> batch, Long batchId) {
    if (batchId <= lastBatchId) {
      return;
    }
    if (!model.isReady()) {
      for (Point p : batch.collectAsList()) {
        model.learn(p.getFeatures());
      }
    } else {
      byte[] base = Snapshots.write(model);
      long id = batchId;
      assignments.write(batch.mapPartitions(
          (MapPartitionsFunction<Point, Assignment>) points -> assign(base, points, id),
          Encoders.bean(Assignment.class)), id);
      List<byte[]> learned = batch.mapPartitions(
          (MapPartitionsFunction<Point, byte[]>) points -> learnPartition(base, points),
          Encoders.BINARY()).collectAsList();
      List<MiniBatchKMeans> replicas = new ArrayList<>();
      for (byte[] bytes : learned) {
        replicas.add(Snapshots.read(bytes, MiniBatchKMeans.class));
      }
      model.addDeltas(replicas);
    }
    lastBatchId = batchId;
  }

  private static Iterator<Assignment> assign(byte[] base, Iterator<Point> points, long batchId) {
    MiniBatchKMeans model = Snapshots.read(base, MiniBatchKMeans.class);
    List<Assignment> out = new ArrayList<>();
    while (points.hasNext()) {
      Point p = points.next();
      out.add(new Assignment(p.getIndex(), batchId, model.predict(p.getFeatures())));
    }
    return out.iterator();
  }

  /** One replica: the base learns this partition's points as one mini-batch. */
  private static Iterator<byte[]> learnPartition(byte[] base, Iterator<Point> points) {
    MiniBatchKMeans replica = Snapshots.read(base, MiniBatchKMeans.class);
    List<double[]> rows = new ArrayList<>();
    while (points.hasNext()) {
      rows.add(points.next().getFeatures());
    }
    if (rows.isEmpty()) {
      return List.<byte[]>of().iterator();
    }
    int d = replica.dimension();
    double[] flat = new double[rows.size() * d];
    for (int r = 0; r < rows.size(); r++) {
      System.arraycopy(rows.get(r), 0, flat, r * d, d);
    }
    replica.learnBatch(flat, 0, rows.size());
    return List.of(Snapshots.write(replica)).iterator();
  }
}
