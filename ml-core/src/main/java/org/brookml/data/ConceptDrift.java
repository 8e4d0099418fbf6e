package org.brookml.data;

import java.util.Objects;

/**
 * A stream whose concept changes from one generator's to another's around a position, as MOA's
 * {@code ConceptDriftStream}: example {@code t} (counting from 1) comes from the second stream
 * with probability {@code 1 / (1 + exp(-4 (t - position) / width))}, a sigmoid whose width sets
 * how gradual the change is (width 1: abrupt). Recurring concepts nest: a drift from a drift
 * stream back to a fresh copy of the first concept. Both streams must have the same schema. The
 * same streams, settings and seed give MOA's stream.
 */
public final class ConceptDrift extends Generator {

  private final Generator before;
  private final Generator after;
  private final long position;
  private final long width;

  private ConceptDrift(Builder b) {
    super("concept-drift", b.before.schema(), b.seed);
    this.before = b.before;
    this.after = b.after;
    this.position = b.position;
    this.width = b.width;
  }

  /** A builder of a change from {@code before}'s concept to {@code after}'s. */
  public static Builder between(Generator before, Generator after) {
    return new Builder(before, after);
  }

  /** The probability that example {@code t} (from 1) comes from the second stream. */
  public double probabilityOfSecond(long t) {
    return 1.0 / (1.0 + Math.exp(-4.0 * (double) (t - position) / (double) width));
  }

  @Override
  double generate(double[] out) {
    Generator source = random.nextDouble() > probabilityOfSecond(emitted() + 1) ? before : after;
    source.next();
    System.arraycopy(source.features(), 0, out, 0, out.length);
    return source.target();
  }

  /** Settings of {@link ConceptDrift}. */
  public static final class Builder extends Settings<Builder> {
    private final Generator before;
    private final Generator after;
    private long position;
    private long width = 1000;

    private Builder(Generator before, Generator after) {
      this.before = Objects.requireNonNull(before, "before");
      this.after = Objects.requireNonNull(after, "after");
      if (!before.schema().features().equals(after.schema().features())
          || !before.schema().classes().equals(after.schema().classes())) {
        throw new IllegalArgumentException("the two streams differ in schema: "
            + before.schema() + " vs " + after.schema());
      }
      if (before == after) {
        throw new IllegalArgumentException("the two streams must be different instances");
      }
    }

    /** The centre of the change, in examples (MOA's default: 0). */
    public Builder position(long position) {
      if (position < 0) {
        throw new IllegalArgumentException("position must be >= 0, got " + position);
      }
      this.position = position;
      return this;
    }

    /** The width of the change, in examples, at least 1 (MOA's default: 1,000). */
    public Builder width(long width) {
      if (width < 1) {
        throw new IllegalArgumentException("width must be >= 1, got " + width);
      }
      this.width = width;
      return this;
    }

    /** The stream. */
    public ConceptDrift build() {
      return new ConceptDrift(this);
    }
  }
}
