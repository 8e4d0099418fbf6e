package org.brookml.preprocess;

import java.util.Arrays;
import java.util.Objects;
import org.brookml.learner.InputChecks;
import org.brookml.learner.SizeLimits;
import org.brookml.vector.Vectors;

/**
 * Fills missing values, learned online: NaN in a row means "missing"; the transformer passes the
 * observed values through and replaces each missing one with the running mean of that feature's
 * observed values, or, for features declared {@link Builder#mostFrequent nominal}, with its most
 * frequent observed value (ties: the smaller value). Before a feature has been observed its fill
 * is 0. Put it first in a {@link Pipeline} so that learners that refuse NaN take rows with gaps.
 *
 * <p>Observed values are checked as every learner checks them (finite, within
 * {@link Vectors#MAX_MAGNITUDE}); a nominal feature's values must be whole numbers in
 * {@code [0, maxValues)}. A refused row changes nothing. Allocation-free per row. Not thread-safe.
 */
public final class Imputer implements Transformer {

  private final int dimension;
  private final int maxValues;
  /** Per feature, its number of values if nominal, else 0 (as the shared row check takes it). */
  private final int[] nominalValues;
  final long[] observed;
  final double[] means;
  /** Per nominal feature, the count of each value; null for numeric features. */
  final long[][] valueCounts;
  /** Per nominal feature, its most frequent value so far (kept as counts grow). */
  final int[] modes;
  private final double[] pending;
  private final double[] scratch;
  private boolean prepared;
  long rows;

  private Imputer(Builder b) {
    this.dimension = b.dimension;
    this.maxValues = b.maxValues;
    this.nominalValues = new int[dimension];
    this.observed = new long[dimension];
    this.means = new double[dimension];
    this.valueCounts = new long[dimension][];
    this.modes = new int[dimension];
    for (int j = 0; j < dimension; j++) {
      if (b.nominal[j]) {
        nominalValues[j] = maxValues;
        valueCounts[j] = new long[maxValues];
      }
    }
    this.pending = new double[dimension];
    this.scratch = new double[dimension];
  }

  /** A builder for rows of {@code dimension} features, all numeric until declared nominal. */
  public static Builder builder(int dimension) {
    return new Builder(dimension);
  }

  @Override
  public double[] prepare(double[] x, double[] out) {
    check(x, out);
    System.arraycopy(x, 0, pending, 0, dimension);
    prepared = true;
    return fill(x, out);
  }

  @Override
  public void commit() {
    if (!prepared) {
      throw new IllegalStateException("nothing prepared to commit");
    }
    for (int j = 0; j < dimension; j++) {
      double v = pending[j];
      if (!Double.isNaN(v)) {
        observed[j]++;
        means[j] += (v - means[j]) / observed[j];
        if (valueCounts[j] != null) {
          count(j, (int) v);
        }
      }
    }
    rows++;
    prepared = false;
  }

  /** One more {@code v} for nominal feature {@code j}; the mode follows (ties: smaller value). */
  private void count(int j, int v) {
    long n = ++valueCounts[j][v];
    long best = valueCounts[j][modes[j]];
    if (n > best || (n == best && v < modes[j])) {
      modes[j] = v;
    }
  }

  /** Recomputes the modes from the counts (after a codec filled them). */
  void recomputeModes() {
    for (int j = 0; j < dimension; j++) {
      if (valueCounts[j] != null) {
        int best = 0;
        for (int v = 1; v < maxValues; v++) {
          if (valueCounts[j][v] > valueCounts[j][best]) {
            best = v;
          }
        }
        modes[j] = best;
      }
    }
  }

  @Override
  public void learn(double[] x) {
    prepare(x, scratch);
    commit();
  }

  @Override
  public double[] transform(double[] x, double[] out) {
    check(x, out);
    return fill(x, out);
  }

  /** The value a missing feature {@code j} gets now. */
  public double fillValue(int j) {
    Objects.checkIndex(j, dimension);
    if (observed[j] == 0) {
      return 0;
    }
    return valueCounts[j] == null ? means[j] : modes[j];
  }

