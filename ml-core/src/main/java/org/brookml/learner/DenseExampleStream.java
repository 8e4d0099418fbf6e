package org.brookml.learner;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * A pull-based stream of dense examples, each a feature vector and a target (a class code or a
 * real value). {@link #next()} advances; {@link #features()} and {@link #target()} then describe
 * the current example. The feature array is reused by the next call: copy it to keep it.
 *
 * <p>It is also {@code Iterable} (for-each loops) and has a {@link #stream()}; both hand out
 * {@link DenseExample} copies and consume the stream as they go, like the JDK's
 * {@code DirectoryStream}: a second iteration continues where the first stopped.
 */
public interface DenseExampleStream extends AutoCloseable, Iterable<DenseExample> {

  /** Number of features per example. */
  int dimension();

  /** Advances to the next example; false at the end of the stream. */
  boolean next();

  /** Features of the current example (a reused buffer). */
  double[] features();

  /** Target of the current example: the class code for classification. */
  double target();

  /**
   * Where the current example comes from, such as {@code data.csv:17}, for error messages; empty
   * when the stream cannot say.
   */
  default String position() {
    return "";
  }

  /** This stream, ending after at most {@code count} more examples; closing it closes this one. */
  default DenseExampleStream limit(long count) {
    return new LimitedStream(this, count);
  }

  /** Releases any file behind the stream; unchecked. */
  @Override
  void close();

  /** The remaining examples, each a copy; advancing the iterator advances this stream. */
  @Override
  default Iterator<DenseExample> iterator() {
    return new ExampleIterator<>(this::next, () -> new DenseExample(features().clone(), target()));
  }

  /**
   * The remaining examples as a sequential {@code java.util.stream.Stream} of copies; closing the
   * returned stream closes this one.
   */
  default Stream<DenseExample> stream() {
    return ExampleIterator.stream(iterator(), this::close);
  }
}
