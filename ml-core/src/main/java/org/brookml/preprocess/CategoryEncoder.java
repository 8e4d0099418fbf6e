package org.brookml.preprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.brookml.learner.OnlineLearner;

/**
 * Turns rows of mixed columns (numbers, and strings in the columns declared categorical) into dense
 * {@code double[]} rows, learning each categorical column's vocabulary as values arrive, in order
 * of first appearance, up to {@code maxCategories} values a column:
 *
 * <ul>
 *   <li>{@link Encoding#ORDINAL}: a categorical column becomes one value, the category's index
 *       ({@code 0, 1, 2, ...}), as Brook's learners expect nominal features;
 *   <li>{@link Encoding#ONE_HOT}: a categorical column becomes {@code maxCategories} values, 1 in
 *       the category's slot and 0 elsewhere, so that the output dimension is fixed from the start
 *       and linear models can use it.
 * </ul>
 *
 * <p>A value that has no index (the vocabulary is full, or {@link #encode} meets a value never
 * learned) follows the {@link Unseen} policy: refused with an error naming the column and value,
 * encoded as missing ({@code NaN} in ordinal encoding, all zeros in one-hot), or mapped to a
 * reserved last category "other". Numeric columns take {@link Number}s and pass through.
 * {@link #learn} checks the whole row before any vocabulary grows. Not thread-safe; encoding a row
 * of known values allocates nothing.
 */
public final class CategoryEncoder implements OnlineLearner {

  /** How a categorical column is written into the output row. */
  public enum Encoding {
    /** One value: the category's index. */
    ORDINAL,
    /** {@code maxCategories} values: 1 in the category's slot. */
    ONE_HOT
  }

  /** What a value without an index becomes. */
  public enum Unseen {
    /** An {@link IllegalArgumentException} naming the column, the value and the policy. */
    ERROR,
    /** Missing: {@code NaN} in ordinal encoding, all zeros in one-hot. */
    MISSING,
    /** The last category of the column, reserved for every value beyond the vocabulary. */
    OTHER
  }

  /** Most categories a column may hold. */
  public static final int MAX_CATEGORIES = 1 << 16;

  private final int columns;
  private final boolean[] categorical;
  private final Encoding encoding;
  private final int maxCategories;
  private final Unseen unseen;
  private final int[] offsets; // where each column starts in the output row
  private final int outputDimension;
  private final List<Map<String, Integer>> indexes; // per column; null for numeric columns
  private final List<List<String>> vocabularies;
  private final int[] pending; // per column during learn: index to add, or -1
  private long rowsSeen;

  private CategoryEncoder(Builder b) {
    this.columns = b.columns;
    this.categorical = b.categorical.clone();
    this.encoding = b.encoding;
    this.maxCategories = b.maxCategories;
    this.unseen = b.unseen;
    this.offsets = new int[columns];
    int width = 0;
    this.indexes = new ArrayList<>(columns);
    this.vocabularies = new ArrayList<>(columns);
    for (int c = 0; c < columns; c++) {
      offsets[c] = width;
      width += categorical[c] && encoding == Encoding.ONE_HOT ? maxCategories : 1;
      indexes.add(categorical[c] ? new HashMap<>() : null);
      vocabularies.add(categorical[c] ? new ArrayList<>() : null);
    }
    this.outputDimension = width;
    this.pending = new int[columns];
  }

  /** A builder for rows of {@code columns} values. */
  public static Builder builder(int columns) {
    return new Builder(columns);
  }

  /** A builder preset with this encoder's configuration (and none of its vocabulary). */
  public Builder toBuilder() {
    Builder b = new Builder(columns).encoding(encoding).maxCategories(maxCategories).unseen(unseen);
    System.arraycopy(categorical, 0, b.categorical, 0, columns);
    return b;
  }

