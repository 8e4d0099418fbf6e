package org.brookml.io;

import java.io.BufferedReader;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.brookml.learner.DenseExampleStream;
import org.brookml.learner.LabelEncoder;

/**
 * Streams numeric rows from a delimited text file, one row at a time, without loading the file.
 * One column may be the target: parsed as a number, or mapped through a {@link LabelEncoder} for
 * class labels such as {@code UP}/{@code DOWN}. Other columns must be numbers; empty lines are
 * skipped, a trailing carriage return is ignored, and double-quoted fields are unquoted (a quoted
 * field may not span lines). A malformed row raises {@link DataFormatException} with file, line and
 * column. Files ending in {@code .gz} are gunzipped. Not thread-safe.
 */
public final class CsvReader implements DenseExampleStream {

  private final BufferedReader reader;
  private final String source;
  private final char delimiter;
  private final int targetColumn;
  private final LabelEncoder<String> labels;
  private final boolean hasHeader;
  private long firstRowLine;
  private final int columns;
  private final List<String> header;
  private final double[] features;
  private final List<String> fields = new ArrayList<>();
  private double target = Double.NaN;
  private long line;
  private String pendingLine;

  private CsvReader(Builder b, BufferedReader reader, String source) {
    this.reader = reader;
    this.source = source;
    this.delimiter = b.delimiter;
    this.labels = b.labels;
    this.hasHeader = b.hasHeader;
    String first = nextNonEmptyLine();
    if (first == null) {
      throw new DataFormatException(source, line, 0, "the file is empty");
    }
    split(first);
    this.columns = fields.size();
    if (b.hasHeader) {
      this.header = List.copyOf(fields);
    } else {
      this.header = null;
      this.pendingLine = first;
    }
    this.targetColumn = resolveTarget(b);
    this.features = new double[targetColumn < 0 ? columns : columns - 1];
  }

  /** A builder reading the given file. */
  public static Builder builder(Path path) {
    return new Builder(Objects.requireNonNull(path, "path"), null, path.toString());
  }

  /** A builder reading from {@code reader}; {@code source} names it in error messages. */
  public static Builder builder(Reader reader, String source) {
    return new Builder(null, Objects.requireNonNull(reader, "reader"), source);
  }

  private int resolveTarget(Builder b) {
    if (b.targetName != null) {
      if (header == null) {
        throw new IllegalArgumentException("target column given by name but the file has no header");
      }
      int index = header.indexOf(b.targetName);
      if (index < 0) {
        throw new IllegalArgumentException("no column named '" + b.targetName + "' in " + header);
      }
      return index;
    }
    int index = b.targetIndex < 0 ? columns + b.targetIndex : b.targetIndex;
    if (b.noTarget) {
      return -1;
    }
    if (index < 0 || index >= columns) {
      throw new IllegalArgumentException("target column " + b.targetIndex + " is outside the "
          + columns + " columns of " + source);
    }
    return index;
  }

  @Override
  public int dimension() {
    return features.length;
  }

  /** Column names, if the file has a header; otherwise null. */
  public List<String> header() {
    return header;
  }

  /** Line number (1-based) of the current row. */
  public long lineNumber() {
    return line;
  }

  @Override
  public String position() {
    return source + ":" + line;
  }

  @Override
  public boolean next() {
    String text = pendingLine != null ? pendingLine : nextNonEmptyLine();
    pendingLine = null;
    if (text == null) {
      return false;
    }
    if (firstRowLine == 0) {
      firstRowLine = line;
    }
    split(text);
    if (fields.size() != columns) {
      throw new DataFormatException(source, line, 0,
          "expected " + columns + " fields but found " + fields.size());
    }
    int f = 0;
    for (int c = 0; c < columns; c++) {
      String field = fields.get(c);
      if (c == targetColumn) {
        target = labels != null ? encode(field, c) : parse(field, c);
      } else {
        features[f++] = parse(field, c);
      }
    }
    return true;
  }

