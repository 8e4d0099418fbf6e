package org.brookml.internal.vector;

import org.brookml.vector.Vectors;

/**
 * Run in a fresh JVM by {@link KernelChoiceTest}: asks for kernels twice and prints, per call,
 * {@code ok <implementation> <a dot product>} or the exception's class and message.
 */
public final class KernelChoiceProbe {

  private KernelChoiceProbe() {}

  /** Two calls, one line each. */
  public static void main(String[] args) {
    for (int call = 0; call < 2; call++) {
      try {
        double dot = Vectors.dot(new double[] {1, 2}, new double[] {3, 4});
        System.out.println("ok " + Vectors.implementation() + " " + dot);
      } catch (Throwable e) {
        System.out.println(e.getClass().getName() + ": " + e.getMessage());
      }
    }
  }
}
