package org.brookml.internal.io;

import org.brookml.internal.stats.ClassGaussians;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.vector.Vectors;

/**
 * The snapshot layout of {@link ClassGaussians}, shared by the naive-Bayes and Hoeffding-tree
 * codecs: the weights, means, m2, minima and maxima of every cell, each as a length-prefixed array.
 */
public final class GaussianCellsCodec {

  private static final String[] NAMES = {
      "gaussian weights", "gaussian means", "gaussian m2", "gaussian minima", "gaussian maxima"};

  /** Means of input values, which lie within {@link Vectors#MAX_MAGNITUDE} (twice: rounding). */
  private static final int MEANS = 1;

  private GaussianCellsCodec() {}

  /**
   * Checks, before anything is allocated, that {@code in} still holds enough bytes for the cells of
   * that shape; a corrupt dimension must not allocate gigabytes.
   */
  public static void requireReadable(SnapshotReader in, int numClasses, int dimension) {
    long bytes = NAMES.length * (8L * numClasses * dimension + 4);
    if (bytes > in.remaining()) {
      throw in.error("gaussian cells", "need " + bytes + " bytes for " + numClasses + " x "
          + dimension + " cells but " + in.remaining() + " remain");
    }
  }

  /** Writes every cell. */
  public static void write(ClassGaussians gaussians, SnapshotWriter out) {
    for (double[] cells : gaussians.cells()) {
      out.writeDoubles(cells);
    }
  }

  /** Reads cells written by {@link #write} into {@code gaussians}, whose shape they must have. */
  public static void read(SnapshotReader in, ClassGaussians gaussians) {
    int cells = gaussians.cells()[0].length;
    double[][] read = new double[NAMES.length][];
    for (int k = 0; k < NAMES.length; k++) {
      read[k] = k == MEANS ? in.readDoublesWithin(NAMES[k], cells, 2 * Vectors.MAX_MAGNITUDE)
          : in.readDoubles(NAMES[k], cells, k < 3); // minima and maxima may be infinite
    }
    try {
      gaussians.setCells(read[0], read[1], read[2], read[3], read[4]);
    } catch (IllegalArgumentException e) {
      throw in.error("gaussian cells", e.getMessage());
    }
  }
}