  /**
   * Learns the categorical values of {@code row} (new ones get the next index while the column has
   * room), then writes the encoded row to {@code out} and returns it. The whole row is checked
   * first: a bad value leaves every vocabulary as it was.
   *
   * @throws IllegalArgumentException for a wrong length, a value of the wrong kind, a number that
   *     is not finite, or (policy {@link Unseen#ERROR}) a new value in a full column
   */
  public double[] learn(Object[] row, double[] out) {
    check(row, out);
    for (int c = 0; c < columns; c++) {
      pending[c] = -1;
      if (categorical[c]) {
        String value = (String) row[c];
        int size = vocabularies.get(c).size();
        if (!indexes.get(c).containsKey(value)) {
          if (size < capacity()) {
            pending[c] = size;
          } else if (unseen == Unseen.ERROR) {
            throw full(c, value);
          }
        }
      }
    }
    for (int c = 0; c < columns; c++) {
      if (pending[c] >= 0) {
        String value = (String) row[c];
        indexes.get(c).put(value, pending[c]);
        vocabularies.get(c).add(value);
      }
    }
    rowsSeen++;
    return write(row, out);
  }

  /**
   * Writes {@code row} encoded with the vocabulary learned so far to {@code out} and returns it;
   * values never learned follow the {@link Unseen} policy.
   *
   * @throws IllegalArgumentException as {@link #learn} does, and (policy {@link Unseen#ERROR}) for
   *     a value never learned
   */
  public double[] encode(Object[] row, double[] out) {
    check(row, out);
    if (unseen == Unseen.ERROR) {
      for (int c = 0; c < columns; c++) {
        if (categorical[c] && !indexes.get(c).containsKey((String) row[c])) {
          throw new IllegalArgumentException("column " + c + ": value '" + row[c]
              + "' was never learned (policy ERROR; choose Unseen.MISSING or OTHER to accept it)");
        }
      }
    }
    return write(row, out);
  }

  private void check(Object[] row, double[] out) {
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(out, "out");
    if (row.length != columns) {
      throw new IllegalArgumentException(
          "row has " + row.length + " values but the encoder has " + columns + " columns");
    }
    if (out.length != outputDimension) {
      throw new IllegalArgumentException(
          "out has length " + out.length + " but encoded rows have " + outputDimension);
    }
    for (int c = 0; c < columns; c++) {
      Object value = row[c];
      if (categorical[c]) {
        if (!(value instanceof String)) {
          throw new IllegalArgumentException("column " + c + " is categorical and takes a String, "
              + "got " + (value == null ? "null" : value.getClass().getName()));
        }
      } else if (!(value instanceof Number)) {
        throw new IllegalArgumentException("column " + c + " is numeric and takes a Number, got "
            + (value == null ? "null" : value.getClass().getName() + " '" + value + "'")
            + (value instanceof String ? "; declare it categorical in the builder" : ""));
      } else if (!Double.isFinite(((Number) value).doubleValue())) {
        throw new IllegalArgumentException("column " + c + " is not finite: " + value);
      }
    }
  }

  private double[] write(Object[] row, double[] out) {
    for (int c = 0; c < columns; c++) {
      int at = offsets[c];
      if (!categorical[c]) {
        out[at] = ((Number) row[c]).doubleValue();
        continue;
      }
      int index = indexOf(c, (String) row[c]);
      if (encoding == Encoding.ORDINAL) {
        out[at] = index < 0 ? Double.NaN : index;
      } else {
        Arrays.fill(out, at, at + maxCategories, 0);
        if (index >= 0) {
          out[at + index] = 1;
        }
      }
    }
    return out;
  }

  /** The index of {@code value} in column {@code c}: learned, "other", or -1 for missing. */
  private int indexOf(int c, String value) {
    Integer index = indexes.get(c).get(value);
    if (index != null) {
      return index;
    }
    return unseen == Unseen.OTHER ? maxCategories - 1 : -1;
  }

  /** Categories a column can learn: all of them, less the one reserved for "other". */
  private int capacity() {
    return unseen == Unseen.OTHER ? maxCategories - 1 : maxCategories;
  }

  private IllegalArgumentException full(int c, String value) {
    return new IllegalArgumentException("column " + c + ": vocabulary full (" + capacity()
        + " categories) and value '" + value + "' is new (policy ERROR; raise maxCategories or "
        + "choose Unseen.MISSING or OTHER)");
  }

  /** The categories column {@code c} has learned, in index order (empty for a numeric column). */
  public List<String> categories(int c) {
    Objects.checkIndex(c, columns);
    return categorical[c] ? List.copyOf(vocabularies.get(c)) : List.of();
  }

  /** Whether column {@code c} is categorical. */
  public boolean isCategorical(int c) {
    return categorical[Objects.checkIndex(c, columns)];
  }

  /** Values of an encoded row. */
  public int outputDimension() {
    return outputDimension;
  }