  @Override
  public double[] features() {
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

  private double encode(String field, int column) {
    try {
      return labels.encode(field.trim());
    } catch (IllegalArgumentException e) {
      throw new DataFormatException(source, line, column + 1, e.getMessage());
    }
  }

  private double parse(String field, int column) {
    try {
      return TextSource.parseFinite(field, source, line, column + 1);
    } catch (DataFormatException e) {
      String hint = hint(field, column);
      if (hint == null) {
        throw e;
      }
      throw new DataFormatException(source, line, column + 1, e.problem() + "; " + hint);
    }
  }

  /** What most likely went wrong when {@code field} is not a number, or null if nothing fits. */
  private String hint(String field, int column) {
    if (columns == 1) {
      for (char other : new char[] {',', ';', '\t', '|'}) {
        if (other != delimiter && field.indexOf(other) >= 0) {
          return "the line was read as one field: is the delimiter '"
              + (other == '\t' ? "\\t" : String.valueOf(other)) + "'? Set it with .delimiter(...)";
        }
      }
    }
    if (!hasHeader && line == firstRowLine) {
      return "if the first line names the columns, open the reader with .header(true)";
    }
    if (column == targetColumn && labels == null) {
      return "for class labels given as text, map them with .labels(LabelEncoder.growing(n)) or "
          + ".labels(LabelEncoder.of(...))";
    }
    return null;
  }

  private String nextNonEmptyLine() {
    while (true) {
      String text = TextSource.readLine(reader, source, line);
      if (text == null) {
        return null;
      }
      line++;
      if (!text.isBlank()) {
        return text;
      }
    }
  }

  private void split(String text) {
    fields.clear();
    int length = text.length();
    if (length > 0 && text.charAt(length - 1) == '\r') {
      length--;
    }
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < length; i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < length && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    if (quoted) {
      throw new DataFormatException(source, line, fields.size() + 1, "unclosed quote");
    }
    fields.add(field.toString());
  }

  /** Configuration of a {@link CsvReader}. */
  public static final class Builder {
    private final Path path;
    private final Reader reader;
    private final String source;
    private char delimiter = ',';
    private boolean hasHeader;
    private int targetIndex = -1;
    private String targetName;
    private boolean noTarget;
    private LabelEncoder<String> labels;

    private Builder(Path path, Reader reader, String source) {
      this.path = path;
      this.reader = reader;
      this.source = source;
    }

    /** Field separator; default {@code ','}. */
    public Builder delimiter(char delimiter) {
      if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
        throw new IllegalArgumentException("delimiter cannot be " + (int) delimiter);
      }
      this.delimiter = delimiter;
      return this;
    }

    /** Whether the first non-empty line names the columns; default false. */
    public Builder header(boolean hasHeader) {
      this.hasHeader = hasHeader;
      return this;
    }

    /** The target column by 0-based index; negative counts from the end; default -1 (last). */
    public Builder target(int column) {
      this.targetIndex = column;
      this.targetName = null;
      this.noTarget = false;
      return this;
    }

    /** The target column by header name. */
    public Builder target(String columnName) {
      this.targetName = Objects.requireNonNull(columnName, "columnName");
      this.noTarget = false;
      return this;
    }

    /** Every column is a feature; {@link CsvReader#target()} is NaN. */
    public Builder noTarget() {
      this.noTarget = true;
      this.targetName = null;
      return this;
    }

    /** Maps the target column's text through {@code labels} instead of parsing a number. */
    public Builder labels(LabelEncoder<String> labels) {
      this.labels = Objects.requireNonNull(labels, "labels");
      return this;
    }

    /** Opens the source and reads the header (or first row, to count the columns). */
    public CsvReader open() {
      BufferedReader in = path != null ? TextSource.open(path)
          : TextSource.skipByteOrderMark(new BufferedReader(reader), source);
      try {
        return new CsvReader(this, in, source);
      } catch (RuntimeException e) {
        TextSource.close(in, source);
        throw e;
      }
    }
  }
}
