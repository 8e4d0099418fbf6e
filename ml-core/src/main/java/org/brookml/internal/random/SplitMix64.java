package org.brookml.internal.random;

/**
 * SplitMix64 (Steele, Lea, Flood 2014): a small, fast generator whose whole state is one
 * {@code long}, so that learners can snapshot and restore their random state exactly. Not for
 * cryptography. Not thread-safe.
 */
public final class SplitMix64 {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  /** A generator whose sequence is fixed by {@code seed}. */
  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** The whole state; {@code new SplitMix64(state())} continues the same sequence. */
  public long state() {
    return state;
  }

  /** Replaces the state (used when restoring a snapshot). */
  public void setState(long state) {
    this.state = state;
  }

  /** Next 64 random bits. */
  public long nextLong() {
    long z = (state += GOLDEN_GAMMA);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in {@code [0, 1)}, 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in {@code [0, bound)}; {@code bound > 0}. */
  public int nextInt(int bound) {
    // Lemire's multiply-shift with rejection: unbiased.
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x1_0000_0000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xFFFFFFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  /** Standard normal, by the Box-Muller transform (one value per call). */
  public double nextGaussian() {
    double u1 = 1.0 - nextDouble(); // in (0, 1]
    double u2 = nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /**
   * Poisson with mean {@code lambda >= 0}: Knuth's product of uniforms below 100, the rounded normal
   * approximation above (as MOA does), so the cost stays bounded for the large rates boosting can
   * reach.
   */
  public int nextPoisson(double lambda) {
    if (lambda < 100) {
      double limit = Math.exp(-lambda);
      double product = nextDouble();
      int k = 0;
      while (product > limit) {
        k++;
        product *= nextDouble();
      }
      return k;
    }
    double value = lambda + Math.sqrt(lambda) * nextGaussian();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, Math.round(value)));
  }

  /**
   * Moves a uniform sample of {@code k} of {@code items[0 .. n)} to {@code items[0 .. k)}, without
   * repeats: the first {@code k} steps of a Fisher-Yates shuffle, one {@link #nextInt} each.
   */
  public void sampleInPlace(int[] items, int n, int k) {
    for (int i = 0; i < k; i++) {
      int pick = i + nextInt(n - i);
      int chosen = items[pick];
      items[pick] = items[i];
      items[i] = chosen;
    }
  }
}