  /** The encoding of the categorical columns. */
  public Encoding encoding() {
    return encoding;
  }

  /** Most categories a column holds ("other" included). */
  public int maxCategories() {
    return maxCategories;
  }

  /** The policy for values without an index. */
  public Unseen unseen() {
    return unseen;
  }

  /** Columns of an input row. */
  @Override
  public int dimension() {
    return columns;
  }

  /** Rows learned. */
  @Override
  public long samplesSeen() {
    return rowsSeen;
  }

  @Override
  public CategoryEncoder copy() {
    CategoryEncoder copy = toBuilder().build();
    for (int c = 0; c < columns; c++) {
      if (categorical[c]) {
        copy.restoreColumn(c, vocabularies.get(c));
      }
    }
    copy.rowsSeen = rowsSeen;
    return copy;
  }

  /** Sets column {@code c}'s vocabulary (distinct values, at most its capacity; checked). */
  void restoreColumn(int c, List<String> values) {
    if (values.size() > capacity()) {
      throw new IllegalArgumentException("column " + c + " holds " + values.size()
          + " categories, more than its capacity " + capacity());
    }
    Map<String, Integer> index = new HashMap<>();
    for (String value : values) {
      if (index.put(Objects.requireNonNull(value, "category"), index.size()) != null) {
        throw new IllegalArgumentException("column " + c + " repeats category '" + value + "'");
      }
    }
    indexes.set(c, index);
    vocabularies.set(c, new ArrayList<>(values));
  }

  void restoreRowsSeen(long rows) {
    rowsSeen = rows;
  }

  @Override
  public void reset() {
    for (int c = 0; c < columns; c++) {
      if (categorical[c]) {
        indexes.get(c).clear();
        vocabularies.get(c).clear();
      }
    }
    rowsSeen = 0;
  }

  @Override
  public String toString() {
    return "CategoryEncoder{columns=" + columns + ", categorical=" + Arrays.toString(categorical)
        + ", encoding=" + encoding + ", maxCategories=" + maxCategories + ", unseen=" + unseen
        + ", rowsSeen=" + rowsSeen + "}";
  }

  /**
   * Fail-fast configuration. Defaults: no categorical column, {@link Encoding#ORDINAL}, 64
   * categories a column, unseen values {@link Unseen#MISSING}.
   */
  public static final class Builder {
    private final int columns;
    private final boolean[] categorical;
    private Encoding encoding = Encoding.ORDINAL;
    private int maxCategories = 64;
    private Unseen unseen = Unseen.MISSING;

    private Builder(int columns) {
      if (columns < 1 || columns > 1 << 20) {
        throw new IllegalArgumentException("columns must be in 1..2^20, got " + columns);
      }
      this.columns = columns;
      this.categorical = new boolean[columns];
    }

    /** Declares the given columns categorical (their values are Strings). */
    public Builder categorical(int... columnIndexes) {
      for (int c : columnIndexes) {
        categorical[Objects.checkIndex(c, columns)] = true;
      }
      return this;
    }

    /** How categorical columns are encoded. */
    public Builder encoding(Encoding encoding) {
      this.encoding = Objects.requireNonNull(encoding, "encoding");
      return this;
    }

    /** Most categories a column holds, 2 to {@value CategoryEncoder#MAX_CATEGORIES}. */
    public Builder maxCategories(int maxCategories) {
      if (maxCategories < 2 || maxCategories > MAX_CATEGORIES) {
        throw new IllegalArgumentException(
            "maxCategories must be in 2.." + MAX_CATEGORIES + ", got " + maxCategories);
      }
      this.maxCategories = maxCategories;
      return this;
    }

    /** What a value without an index becomes. */
    public Builder unseen(Unseen unseen) {
      this.unseen = Objects.requireNonNull(unseen, "unseen");
      return this;
    }

    /**
     * A new encoder with an empty vocabulary.
     *
     * @throws IllegalArgumentException if one-hot rows would exceed 2^24 values
     */
    public CategoryEncoder build() {
      long width = 0;
      for (boolean c : categorical) {
        width += c && encoding == Encoding.ONE_HOT ? maxCategories : 1;
      }
      if (width > 1 << 24) {
        throw new IllegalArgumentException("encoded rows would have " + width
            + " values, more than 2^24: lower maxCategories or use ORDINAL");
      }
      return new CategoryEncoder(this);
    }
  }
}
