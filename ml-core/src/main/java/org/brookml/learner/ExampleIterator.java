package org.brookml.learner;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Adapts a pull-based example stream ({@code next()}, then read the current example) to Java's. */
final class ExampleIterator<T> implements Iterator<T> {

  private final BooleanSupplier advance;
  private final Supplier<T> current;
  private boolean fetched;
  private boolean available;

  ExampleIterator(BooleanSupplier advance, Supplier<T> current) {
    this.advance = advance;
    this.current = current;
  }

  /** A sequential stream over {@code iterator} that runs {@code close} when it is closed. */
  static <T> Stream<T> stream(Iterator<T> iterator, Runnable close) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(close);
  }

  @Override
  public boolean hasNext() {
    if (!fetched) {
      available = advance.getAsBoolean();
      fetched = true;
    }
    return available;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the stream is exhausted");
    }
    fetched = false;
    return current.get();
  }
}
