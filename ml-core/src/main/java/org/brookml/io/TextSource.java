package org.brookml.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens text files for the readers: UTF-8, gunzipped when the name ends in {@code .gz}, a leading
 * UTF-8 byte-order mark skipped.
 */
final class TextSource {

  private TextSource() {}

  static BufferedReader open(Path path) {
    try {
      InputStream in = Files.newInputStream(path);
      if (path.getFileName().toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return skipByteOrderMark(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16),
          path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path, e);
    }
  }

  /**
   * Skips a byte-order mark (U+FEFF) at the start of {@code reader}, which editors on Windows
   * write before UTF-8 text; without this the first field reads as not a number.
   */
  static BufferedReader skipByteOrderMark(BufferedReader reader, String source) {
    try {
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
      return reader;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  /**
   * The next line, or null at the end; {@code linesRead} (lines before this one) places a read
   * failure, such as a gzip file cut short, in the file.
   *
   * @throws DataFormatException if the stream cannot be read further
   */
  static String readLine(BufferedReader reader, String source, long linesRead) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new DataFormatException(source, linesRead + 1, 0, "cannot read the file further "
          + "(" + e + "): it may be truncated or corrupt", e);
    }
  }

  static void close(BufferedReader reader, String source) {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + source, e);
    }
  }

  /**
   * Parses a finite number, or throws {@link DataFormatException} at the given place saying
   * whether it is not a number or not finite.
   */
  static double parseFinite(String text, String source, long line, int column) {
    String s = text.trim();
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new DataFormatException(source, line, column, "not a number: '" + s + "'");
    }
    if (!Double.isFinite(v)) {
      throw new DataFormatException(source, line, column, "not a finite number: '" + s + "'");
    }
    return v;
  }
}
