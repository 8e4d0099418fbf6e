package org.brookml.io;

import java.io.BufferedReader;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Objects;
import org.brookml.learner.SparseExampleStream;
import org.brookml.vector.SparseVector;

/**
 * Streams examples from a file in libsvm / svmlight format, one line at a time:
 * {@code <target> <index>:<value> <index>:<value> ... [# comment]}. Indices are 1-based in the
 * file (as libsvm writes them; configurable) and become 0-based; they must increase within a line
 * and stay below the declared dimension. A malformed line raises {@link DataFormatException} with
 * file, line and token number. Files ending in {@code .gz} are gunzipped. Not thread-safe.
 */
public final class LibSvmReader implements SparseExampleStream {

  private final BufferedReader reader;
  private final String source;
  private final int dimension;
  private final int indexBase;
  private final SparseVector features = new SparseVector(64);
  private double target = Double.NaN;
  private long line;

  private LibSvmReader(BufferedReader reader, String source, int dimension, int indexBase) {
    this.reader = reader;
    this.source = source;
    this.dimension = dimension;
    this.indexBase = indexBase;
  }

  /** Opens a file whose feature indices lie in {@code [1, dimension]}. */
  public static LibSvmReader open(Path path, int dimension) {
    return open(path, dimension, 1);
  }

  /** Opens a file whose first feature index is {@code indexBase} (0 or 1). */
  public static LibSvmReader open(Path path, int dimension, int indexBase) {
    checkSettings(dimension, indexBase);
    return new LibSvmReader(TextSource.open(Objects.requireNonNull(path, "path")), path.toString(),
        dimension, indexBase);
  }

  /** Reads from {@code reader}; {@code source} names it in error messages. */
  public static LibSvmReader open(Reader reader, String source, int dimension, int indexBase) {
    checkSettings(dimension, indexBase);
    return new LibSvmReader(TextSource.skipByteOrderMark(
        new BufferedReader(Objects.requireNonNull(reader, "reader")), source), source, dimension,
        indexBase);
  }

  private static void checkSettings(int dimension, int indexBase) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
    }
    if (indexBase != 0 && indexBase != 1) {
      throw new IllegalArgumentException("indexBase must be 0 or 1, got " + indexBase);
    }
  }

  @Override
  public int dimension() {
    return dimension;
  }

  /** Line number (1-based) of the current example. */
  public long lineNumber() {
    return line;
  }

  @Override
  public String position() {
    return source + ":" + line;
  }

  @Override
  public boolean next() {
    String text;
    int end;
    do {
      text = TextSource.readLine(reader, source, line);
      if (text == null) {
        return false;
      }
      line++;
      int hash = text.indexOf('#');
      end = hash >= 0 ? hash : text.length();
      while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
    } while (end == 0 || text.substring(0, end).isBlank());
    parse(text, end);
    return true;
  }

  private void parse(String text, int end) {
    features.clear();
    int pos = skipSpace(text, 0, end);
    int tokenEnd = tokenEnd(text, pos, end);
    String label = text.substring(pos, tokenEnd);
    try {
      target = Double.parseDouble(label);
    } catch (NumberFormatException e) {
      throw new DataFormatException(source, line, 1, "target is not a number: '" + label + "'");
    }
    if (!Double.isFinite(target)) {
      throw new DataFormatException(source, line, 1, "target is not finite: '" + label + "'");
    }
    int token = 1;
    int previous = -1;
    pos = skipSpace(text, tokenEnd, end);
    while (pos < end) {
      token++;
      tokenEnd = tokenEnd(text, pos, end);
      int colon = text.indexOf(':', pos);
      if (colon < 0 || colon >= tokenEnd) {
        throw new DataFormatException(source, line, token,
            "expected index:value, found '" + text.substring(pos, tokenEnd) + "'");
      }
      int index;
      double value;
      try {
        index = Integer.parseInt(text, pos, colon, 10) - indexBase;
        value = Double.parseDouble(text.substring(colon + 1, tokenEnd));
      } catch (NumberFormatException e) {
        throw new DataFormatException(source, line, token,
            "malformed index:value '" + text.substring(pos, tokenEnd) + "'");
      }
      if (index < 0 || index >= dimension) {
        throw new DataFormatException(source, line, token, "index " + (index + indexBase)
            + " is outside [" + indexBase + ", " + (dimension - 1 + indexBase) + "]");
      }
      if (index <= previous) {
        throw new DataFormatException(source, line, token, "index " + (index + indexBase)
            + " does not increase (previous " + (previous + indexBase) + ")");
      }
      if (!Double.isFinite(value)) {
        throw new DataFormatException(source, line, token, "value is not finite: " + value);
      }
      features.add(index, value);
      previous = index;
      pos = skipSpace(text, tokenEnd, end);
    }
  }

  private static int skipSpace(String text, int pos, int end) {
    while (pos < end && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  private static int tokenEnd(String text, int pos, int end) {
    while (pos < end && !Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  @Override
  public SparseVector features() {
    return features;
  }

  @Override
  public double target() {
    return target;
  }

  @Override
  public void close() {
    TextSource.close(reader, source);
  }
}
