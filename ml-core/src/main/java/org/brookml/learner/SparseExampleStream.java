package org.brookml.learner;

import java.util.Iterator;
import java.util.stream.Stream;
import org.brookml.vector.SparseVector;

/**
 * A pull-based stream of sparse examples; the sparse counterpart of {@link DenseExampleStream}. The
 * {@link SparseVector} returned by {@link #features()} is reused by the next call. Iterating it,
 * or its {@link #stream()}, hands out {@link SparseExample} copies and consumes the stream.
 */
public interface SparseExampleStream extends AutoCloseable, Iterable<SparseExample> {

  /** Number of features (indices lie in {@code [0, dimension)}). */
  int dimension();

  /** Advances to the next example; false at the end of the stream. */
  boolean next();

  /** Features of the current example (a reused vector). */
  SparseVector features();

  /** Target of the current example. */
  double target();

  /**
   * Where the current example comes from, such as {@code data.csv:17}, for error messages; empty
   * when the stream cannot say.
   */
  default String position() {
    return "";
  }

  /** Releases any file behind the stream; unchecked. */
  @Override
  void close();

  /** The remaining examples, each a copy; advancing the iterator advances this stream. */
  @Override
  default Iterator<SparseExample> iterator() {
    return new ExampleIterator<>(this::next, () -> new SparseExample(features().copy(), target()));
  }

  /** The remaining examples as a sequential stream of copies; closing it closes this one. */
  default Stream<SparseExample> stream() {
    return ExampleIterator.stream(iterator(), this::close);
  }
}
