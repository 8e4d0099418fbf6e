package org.brookml.vector;

import java.util.Arrays;
import org.brookml.internal.vector.VectorKernelsProvider;

/**
 * A reusable sparse vector: {@code size()} entries, each an index and a value, kept in parallel
 * primitive arrays that grow (by half) only when needed. Indices need not be sorted; a repeated
 * index counts once per entry (its values add up in every Brook kernel).
 *
 * <p>Meant to be filled once per example and reused: {@link #clear()} then {@link #add}. The backing
 * arrays returned by {@link #indices()} and {@link #values()} are live and valid up to
 * {@link #size()}. Not thread-safe.
 */
public final class SparseVector {

  private int[] indices;
  private double[] values;
  private int size;

  /** An empty vector with room for {@code capacity} entries before it grows. */
  public SparseVector(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
    }
    indices = new int[capacity];
    values = new double[capacity];
  }

  /** An empty vector with room for 16 entries. */
  public SparseVector() {
    this(16);
  }

  /** A vector holding copies of the first {@code size} entries of the given arrays. */
  public static SparseVector of(int[] indices, double[] values) {
    if (indices.length != values.length) {
      throw new IllegalArgumentException(
          "indices and values differ in length: " + indices.length + " vs " + values.length);
    }
    SparseVector v = new SparseVector(indices.length);
    for (int i = 0; i < indices.length; i++) {
      v.add(indices[i], values[i]);
    }
    return v;
  }

  /** Removes every entry; keeps the capacity. */
  public SparseVector clear() {
    size = 0;
    return this;
  }

  /** Appends one entry, growing the arrays if full. */
  public SparseVector add(int index, double value) {
    if (size == indices.length) {
      int capacity = Math.max(4, size + (size >> 1));
      indices = Arrays.copyOf(indices, capacity);
      values = Arrays.copyOf(values, capacity);
    }
    indices[size] = index;
    values[size] = value;
    size++;
    return this;
  }

  /**
   * Sorts the entries by index and sums the values of repeated indices into one entry (as
   * scikit-learn's {@code sum_duplicates}), in place; an entry whose sum is 0 stays. For learners
   * with per-coordinate state (AdaGrad, FTRL), where two entries of one index are two updates, not
   * one of their sum. O(size log size).
   */
  public SparseVector coalesce() {
    sortByIndex();
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (kept > 0 && indices[kept - 1] == indices[i]) {
        values[kept - 1] += values[i];
      } else {
        indices[kept] = indices[i];
        values[kept] = values[i];
        kept++;
      }
    }
    size = kept;
    return this;
  }

  /** Heapsort of the entries by index: in place, no allocation, O(size log size). */
  private void sortByIndex() {
    for (int root = size / 2 - 1; root >= 0; root--) {
      siftDown(root, size);
    }
    for (int end = size - 1; end > 0; end--) {
      swap(0, end);
      siftDown(0, end);
    }
  }

  private void siftDown(int root, int end) {
    while (true) {
      int child = 2 * root + 1;
      if (child >= end) {
        return;
      }
      if (child + 1 < end && indices[child + 1] > indices[child]) {
        child++;
      }
      if (indices[root] >= indices[child]) {
        return;
      }
      swap(root, child);
      root = child;
    }
  }

  private void swap(int a, int b) {
    int index = indices[a];
    indices[a] = indices[b];
    indices[b] = index;
    double value = values[a];
    values[a] = values[b];
    values[b] = value;
  }

  /** A new vector with this one's entries, in the same order. */
  public SparseVector copy() {
    SparseVector copy = new SparseVector(size);
    System.arraycopy(indices, 0, copy.indices, 0, size);
    System.arraycopy(values, 0, copy.values, 0, size);
    copy.size = size;
    return copy;
  }

  /** Number of entries. */
  public int size() {
    return size;
  }

  /** The live index array; entries at positions {@code >= size()} are garbage. */
  public int[] indices() {
    return indices;
  }

  /** The live value array; entries at positions {@code >= size()} are garbage. */
  public double[] values() {
    return values;
  }

  /** Index of entry {@code i}. */
  public int index(int i) {
    return indices[i];
  }

  /** Value of entry {@code i}. */
  public double value(int i) {
    return values[i];
  }

  /**
   * Checks that every index lies in {@code [0, dimension)} and every value is a number within
   * {@code +/-Vectors.MAX_MAGNITUDE} (so that even repeated indices cannot sum to an overflow).
   *
   * @throws IllegalArgumentException naming the first offending entry
   */
  public void requireValid(int dimension) {
    // Only a row that fails is searched for the entry to name.
    if (VectorKernelsProvider.primitives().sparseEntriesValid(indices, values, size, dimension,
        Vectors.MAX_MAGNITUDE)) {
      return;
    }
    for (int i = 0; i < size; i++) {
      int index = indices[i];
      if (index < 0 || index >= dimension) {
        throw new IllegalArgumentException(
            "sparse index " + index + " at entry " + i + " is outside [0, " + dimension + ")");
      }
      double value = values[i];
      if (!(Math.abs(value) <= Vectors.MAX_MAGNITUDE)) {
        throw new IllegalArgumentException("sparse value at entry " + i + " (index " + index
            + ") " + Vectors.outOfRange(value));
      }
    }
  }

  /** Writes this vector into {@code dense} (zeroing it first); {@code dense.length} is the dimension. */
  public double[] toDense(double[] dense) {
    Arrays.fill(dense, 0.0);
    for (int i = 0; i < size; i++) {
      dense[indices[i]] += values[i];
    }
    return dense;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SparseVector{");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(indices[i]).append(':').append(values[i]);
    }
    return sb.append('}').toString();
  }
}
