package org.brookml.cluster;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.brookml.io.CsvReader;

/** The UCI skin segmentation pixels (B, G, R), from test resources, shuffled with a fixed seed. */
final class SkinData {

  static final int ROWS = 245_057;
  static final int DIMENSION = 3;

  private SkinData() {}

  /** Row-major {@code ROWS x 3}, shuffled with {@code seed}. */
  static double[] shuffled(long seed) {
    double[] xs = new double[ROWS * DIMENSION];
    String resource = "/data/skin_segmentation/Skin_NonSkin.txt.gz";
    try (InputStream raw = SkinData.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      try (CsvReader reader = CsvReader.builder(new InputStreamReader(new GZIPInputStream(raw),
          StandardCharsets.UTF_8), resource).delimiter('\t').open()) {
        int r = 0;
        while (reader.next()) {
          System.arraycopy(reader.features(), 0, xs, r * DIMENSION, DIMENSION);
          r++;
        }
        if (r != ROWS) {
          throw new IllegalStateException("expected " + ROWS + " rows, read " + r);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] tmp = new double[DIMENSION];
    for (int i = ROWS - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      System.arraycopy(xs, i * DIMENSION, tmp, 0, DIMENSION);
      System.arraycopy(xs, j * DIMENSION, xs, i * DIMENSION, DIMENSION);
      System.arraycopy(tmp, 0, xs, j * DIMENSION, DIMENSION);
    }
    return xs;
  }
}
