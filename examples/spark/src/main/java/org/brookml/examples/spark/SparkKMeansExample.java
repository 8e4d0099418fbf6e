package org.brookml.examples.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.runtime.MemoryStream;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.brookml.cluster.CentroidRate;
import org.brookml.cluster.CentroidRate.DecayUnit;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.data.GaussianBlobs;
import org.brookml.vector.Vectors;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The talk's demo on Spark Structured Streaming: streaming k-means with forgetting over drifting
 * Gaussian blobs, trained per micro-batch in {@code foreachBatch} by {@link SynchronousKMeans}
 * (data-parallel over the micro-batch's partitions). Runs on {@code local[2]} with a memory source;
 * prints how far the learned centres are from the moving true ones.
 */
public final class SparkKMeansExample {

  static final int K = 4;
  static final int DIMENSION = 2;
  static final int BATCHES = 40;
  static final int BATCH = 1_000;

  private SparkKMeansExample() {}

  /** A local session with two worker threads and no UI. */
  static SparkSession localSession() {
    return SparkSession.builder().master("local[2]").appName("brook-spark")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
  }

  /** The model: k = 4 in 2-D, forgetting with a half-life of 1,000 points. */
  static MiniBatchKMeans newModel() {
    return MiniBatchKMeans.builder(K, DIMENSION).seed(3).initBufferSize(500)
        .rate(CentroidRate.halfLife(1_000, DecayUnit.POINTS)).build();
  }

  /** The drifting blobs (k = 4 in 2-D): each centre travels 4 units over the run. */
  static GaussianBlobs blobs() {
    return new GaussianBlobs(K, DIMENSION, 0.5, 10, 4.0 / (BATCHES * BATCH), 7);
  }

  /** Worst distance from a true centre to the nearest learned one. */
  static double centerError(double[][] learned, double[][] truth) {
    double worst = 0;
    for (double[] t : truth) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] c : learned) {
        best = Math.min(best, Math.sqrt(Vectors.squaredDistance(t, c)));
      }
      worst = Math.max(worst, best);
    }
    return worst;
  }

  /** Points of one micro-batch. */
  static List<Point> nextBatch(GaussianBlobs blobs, long firstIndex) {
    List<Point> points = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      double[] x = new double[DIMENSION];
      blobs.next(x);
      points.add(new Point(firstIndex + i, x));
    }
    return points;
  }

  public static void main(String[] args) throws TimeoutException, StreamingQueryException {
    SparkSession spark = localSession();
    spark.sparkContext().setLogLevel("WARN");
    MemoryStream<Point> source =
        MemoryStream.apply(1, spark, Option.apply(2), Encoders.bean(Point.class));
    // README:spark-step
    SynchronousKMeans step = new SynchronousKMeans(newModel(),     // MiniBatchKMeans, half-life
        (Dataset<Assignment> assignments, long batchId) -> assignments.count());  // your sink
    StreamingQuery query = source.toDS().writeStream().foreachBatch(step).start();
    // README:end
    GaussianBlobs blobs = blobs();
    for (int b = 0; b < BATCHES; b++) {
      source.addData(CollectionConverters.asScala(nextBatch(blobs, (long) b * BATCH)).toSeq());
      query.processAllAvailable();
      if ((b + 1) % 10 == 0) {
        System.out.printf(Locale.ROOT, "after %,d points: worst centre error %.3f%n",
            (b + 1) * BATCH, centerError(step.model().centers(), blobs.centers()));
      }
    }
    query.stop();
    spark.stop();
  }
}
