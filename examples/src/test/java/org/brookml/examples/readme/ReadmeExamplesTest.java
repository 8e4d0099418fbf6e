package org.brookml.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.brookml.cluster.CentroidRate;
import org.brookml.cluster.CentroidRate.DecayUnit;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.data.GaussianBlobs;
import org.brookml.ensemble.OnlineAdaBoost;
import org.brookml.eval.ClassificationMetrics;
import org.brookml.eval.ClusteringMetrics;
import org.brookml.eval.Prequential;
import org.brookml.eval.ProgressListener;
import org.brookml.io.CsvReader;
import org.brookml.io.Snapshots;
import org.brookml.learner.LabelEncoder;
import org.brookml.linear.SgdClassifier;
import org.brookml.preprocess.ClassifierPipeline;
import org.brookml.preprocess.Pipeline;
import org.brookml.preprocess.StandardScaler;
import org.brookml.stream.LiveModel;
import org.brookml.tree.HoeffdingTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's code, run: each region between {@code // README:name} and {@code // README:end}
 * is a README code block, word for word ({@code ReadmeSnippetsTest} compares them), and each test
 * checks what the region computed.
 */
class ReadmeExamplesTest {

  @TempDir
  Path dir;

  /**
   * A file shaped like Elec2: a header, eight numeric columns and the class as UP or DOWN, with a
   * concept a linear model can learn (in raw units of very different scales).
   */
  private Path elec2LikeCsv() {
    SplittableRandom random = new SplittableRandom(11);
    StringBuilder text = new StringBuilder(
        "date,day,period,nswprice,nswdemand,vicprice,vicdemand,transfer,class\n");
    for (int i = 0; i < 20_000; i++) {
      double[] x = new double[8];
      for (int j = 0; j < 8; j++) {
        x[j] = random.nextGaussian() * Math.pow(10, j % 4);
      }
      boolean up = x[3] / 1000 + x[1] / 10 - x[6] / 100 + 0.2 * random.nextGaussian() > 0;
      for (double v : x) {
        text.append(String.format(Locale.ROOT, "%.6f,", v));
      }
      text.append(up ? "UP" : "DOWN").append('\n');
    }
    Path csv = dir.resolve("electricity.csv");
    try {
      Files.writeString(csv, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return csv;
  }

  @Test
  void firstClassifier() throws IOException {
    Path csv = elec2LikeCsv();
    Path file = dir.resolve("model.bin");
    double[] x = new double[8];
    // README:first-classifier
    LabelEncoder<String> labels = LabelEncoder.of("DOWN", "UP");
    ClassifierPipeline model = Pipeline.of(new StandardScaler(8), SgdClassifier.builder(8).build());

    // Prequential evaluation: each row is predicted, scored, then learned.
    ClassificationMetrics metrics;
    try (CsvReader rows = CsvReader.builder(csv).header(true).labels(labels).open()) {
      metrics = Prequential.classification(model, rows,
          ClassificationMetrics.forLabels(labels, 1_000),   // a 1,000-row sliding window too
          ProgressListener.printEvery(5_000, System.out));
    }
    System.out.println(metrics);

    // Serving: one thread learns, any number predict on the latest published copy.
    LiveModel<ClassifierPipeline> live = LiveModel.of(model, 1_000, Duration.ofSeconds(1));
    live.learn(m -> m.learn(x, labels.encode("UP")));           // the writer thread
    String answer = labels.decode(live.predict(m -> m.predict(x)));  // any reader thread

    // Snapshot to a file and back: the restored model goes on exactly where this one was.
    Files.write(file, Snapshots.write(model));
    ClassifierPipeline restored =
        Snapshots.read(Files.readAllBytes(file), ClassifierPipeline.class);
    // README:end
    assertThat(metrics.count()).isEqualTo(20_000);
    assertThat(metrics.accuracy()).isGreaterThan(0.9);
    assertThat(answer).isIn("UP", "DOWN");
    assertThat(Snapshots.write(restored)).isEqualTo(Snapshots.write(model));
  }

  @Test
  void kMeans() {
    double[] rows = new double[1024 * 32];
    GaussianBlobs blobs = new GaussianBlobs(16, 32, 1.0, 10, 0, 1);
    blobs.fill(rows, 1024, null);
    double[] x = java.util.Arrays.copyOf(rows, 32);
    // README:kmeans
    MiniBatchKMeans model = MiniBatchKMeans.builder(16, 32)          // k = 16, dimension 32
        .rate(CentroidRate.halfLife(10, DecayUnit.BATCHES))          // forget drifting data
        .seed(7)
        .build();

    model.learnBatch(rows, 1024);        // row-major double[]: 1024 rows x 32 columns
    int cluster = model.predict(x);      // nearest centre
    byte[] bytes = Snapshots.write(model);  // store anywhere: state store, Kafka topic, file
    MiniBatchKMeans again = Snapshots.read(bytes, MiniBatchKMeans.class);  // continues from here
    // README:end
    assertThat(cluster).isEqualTo(again.predict(x));
    assertThat(again.samplesSeen()).isEqualTo(1024);
  }

  @Test
  void prequentialClustering() throws IOException {
    Path points = dir.resolve("points.csv.gz");
    GaussianBlobs blobs = new GaussianBlobs(16, 32, 1.0, 10, 0, 3);
    List<String> lines = new ArrayList<>();
    double[] point = new double[32];
    for (int i = 0; i < 20_000; i++) {
      blobs.next(point);
      StringBuilder line = new StringBuilder();
      for (double v : point) {
        line.append(line.length() == 0 ? "" : ",").append(v);
      }
      lines.add(line.toString());
    }
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(points))) {
      out.write(String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    // README:prequential-clustering
    // One point at a time, so forgetting is counted in points (10 batches of 1,024).
    MiniBatchKMeans model = MiniBatchKMeans.builder(16, 32)
        .rate(CentroidRate.halfLife(10 * 1024, DecayUnit.POINTS)).seed(7).build();
    try (CsvReader rows = CsvReader.builder(points).noTarget().open()) {
      ClusteringMetrics m = Prequential.clustering(model, rows, new ClusteringMetrics(10_000));
      System.out.println(m);
    }
    // README:end
    assertThat(model.samplesSeen()).isEqualTo(20_000);
  }

  @Test
  void ensemble() {
    double[] x = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    int label = 1;
    // README:ensemble
    HoeffdingTree tree = HoeffdingTree.builder(8, 2).build();  // 8 features, 2 classes
    OnlineAdaBoost boost = OnlineAdaBoost.builder(tree).size(10).adwin(0.002).build();
    boost.learn(x, label);                                   // test-then-train as you like
    int predicted = boost.predict(x);
    // README:end
    assertThat(predicted).isEqualTo(1);
  }
}
