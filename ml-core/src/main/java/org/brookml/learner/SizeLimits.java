package org.brookml.learner;

/**
 * The sizes every Brook builder (and every snapshot) accepts, checked before anything is
 * allocated, so that a wrong setting fails at once with its name instead of running out of memory
 * or overflowing an index. Within the limits a model may still need more memory than the heap
 * has: the limits bound what is sensible, not what fits.
 */
public final class SizeLimits {

  /** The most features a model takes: 2^24 (hashed features up to 24 bits). */
  public static final int MAX_DIMENSION = 1 << 24;

  /** The most classes a classifier takes: 2^16. */
  public static final int MAX_CLASSES = 1 << 16;

  /**
   * The most values in one table of a model's state (classes x features, centres x features):
   * 2^27, 1 GiB of doubles.
   */
  public static final long MAX_CELLS = 1L << 27;

  /** The most members an ensemble has: 2^12. */
  public static final int MAX_MEMBERS = 1 << 12;

  /** The most values a nominal feature takes: 2^16. */
  public static final int MAX_NOMINAL_VALUES = 1 << 16;

  private SizeLimits() {}

  /**
   * Checks a number of features.
   *
   * @throws IllegalArgumentException unless it is in {@code 1 .. MAX_DIMENSION}
   */
  public static int dimension(int dimension) {
    return within("dimension", dimension, 1, MAX_DIMENSION);
  }

  /**
   * Checks a number of classes.
   *
   * @throws IllegalArgumentException unless it is in {@code 2 .. MAX_CLASSES}
   */
  public static int classes(int numClasses) {
    return within("numClasses", numClasses, 2, MAX_CLASSES);
  }

  /**
   * Checks that {@code rows x columns} values (each already checked on its own) fit one table.
   *
   * @param what names the two settings, for the message ("numClasses x dimension")
   * @throws IllegalArgumentException if the product exceeds {@link #MAX_CELLS}
   */
  public static void cells(String what, int rows, int columns) {
    long cells = (long) rows * columns;
    if (cells > MAX_CELLS) {
      throw new IllegalArgumentException(what + " = " + rows + " x " + columns + " = " + cells
          + " values, more than the limit of 2^27 (1 GiB) for one table of a model's state");
    }
  }

  /**
   * Checks a setting against its range.
   *
   * @throws IllegalArgumentException naming the setting unless {@code min <= value <= max}
   */
  public static int within(String setting, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(setting + " must be in " + min + ".." + max + ", got "
          + value);
    }
    return value;
  }
}
