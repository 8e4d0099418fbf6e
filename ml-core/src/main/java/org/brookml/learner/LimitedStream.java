package org.brookml.learner;

/** The first {@code count} examples of a dense stream ({@link DenseExampleStream#limit}). */
final class LimitedStream implements DenseExampleStream {

  private final DenseExampleStream stream;
  private long left;

  LimitedStream(DenseExampleStream stream, long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    this.stream = stream;
    this.left = count;
  }

  @Override
  public int dimension() {
    return stream.dimension();
  }

  @Override
  public boolean next() {
    if (left == 0) {
      return false;
    }
    left--;
    return stream.next();
  }

  @Override
  public double[] features() {
    return stream.features();
  }

  @Override
  public double target() {
    return stream.target();
  }

  @Override
  public String position() {
    return stream.position();
  }

  @Override
  public void close() {
    stream.close();
  }
}
