package org.brookml.io;

import java.io.BufferedReader;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.brookml.learner.DenseExampleStream;
import org.brookml.learner.FeatureSchema;

/**
 * Streams the data rows of a Weka ARFF file one at a time, after reading its header. Numeric
 * ({@code numeric}, {@code real}, {@code integer}) and nominal ({@code {a,b,c}}) attributes are
 * supported; a nominal value becomes its position in the declaration (0, 1, ...), so class labels
 * get fixed codes from the header. The target is the last attribute unless named otherwise. Rows
 * may be dense ({@code 1.5,UP}) or sparse ({@code {0 1.5, 8 UP}}, absent values 0 or the first
 * nominal value). Comments ({@code %}) and blank lines are skipped. The features' kinds, names and
 * values are {@link #schema()}. A missing value ({@code ?}) is NaN after {@link
 * #missingValuesAsNaN()} (for learners that take missing values), an error otherwise; an
 * undeclared nominal value, a {@code string} or {@code date} attribute, or a malformed row raises
 * {@link DataFormatException} with file, line and column. Files ending in {@code .gz} are
 * gunzipped. Not thread-safe.
 */
public final class ArffReader implements DenseExampleStream {

  /** One declared attribute: its name and, if nominal, its values in declaration order. */
  public record Attribute(String name, List<String> nominalValues) {

    /** Whether the attribute is nominal. */
    public boolean isNominal() {
      return nominalValues != null;
    }
  }

  private final BufferedReader reader;
  private final String source;
  private final List<Attribute> attributes;
  private final int targetIndex;
  private final double[] features;
  private final double[] row;
  private final List<String> fields = new ArrayList<>();
  private double target = Double.NaN;
  private long line;
  private boolean missingAsNaN;

  private ArffReader(BufferedReader reader, String source, String targetName, boolean noTarget) {
    this.reader = reader;
    this.source = source;
    this.attributes = List.copyOf(readHeader());
    if (attributes.isEmpty()) {
      throw new DataFormatException(source, line, 0, "no @attribute before @data");
    }
    if (noTarget) {
      targetIndex = -1;
    } else if (targetName == null) {
      targetIndex = attributes.size() - 1;
    } else {
      int found = -1;
      for (int i = 0; i < attributes.size(); i++) {
        if (attributes.get(i).name().equals(targetName)) {
          found = i;
        }
      }
      if (found < 0) {
        throw new IllegalArgumentException("no attribute named '" + targetName + "' in " + source);
      }
      targetIndex = found;
    }
    this.row = new double[attributes.size()];
    this.features = new double[targetIndex < 0 ? attributes.size() : attributes.size() - 1];
  }

  /** Opens a file whose last attribute is the target. */
  public static ArffReader open(Path path) {
    return open(path, null);
  }

  /** Opens a file with the named attribute as the target. */
  public static ArffReader open(Path path, String targetName) {
    BufferedReader in = TextSource.open(Objects.requireNonNull(path, "path"));
    return openChecked(in, path.toString(), targetName, false);
  }

  /** Reads from {@code reader}; {@code source} names it in errors; null target = last attribute. */
  public static ArffReader open(Reader reader, String source, String targetName) {
    return openChecked(TextSource.skipByteOrderMark(
        new BufferedReader(Objects.requireNonNull(reader, "reader")), source), source, targetName,
        false);
  }

  /** Opens a file in which every attribute is a feature; {@link #target()} is NaN. */
  public static ArffReader openWithoutTarget(Path path) {
    return openChecked(TextSource.open(Objects.requireNonNull(path, "path")), path.toString(), null,
        true);
  }

  private static ArffReader openChecked(BufferedReader in, String source, String target,
      boolean noTarget) {
    try {
      return new ArffReader(in, source, target, noTarget);
    } catch (RuntimeException e) {
      TextSource.close(in, source);
      throw e;
    }
  }

  /** The declared attributes, target included, in file order. */
  public List<Attribute> attributes() {
    return attributes;
  }

  /**
   * Reads a missing feature value ({@code ?}) as NaN from now on, instead of refusing it; a
   * missing target is still an error. Returns this reader.
   */
  public ArffReader missingValuesAsNaN() {
    this.missingAsNaN = true;
    return this;
  }

  /**
   * The features in row order (the target left out), nominal ones with their declared values, and
   * the class names when the target is nominal.
   */
  public FeatureSchema schema() {
    List<FeatureSchema.Feature> list = new ArrayList<>(features.length);
    for (int i = 0; i < attributes.size(); i++) {
      Attribute a = attributes.get(i);
      if (i != targetIndex) {
        list.add(new FeatureSchema.Feature(a.name(),
            a.isNominal() ? a.nominalValues() : List.of()));
      }
    }
    Attribute t = targetAttribute();
    return FeatureSchema.of(list, t != null && t.isNominal() ? t.nominalValues() : List.of());
  }

  /** The target attribute, or null without one. */
  public Attribute targetAttribute() {
    return targetIndex < 0 ? null : attributes.get(targetIndex);
  }

  /** Number of classes of a nominal target. */
  public int numClasses() {
    Attribute t = targetAttribute();
    if (t == null || !t.isNominal()) {
      throw new IllegalStateException("the target of " + source + " is not nominal");
    }
    return t.nominalValues().size();
  }