  private double[] fill(double[] x, double[] out) {
    for (int j = 0; j < dimension; j++) {
      out[j] = Double.isNaN(x[j]) ? fillValue(j) : x[j];
    }
    return out;
  }

  private void check(double[] x, double[] out) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(out, "out");
    if (x.length != dimension || out.length != dimension) {
      throw new IllegalArgumentException("x and out must have length " + dimension + ", got "
          + x.length + " and " + out.length);
    }
    InputChecks.requireValuesOrMissing(x, nominalValues);
  }

  /** True: NaN is the missing value it fills. */
  @Override
  public boolean acceptsMissingValues() {
    return true;
  }

  @Override
  public void requireRow(double[] x) {
    InputChecks.requireRowOrMissing(x, nominalValues);
  }

  /** Whether feature {@code j} is filled with its most frequent value. */
  public boolean isNominal(int j) {
    return nominalValues[Objects.checkIndex(j, dimension)] > 0;
  }

  /** The number of values a nominal feature may take. */
  public int maxValues() {
    return maxValues;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public int outputDimension() {
    return dimension;
  }

  /** Rows learned. */
  @Override
  public long samplesSeen() {
    return rows;
  }

  @Override
  public void reset() {
    Arrays.fill(observed, 0);
    Arrays.fill(means, 0);
    for (long[] counts : valueCounts) {
      if (counts != null) {
        Arrays.fill(counts, 0);
      }
    }
    Arrays.fill(modes, 0);
    rows = 0;
    prepared = false;
  }

  @Override
  public Imputer copy() {
    Imputer copy = toBuilder().build();
    System.arraycopy(observed, 0, copy.observed, 0, dimension);
    System.arraycopy(means, 0, copy.means, 0, dimension);
    for (int j = 0; j < dimension; j++) {
      if (valueCounts[j] != null) {
        System.arraycopy(valueCounts[j], 0, copy.valueCounts[j], 0, maxValues);
      }
    }
    System.arraycopy(modes, 0, copy.modes, 0, dimension);
    copy.rows = rows;
    return copy;
  }

  /** A builder preset with this imputer's settings. */
  public Builder toBuilder() {
    Builder b = builder(dimension).maxValues(maxValues);
    for (int j = 0; j < dimension; j++) {
      b.nominal[j] = nominalValues[j] > 0;
    }
    return b;
  }

  @Override
  public String toString() {
    StringBuilder nominals = new StringBuilder();
    for (int j = 0; j < dimension; j++) {
      if (nominalValues[j] > 0) {
        nominals.append(nominals.length() == 0 ? "" : ",").append(j);
      }
    }
    return "Imputer{dimension=" + dimension + ", mostFrequent=[" + nominals + "], maxValues="
        + maxValues + ", rows=" + rows + "}";
  }

  /** Settings of an {@link Imputer}. */
  public static final class Builder {
    private final int dimension;
    private final boolean[] nominal;
    private int maxValues = 256;

    private Builder(int dimension) {
      this.dimension = SizeLimits.dimension(dimension);
      this.nominal = new boolean[dimension];
    }

    /** Features to fill with their most frequent value (index-coded nominal features). */
    public Builder mostFrequent(int... features) {
      for (int j : features) {
        nominal[Objects.checkIndex(j, dimension)] = true;
      }
      return this;
    }

    /** Values a nominal feature may take, 2 to 2^16; default 256. */
    public Builder maxValues(int maxValues) {
      this.maxValues = SizeLimits.within("maxValues", maxValues, 2, 1 << 16);
      return this;
    }

    /** A new, empty imputer. */
    public Imputer build() {
      int nominals = 0;
      for (boolean n : nominal) {
        nominals += n ? 1 : 0;
      }
      SizeLimits.cells("nominal features x maxValues", nominals, maxValues);
      return new Imputer(this);
    }
  }
}
