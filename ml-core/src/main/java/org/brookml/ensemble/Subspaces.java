package org.brookml.ensemble;

import java.util.HashSet;
import java.util.Set;
import org.brookml.internal.random.SplitMix64;

/**
 * The first subspaces of a streaming random patches forest, as MOA's {@code StreamingRandomPatches}
 * assigns them: with no more than {@value #ENUMERATED_FEATURES} features the members' subspaces
 * are distinct as long as there are enough (all k-subsets in turn when there are no more than
 * members, else a uniform draw without replacement from all of them); with more features, where
 * repeats are unlikely, each member draws its own.
 */
final class Subspaces {

  /** Up to this many features, subspaces are drawn from all k-subsets (MOA's threshold). */
  static final int ENUMERATED_FEATURES = 20;

  private Subspaces() {}

  /**
   * The first subspace of each of {@code size} members over {@code d} features, {@code k} each
   * (sorted), or null when each member should draw its own; {@code random} is used only for a
   * draw among more subsets than members.
   */
  static int[][] firstSubspaces(int d, int k, int size, SplitMix64 random) {
    if (k >= d || d > ENUMERATED_FEATURES) {
      return null;
    }
    int count = (int) binomial(d, k);
    int[][] subspaces = new int[size][];
    if (count <= size) {
      for (int m = 0; m < size; m++) {
        subspaces[m] = unrank(m % count, d, k);
      }
      return subspaces;
    }
    // Without replacement, as MOA picks each member's among the subsets left: a rank already
    // taken is drawn again (there are more subsets than members, so this ends).
    Set<Integer> taken = new HashSet<>();
    for (int m = 0; m < size; m++) {
      int rank = random.nextInt(count);
      while (!taken.add(rank)) {
        rank = random.nextInt(count);
      }
      subspaces[m] = unrank(rank, d, k);
    }
    return subspaces;
  }

  /** C(n, k) for n up to {@link #ENUMERATED_FEATURES}. */
  static long binomial(int n, int k) {
    long c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c;
  }

  /** The k-subset of {@code [0, d)} at {@code rank} in lexicographic order. */
  static int[] unrank(int rank, int d, int k) {
    int[] subset = new int[k];
    int next = 0;
    for (int i = 0; i < k; i++) {
      // Subsets whose i-th element is `next` follow one another: C(d - next - 1, k - i - 1).
      long block = binomial(d - next - 1, k - i - 1);
      while (rank >= block) {
        rank -= block;
        next++;
        block = binomial(d - next - 1, k - i - 1);
      }
      subset[i] = next++;
    }
    return subset;
  }
}
