package org.brookml.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.runtime.MemoryStream;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.data.GaussianBlobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Streaming k-means with forgetting on Spark Structured Streaming ({@code local[2]}, a memory
 * source with two partitions per micro-batch, {@code foreachBatch}): every point is learned once,
 * the centres follow the drifting blobs as closely as the same model trained in-process on the
 * same micro-batches, every point after the first micro-batch gets an assignment, and a replayed
 * micro-batch is not learned twice.
 */
class SynchronousKMeansTest {

  static final List<Assignment> ASSIGNED = new CopyOnWriteArrayList<>();
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkKMeansExample.localSession();
    spark.sparkContext().setLogLevel("ERROR");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void streamingKMeans_followsTheDriftLikeTheInProcessModel() throws Exception {
    MemoryStream<Point> source =
        MemoryStream.apply(1, spark, Option.apply(2), Encoders.bean(Point.class));
    SynchronousKMeans step = new SynchronousKMeans(SparkKMeansExample.newModel(),
        (Dataset<Assignment> assignments, long batchId) ->
            ASSIGNED.addAll(assignments.collectAsList()));
    StreamingQuery query = source.toDS().writeStream().foreachBatch(step).start();
    MiniBatchKMeans inProcess = SparkKMeansExample.newModel();
    GaussianBlobs blobs = SparkKMeansExample.blobs();
    int n = SparkKMeansExample.BATCHES * SparkKMeansExample.BATCH;
    double worstSpark = 0;
    double worstInProcess = 0;
    for (int b = 0; b < SparkKMeansExample.BATCHES; b++) {
      List<Point> batch = SparkKMeansExample.nextBatch(blobs, (long) b * SparkKMeansExample.BATCH);
      source.addData(CollectionConverters.asScala(batch).toSeq());
      query.processAllAvailable();
      double[] flat = new double[batch.size() * SparkKMeansExample.DIMENSION];
      for (int i = 0; i < batch.size(); i++) {
        System.arraycopy(batch.get(i).getFeatures(), 0, flat, i * SparkKMeansExample.DIMENSION,
            SparkKMeansExample.DIMENSION);
      }
      if (inProcess.isReady()) {
        inProcess.learnBatch(flat, 0, batch.size());
      } else {
        for (Point p : batch) {
          inProcess.learn(p.getFeatures());
        }
      }
      if (b >= 5) {
        worstSpark = Math.max(worstSpark,
            SparkKMeansExample.centerError(step.model().centers(), blobs.centers()));
        worstInProcess = Math.max(worstInProcess,
            SparkKMeansExample.centerError(inProcess.centers(), blobs.centers()));
      }
    }
    query.stop();
    MiniBatchKMeans trained = step.model();
    System.out.printf("worst centre error after batch 5: Spark %.3f, in-process %.3f; "
        + "%d assignments%n", worstSpark, worstInProcess, ASSIGNED.size());
    assertThat(trained.samplesSeen()).isEqualTo(n);
    assertThat(worstSpark).isLessThan(worstInProcess + 0.25).isLessThan(1.0);
    assertThat(ASSIGNED).hasSize(n - SparkKMeansExample.BATCH);
    assertThat(ASSIGNED).allSatisfy(a -> assertThat(a.getCluster()).isBetween(0, SparkKMeansExample.K - 1));

    Dataset<Point> replay = spark.createDataset(
        SparkKMeansExample.nextBatch(blobs, n), Encoders.bean(Point.class));
    step.call(replay, (long) SparkKMeansExample.BATCHES - 1);
    assertThat(step.model().samplesSeen()).as("a replayed batch id is skipped").isEqualTo(n);
  }
}
