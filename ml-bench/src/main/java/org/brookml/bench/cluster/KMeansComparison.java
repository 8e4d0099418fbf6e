package org.brookml.bench.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.data.GaussianBlobs;
import org.brookml.vector.Vectors;

/**
 * Brook's mini-batch k-means against scikit-learn's {@code MiniBatchKMeans}, one pass, one core,
 * the same data (written to a file both read), the same batch size and seeding-buffer size.
 * Prints examples per second for each, their ratio, and the final inertia per point of each.
 * scikit-learn runs through {@code python3} (set {@code -Dpython=...}); without it only Brook runs.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp ml-bench/target/benchmarks.jar
 * org.brookml.bench.cluster.KMeansComparison [rows]}.
 */
public final class KMeansComparison {

  private static final int DIMENSION = 32;
  private static final int K = 16;
  private static final int BATCH = 1024;
  private static final int INIT_SIZE = 3 * BATCH;
  private static final int REPS = 5;

  private KMeansComparison() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    double[] data = new double[rows * DIMENSION];
    new GaussianBlobs(K, DIMENSION, 1.0, 10, 0, 1).fill(data, rows, null);
    System.out.printf(Locale.ROOT, "mini-batch k-means, one pass: %,d rows, d=%d, k=%d, batch %d,"
        + " k-means++ over %d; Java %s, kernels %s%n", rows, DIMENSION, K, BATCH, INIT_SIZE,
        Runtime.version(), Vectors.implementation());

    double[] rates = new double[REPS + 2];
    double inertia = 0;
    for (int rep = 0; rep < rates.length; rep++) { // the first two warm the JIT up
      MiniBatchKMeans model = MiniBatchKMeans.builder(K, DIMENSION).initBufferSize(INIT_SIZE)
          .seed(rep).build();
      long start = System.nanoTime();
      for (int row = 0; row < rows; row += BATCH) {
        model.learnBatch(data, row, Math.min(BATCH, rows - row));
      }
      rates[rep] = rows / ((System.nanoTime() - start) / 1e9);
      inertia = model.inertia(data, rows) / rows;
    }
    double brook = median(Arrays.copyOfRange(rates, 2, rates.length));
    System.out.printf(Locale.ROOT, "Brook        %,12.0f examples/s   inertia/pt %.4f%n", brook,
        inertia);

    Path file = Files.createTempFile("brook-kmeans", ".f64");
    try {
      write(data, file);
      String sklearn = runScikitLearn(file, rows);
      if (sklearn == null) {
        return;
      }
      double sklearnRate = number(sklearn, "examples_per_second");
      System.out.printf(Locale.ROOT, "scikit-learn %,12.0f examples/s   inertia/pt %.4f"
          + "   (version %s)%n", sklearnRate, number(sklearn, "inertia_per_point"),
          text(sklearn, "version"));
      System.out.printf(Locale.ROOT, "ratio Brook / scikit-learn: %.1fx%n", brook / sklearnRate);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static String runScikitLearn(Path file, int rows) throws IOException, InterruptedException {
    Path script = Files.createTempFile("sklearn_minibatch_kmeans", ".py");
    try (InputStream in = KMeansComparison.class.getResourceAsStream(
        "/python/sklearn_minibatch_kmeans.py")) {
      Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    try {
      ProcessBuilder pb = new ProcessBuilder(System.getProperty("python", "python3"),
          script.toString(), file.toString(), Integer.toString(rows), Integer.toString(DIMENSION),
          Integer.toString(K), Integer.toString(BATCH), Integer.toString(INIT_SIZE),
          Integer.toString(REPS));
      pb.environment().put("OMP_NUM_THREADS", "1");
      pb.environment().put("OPENBLAS_NUM_THREADS", "1");
      pb.redirectErrorStream(true);
      Process process = pb.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      if (exit != 0) {
        System.out.println("scikit-learn skipped (exit " + exit + "): " + output.trim());
        return null;
      }
      return output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private static void write(double[] data, Path file) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(8 * 65536).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      for (int i = 0; i < data.length; i++) {
        buffer.putDouble(data[i]);
        if (!buffer.hasRemaining() || i == data.length - 1) {
          buffer.flip();
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          buffer.clear();
        }
      }
    }
  }

  /** Reads a number field from the script's flat JSON line. */
  private static double number(String json, String field) {
    return Double.parseDouble(text(json, field));
  }

  private static String text(String json, String field) {
    int at = json.indexOf("\"" + field + "\":");
    int start = at + field.length() + 3;
    int end = start;
    while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '}') {
      end++;
    }
    return json.substring(start, end).trim().replace("\"", "");
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