  @Override
  public int dimension() {
    return features.length;
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
    String text = nextContentLine();
    if (text == null) {
      return false;
    }
    if (text.startsWith("{")) {
      parseSparse(text);
    } else {
      parseDense(text);
    }
    int f = 0;
    for (int a = 0; a < row.length; a++) {
      if (a == targetIndex) {
        target = row[a];
      } else {
        features[f++] = row[a];
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

  private List<Attribute> readHeader() {
    List<Attribute> declared = new ArrayList<>();
    while (true) {
      String text = nextContentLine();
      if (text == null) {
        throw new DataFormatException(source, line, 0, "no @data section");
      }
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.startsWith("@data")) {
        return declared;
      } else if (lower.startsWith("@attribute")) {
        Attribute attribute = parseAttribute(text.substring("@attribute".length()).trim());
        for (Attribute earlier : declared) {
          if (earlier.name().equals(attribute.name())) {
            throw new DataFormatException(source, line, 0,
                "attribute '" + attribute.name() + "' is declared twice");
          }
        }
        declared.add(attribute);
      } else if (!lower.startsWith("@relation")) {
        throw new DataFormatException(source, line, 0, "unexpected header line: " + text);
      }
    }
  }

  private Attribute parseAttribute(String rest) {
    int nameEnd;
    String name;
    if (rest.startsWith("'") || rest.startsWith("\"")) {
      nameEnd = rest.indexOf(rest.charAt(0), 1);
      if (nameEnd < 0) {
        throw new DataFormatException(source, line, 0, "unclosed quote in attribute name");
      }
      name = rest.substring(1, nameEnd);
      nameEnd++;
    } else {
      nameEnd = 0;
      while (nameEnd < rest.length() && !Character.isWhitespace(rest.charAt(nameEnd))) {
        nameEnd++;
      }
      name = rest.substring(0, nameEnd);
    }
    String type = rest.substring(nameEnd).trim();
    if (type.startsWith("{")) {
      if (!type.endsWith("}")) {
        throw new DataFormatException(source, line, 0, "unclosed nominal values of '" + name + "'");
      }
      split(type.substring(1, type.length() - 1), ',');
      return new Attribute(name, List.copyOf(fields));
    }
    String kind = type.toLowerCase(Locale.ROOT);
    if (kind.equals("numeric") || kind.equals("real") || kind.equals("integer")) {
      return new Attribute(name, null);
    }
    throw new DataFormatException(source, line, 0,
        "attribute '" + name + "' has unsupported type '" + type + "' (numeric or nominal only)");
  }

  private void parseDense(String text) {
    split(text, ',');
    if (fields.size() != row.length) {
      throw new DataFormatException(source, line, 0,
          "expected " + row.length + " values but found " + fields.size());
    }
    for (int a = 0; a < row.length; a++) {
      row[a] = value(a, fields.get(a), a + 1);
    }
  }

  private void parseSparse(String text) {
    if (!text.endsWith("}")) {
      throw new DataFormatException(source, line, 0, "sparse row without closing '}'");
    }
    java.util.Arrays.fill(row, 0.0);
    split(text.substring(1, text.length() - 1), ',');
    List<String> pairs = List.copyOf(fields);
    int column = 0;
    int previous = -1;
    for (String pair : pairs) {
      column++;
      String p = pair.trim();
      if (p.isEmpty()) {
        continue;
      }
      int space = p.indexOf(' ');
      if (space < 0) {
        throw new DataFormatException(source, line, column, "expected 'index value': " + p);
      }
      int a;
      try {
        a = Integer.parseInt(p.substring(0, space));
      } catch (NumberFormatException e) {
        throw new DataFormatException(source, line, column, "bad attribute index: " + p);
      }
      if (a < 0 || a >= row.length) {
        throw new DataFormatException(source, line, column,
            "attribute index " + a + " is outside [0, " + row.length + ")");
      }
      // The ARFF definition lists a sparse row's indices in increasing order; a repeated or
      // decreasing index would otherwise let a later value silently replace an earlier one.
      if (a <= previous) {
        throw new DataFormatException(source, line, column, "attribute index " + a
            + (a == previous ? " is repeated" : " comes after " + previous)
            + ": sparse rows list indices in increasing order");
      }
      previous = a;
      row[a] = value(a, unquote(p.substring(space + 1).trim()), column);
    }
  }

  private double value(int attribute, String text, int column) {
    String s = text.trim();
    Attribute declared = attributes.get(attribute);
    if (s.equals("?")) {
      if (missingAsNaN && attribute != targetIndex) {
        return Double.NaN;
      }
      throw new DataFormatException(source, line, column,
          "missing value for '" + declared.name() + "'");
    }
    if (declared.isNominal()) {
      int code = declared.nominalValues().indexOf(s);
      if (code < 0) {
        throw new DataFormatException(source, line, column, "'" + s + "' is not a declared value of '"
            + declared.name() + "' " + declared.nominalValues());
      }
      return code;
    }
    return TextSource.parseFinite(s, source, line, column);
  }

  private String nextContentLine() {
    while (true) {
      String text = TextSource.readLine(reader, source, line);
      if (text == null) {
        return null;
      }
      line++;
      String trimmed = text.trim();
      if (!trimmed.isEmpty() && !trimmed.startsWith("%")) {
        return trimmed;
      }
    }
  }

  /** Splits on {@code delimiter} outside single or double quotes, unquoting each field. */
  private void split(String text, char delimiter) {
    fields.clear();
    StringBuilder field = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else {
          field.append(ch);
        }
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
      } else if (ch == delimiter) {
        fields.add(field.toString().trim());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    if (quote != 0) {
      throw new DataFormatException(source, line, fields.size() + 1, "unclosed quote");
    }
    fields.add(field.toString().trim());
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"')
        && s.charAt(s.length() - 1) == s.charAt(0)) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
