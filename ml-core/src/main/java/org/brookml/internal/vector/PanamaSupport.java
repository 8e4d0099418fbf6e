package org.brookml.internal.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * What the Vector API kernel families share. They are loaded by name only, and only after
 * {@link VectorKernelsProvider} has checked that the module is present; nothing else may touch
 * them or this class.
 *
 * <p>Every kernel uses one species, of the width {@link VectorKernelsProvider} chose (by default
 * 512-bit where AVX-512 is on, else 256-bit; {@code brook.vector.bits} may ask for 256): on JDK 17,
 * using a second species in the same JVM made C2 give up intrinsics in the Vector API's shared code
 * (448 B allocated per {@code predict}, measured with ThreadMXBean). Helpers never take or return
 * vectors, for the same reason: one that C2 declines to inline (NodeCountInliningCutoff) turns
 * every vector into an allocation. Sums across lanes are written out pairwise in a fixed order,
 * never {@code reduceLanes(ADD)}, which may add in any order: on Java 25 its compiled and
 * interpreted forms gave other last bits (a dot product differed between a cold and a warm call in
 * 26 of 50 cases), and a model must not depend on how warm the JIT is. For the same reason there is
 * no lanewise {@code LOG} or {@code EXP}. The nearest-centre search works on blocks of 16 centres:
 * four vectors of 4 or two of 8, each with its own code.
 */
final class PanamaSupport {

  static final VectorSpecies<Double> SPECIES = VectorKernelsProvider.panamaBits() == 512
      ? DoubleVector.SPECIES_512
      : DoubleVector.SPECIES_256;
  static final int LANES = SPECIES.length();

  private PanamaSupport() {}

  /**
   * @throws UnsupportedOperationException unless vectors hold 4 or 8 doubles, the two layouts the
   *     kernels are written for
   */
  static void requireSupportedLanes() {
    if (LANES != 4 && LANES != 8) {
      throw new UnsupportedOperationException("unexpected lane count " + LANES);
    }
  }
}
