package org.brookml.io;

import java.io.BufferedReader;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.brookml.learner.DenseExampleStream;
import org.brookml.learner.FeatureSchema;
import org.brookml.learner.LabelEncoder;
import org.brookml.learner.SizeLimits;

/**
 * Streams numeric rows from a delimited text file, one row at a time, without loading the file.
 * One column may be the target: parsed as a number, or mapped through a {@link LabelEncoder} for
 * class labels such as {@code UP}/{@code DOWN}. Other columns must be numbers, unless declared
 * nominal ({@link Builder#nominal}) or inferred nominal ({@link Builder#inferNominal}: a column
 * whose first row holds text): a nominal column's texts become codes 0, 1, ... in order of first
 * appearance, up to a bound. Fields listed as {@link Builder#missing missing} become NaN. The
 * features' kinds and names, and the nominal values seen so far, are {@link #schema()}. Empty lines
 * are skipped, a trailing carriage return is ignored, and double-quoted fields are unquoted (a
 * quoted field may not span lines). A malformed row raises {@link DataFormatException} with file,
 * line and column. Files ending in {@code .gz} are gunzipped. Not thread-safe.
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
  /** Per column, the codes of a nominal column's texts, or null for a numeric column. */
  private final List<LabelEncoder<String>> nominal;
  private final Set<String> missing;
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
    this.missing = Set.copyOf(b.missing);
    this.nominal = nominalColumns(b);
  }

  /** The columns declared nominal, and those inferred so from the first data row. */
  private List<LabelEncoder<String>> nominalColumns(Builder b) {
    List<LabelEncoder<String>> encoders = new ArrayList<>(Collections.nCopies(columns, null));
    for (Object column : b.nominalColumns) {
      int c = column instanceof Integer ? columnIndex((Integer) column, "nominal column")
          : columnNamed((String) column, "nominal column");
      if (c == targetColumn) {
        throw new IllegalArgumentException("column " + c + " is the target; map class labels "
            + "with .labels(...)");
      }
      encoders.set(c, LabelEncoder.growing(b.maxNominalValues));
    }
    if (b.inferNominal) {
      if (pendingLine == null) {
        pendingLine = nextNonEmptyLine();
      }
      if (pendingLine != null) {
        split(pendingLine);
        for (int c = 0; c < Math.min(columns, fields.size()); c++) {
          String field = fields.get(c).trim();
          if (c != targetColumn && !missing.contains(field) && !isNumber(field)) {
            encoders.set(c, LabelEncoder.growing(b.maxNominalValues));
          }
        }
      }
    }
    return encoders;
  }

  private static boolean isNumber(String field) {
    try {
      Double.parseDouble(field);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * What each feature is, in row order: its name (the header's, else {@code x1, x2, ...} by
   * column), and for a nominal column the values seen so far, in code order; with the class names
   * when the target is mapped through labels. Nominal values grow as rows are read.
   */
  public FeatureSchema schema() {
    List<FeatureSchema.Feature> list = new ArrayList<>(features.length);
    for (int c = 0; c < columns; c++) {
      if (c == targetColumn) {
        continue;
      }
      String name = header != null ? header.get(c) : "x" + (c + 1);
      LabelEncoder<String> codes = nominal.get(c);
      list.add(new FeatureSchema.Feature(name, codes == null ? List.of() : codes.labels()));
    }
    return FeatureSchema.of(list, labels == null ? List.of() : labels.labels());
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
      return columnNamed(b.targetName, "target column");
    }
    if (b.noTarget) {
      return -1;
    }
    return columnIndex(b.targetIndex, "target column");
  }

  /** The index of the header's column {@code name}. */
  private int columnNamed(String name, String what) {
    if (header == null) {
      throw new IllegalArgumentException(what + " given by name but the file has no header");
    }
    int index = header.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no column named '" + name + "' in " + header);
    }
    return index;
  }

  /** A 0-based column index, negative counting from the end, checked. */
  private int columnIndex(int column, String what) {
    int index = column < 0 ? columns + column : column;
    if (index < 0 || index >= columns) {
      throw new IllegalArgumentException(what + " " + column + " is outside the "
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
        target = labels != null ? encode(labels, field, c) : parse(field, c);
      } else if (missing.contains(field.trim())) {
        features[f++] = Double.NaN;
      } else if (nominal.get(c) != null) {
        features[f++] = encode(nominal.get(c), field, c);
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

  private double encode(LabelEncoder<String> codes, String field, int column) {
    try {
      return codes.encode(field.trim());
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
    private final List<Object> nominalColumns = new ArrayList<>();
    private boolean inferNominal;
    private int maxNominalValues = 1_000;
    private final Set<String> missing = new HashSet<>();

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

    /** Declares feature columns nominal by header name: their texts become codes. */
    public Builder nominal(String... columnNames) {
      for (String name : columnNames) {
        nominalColumns.add(Objects.requireNonNull(name, "column name"));
      }
      return this;
    }

    /**
     * Declares feature columns nominal by 0-based index (negative counts from the end): their
     * texts become codes.
     */
    public Builder nominal(int... columns) {
      for (int column : columns) {
        nominalColumns.add(column);
      }
      return this;
    }

    /**
     * Whether a feature column whose first data row holds text (not a number, not a missing
     * token) is nominal; default false: such a field is an error, with a hint.
     */
    public Builder inferNominal(boolean inferNominal) {
      this.inferNominal = inferNominal;
      return this;
    }

    /**
     * The most values a nominal column takes (2 to 2^16; default 1,000); a new text beyond them
     * is an error naming it.
     */
    public Builder maxNominalValues(int maxNominalValues) {
      this.maxNominalValues = SizeLimits.within("maxNominalValues", maxNominalValues, 2,
          SizeLimits.MAX_NOMINAL_VALUES);
      return this;
    }

    /**
     * Feature fields (trimmed) that mean "missing" and read as NaN, for example {@code ""},
     * {@code "?"}, {@code "NA"}; default none. Only learners that take missing values (or a
     * pipeline starting with an {@code Imputer}) accept such rows.
     */
    public Builder missing(String... tokens) {
      for (String token : tokens) {
        missing.add(Objects.requireNonNull(token, "token").trim());
      }
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
