package org.brookml.bench;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.brookml.vector.Vectors;

/**
 * The read ceiling of one core: the sum of a range of an array, in four independent vector
 * accumulators, so that nothing but reading bounds the loop. A scalar loop with eight separate
 * sums, which the ceilings used before, read at about half its rate on the Intel Xeon VM
 * ({@code DenseCeilingsBenchmark}, 200,000 rows of 100 doubles, Java 17 and 25: 10.3M-10.5M
 * against 20.1M-20.5M rows/s): C2 does not combine separate sums into vector adds. Lanes are as
 * wide as Brook's kernels' ({@code brook.vector.bits}), one species per JVM. Needs
 * {@code --add-modules jdk.incubator.vector} at run time.
 */
public final class ReadCeiling {

  /** The doubles' species: Brook's kernels' width. */
  public static final VectorSpecies<Double> DOUBLES =
      "panama-256".equals(Vectors.implementation()) ? DoubleVector.SPECIES_256
          : DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> FLOATS = DOUBLES.withLanes(float.class);

  private ReadCeiling() {}

  /** The sum of {@code a[from .. to)}, in an order of its own. */
  public static double sum(double[] a, int from, int to) {
    int lanes = DOUBLES.length();
    DoubleVector s0 = DoubleVector.zero(DOUBLES);
    DoubleVector s1 = s0;
    DoubleVector s2 = s0;
    DoubleVector s3 = s0;
    int i = from;
    for (; i + 4 * lanes <= to; i += 4 * lanes) {
      s0 = s0.add(DoubleVector.fromArray(DOUBLES, a, i));
      s1 = s1.add(DoubleVector.fromArray(DOUBLES, a, i + lanes));
      s2 = s2.add(DoubleVector.fromArray(DOUBLES, a, i + 2 * lanes));
      s3 = s3.add(DoubleVector.fromArray(DOUBLES, a, i + 3 * lanes));
    }
    double sum = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    for (; i < to; i++) {
      sum += a[i];
    }
    return sum;
  }

  /** The sum of {@code a[from .. to)}, as {@link #sum(double[], int, int)} with floats. */
  public static float sum(float[] a, int from, int to) {
    int lanes = FLOATS.length();
    FloatVector s0 = FloatVector.zero(FLOATS);
    FloatVector s1 = s0;
    FloatVector s2 = s0;
    FloatVector s3 = s0;
    int i = from;
    for (; i + 4 * lanes <= to; i += 4 * lanes) {
      s0 = s0.add(FloatVector.fromArray(FLOATS, a, i));
      s1 = s1.add(FloatVector.fromArray(FLOATS, a, i + lanes));
      s2 = s2.add(FloatVector.fromArray(FLOATS, a, i + 2 * lanes));
      s3 = s3.add(FloatVector.fromArray(FLOATS, a, i + 3 * lanes));
    }
    float sum = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    for (; i < to; i++) {
      sum += a[i];
    }
    return sum;
  }
}
