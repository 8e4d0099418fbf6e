package org.brookml.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the scikit-learn side of a comparison program: a Python script shipped in
 * {@code benchmarks.jar} under {@code /python}, given files of raw little-endian numbers, printing
 * one flat JSON line. The interpreter is {@code -Dpython=...} (default {@code python3}); without
 * scikit-learn the script exits 3 and the comparison reports Brook alone.
 */
public final class ScikitLearn {

  private ScikitLearn() {}

  /** Runs {@code /python/<script>} with {@code args}; the JSON line, or null if it could not run. */
  public static String run(String script, String... args) throws IOException, InterruptedException {
    Path file = Files.createTempFile("brook-", ".py");
    try (InputStream in = ScikitLearn.class.getResourceAsStream("/python/" + script)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    try {
      List<String> command = new ArrayList<>();
      command.add(System.getProperty("python", "python3"));
      command.add(file.toString());
      command.addAll(Arrays.asList(args));
      ProcessBuilder pb = new ProcessBuilder(command);
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
      Files.deleteIfExists(file);
    }
  }

  /** Writes little-endian float64 values. */
  public static void writeDoubles(double[] values, int length, Path file) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 19).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      for (int i = 0; i < length; i++) {
        buffer.putDouble(values[i]);
        if (!buffer.hasRemaining() || i == length - 1) {
          flush(buffer, channel);
        }
      }
    }
  }

  /** Writes little-endian int32 values. */
  public static void writeInts(int[] values, int length, Path file) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 19).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      for (int i = 0; i < length; i++) {
        buffer.putInt(values[i]);
        if (!buffer.hasRemaining() || i == length - 1) {
          flush(buffer, channel);
        }
      }
    }
  }

  /** Writes little-endian int64 values. */
  public static void writeLongs(long[] values, Path file) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 19).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      for (int i = 0; i < values.length; i++) {
        buffer.putLong(values[i]);
        if (!buffer.hasRemaining() || i == values.length - 1) {
          flush(buffer, channel);
        }
      }
    }
  }

  private static void flush(ByteBuffer buffer, FileChannel channel) throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }

  /** A number field of the script's flat JSON line. */
  public static double number(String json, String field) {
    return Double.parseDouble(text(json, field));
  }

  /** A field of the script's flat JSON line, as text. */
  public static String text(String json, String field) {
    int start = json.indexOf("\"" + field + "\":") + field.length() + 3;
    int end = start;
    while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '}') {
      end++;
    }
    return json.substring(start, end).trim().replace("\"", "");
  }

  /** The median of {@code values}. */
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
