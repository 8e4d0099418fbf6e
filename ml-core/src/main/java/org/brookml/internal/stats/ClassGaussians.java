package org.brookml.internal.stats;

import java.util.Arrays;
import java.util.List;
import org.brookml.internal.vector.ScalarGaussianKernels;
import org.brookml.internal.vector.VectorKernelsProvider;

/**
 * Weighted normal estimates of every feature within every class, with each cell's smallest and
 * largest value: the statistics behind Gaussian naive Bayes and a Hoeffding tree's numeric split
 * candidates (the "Gaussian estimator" of MOA and River). Cells are stored flat, class-major, so
 * that an update allocates nothing. Means and variances use West's (1979) weighted incremental
 * update; the variance is {@code m2 / (weight - 1)} as in MOA, and 0 below a weight of 1.
 *
 * <p>Naive-Bayes log likelihoods use variance smoothing in scikit-learn's manner: a fraction
 * {@code varianceSmoothing} of a largest variance is added to every variance, so that a feature
 * constant within a class is a sharp normal, not a veto, and no density is flattened. Pooled
 * smoothing takes the largest variance of any feature over all classes, exactly as scikit-learn's
 * {@code GaussianNB} does (every class's terms are then refreshed after any example); per-class
 * smoothing takes the class's own largest variance, so that an example refreshes only its class
 * (Hoeffding-tree leaves). With a smoothing of 0, or while there is no variance at all, a
 * zero-variance feature is a point mass (as in MOA) and densities are floored at 1e-9 (Brook's
 * rule before smoothing, kept for snapshots written then).
 */
public final class ClassGaussians {

  /** Log of the density floor of the point-mass rule. */
  static final double LOG_DENSITY_FLOOR = Math.log(1e-9);

  /** scikit-learn's {@code GaussianNB} default {@code var_smoothing}. */
  public static final double DEFAULT_VARIANCE_SMOOTHING = 1e-9;

  private final double varianceSmoothing;
  private final boolean pooledSmoothing;
  // The pooled epsilon, computed once after each change (pooled smoothing only).
  private double pooledEpsilon;
  private boolean pooledEpsilonStale = true;
  // Per class, the floor its log densities are clamped at: the point-mass rule's 1e-9, or, with
  // smoothing, a floor so low that only a sum that would overflow reaches it.
  private final double[] logFloor;

  private final int numClasses;
  private final int dimension;
  private final double[] weight;
  private final double[] mean;
  private final double[] m2;
  private final double[] min;
  private final double[] max;
  // Per-cell terms of the log density, refreshed per class after it learned: -0.5 log(2 pi var)
  // and 0.5 / var (0 for a point mass). They make a naive-Bayes pass free of transcendentals.
  private final double[] logNormalizer;
  private final double[] halfPrecision;
  private final boolean[] stale;

  /**
   * Empty estimates for {@code numClasses} classes of {@code dimension} features.
   *
   * @param varianceSmoothing the fraction of the largest variance added to the variances, in
   *     [0, 1]; 0 keeps the point-mass rule
   * @param pooledSmoothing whether the largest variance is that of any feature over all classes
   *     (scikit-learn), or the class's own
   */
  public ClassGaussians(int numClasses, int dimension, double varianceSmoothing,
      boolean pooledSmoothing) {
    requireSmoothing(varianceSmoothing);
    this.numClasses = numClasses;
    this.dimension = dimension;
    this.varianceSmoothing = varianceSmoothing;
    this.pooledSmoothing = pooledSmoothing;
    this.logFloor = new double[numClasses];
    int cells = Math.multiplyExact(numClasses, dimension);
    weight = new double[cells];
    mean = new double[cells];
    m2 = new double[cells];
    min = new double[cells];
    max = new double[cells];
    logNormalizer = new double[cells];
    halfPrecision = new double[cells];
    stale = new boolean[numClasses];
    clear();
  }

  private ClassGaussians(ClassGaussians other) {
    numClasses = other.numClasses;
    dimension = other.dimension;
    varianceSmoothing = other.varianceSmoothing;
    pooledSmoothing = other.pooledSmoothing;
    logFloor = new double[numClasses];
    weight = other.weight.clone();
    mean = other.mean.clone();
    m2 = other.m2.clone();
    min = other.min.clone();
    max = other.max.clone();
    logNormalizer = new double[weight.length];
    halfPrecision = new double[weight.length];
    stale = new boolean[numClasses];
    markAllStale();
  }

  /** A deep copy. */
  public ClassGaussians copy() {
    return new ClassGaussians(this);
  }

  /** Makes this a copy of {@code other}, which has the same shape. */
  public void copyFrom(ClassGaussians other) {
    System.arraycopy(other.weight, 0, weight, 0, weight.length);
    System.arraycopy(other.mean, 0, mean, 0, mean.length);
    System.arraycopy(other.m2, 0, m2, 0, m2.length);
    System.arraycopy(other.min, 0, min, 0, min.length);
    System.arraycopy(other.max, 0, max, 0, max.length);
    markAllStale();
  }

  /**
   * Makes this the combination of {@code replicas} relative to {@code base} (all of this shape):
   * every cell's weight, weighted sum and sum of squares become {@code base + sum_r (replica_r -
   * base)}, the extremes the extremes of all. With an empty {@code base} this pools disjoint
   * statistics exactly (as Chan et al.'s parallel variance does); with {@code base} the state the
   * replicas were copied from, it adds what each replica observed since. Sums are taken around
   * this instance's current means to avoid cancellation.
   */
  public void combine(ClassGaussians base, List<ClassGaussians> replicas) {
    int cells = weight.length;
    double[] w = new double[cells];
    double[] mu = new double[cells];
    double[] sq = new double[cells];
    double[] lo = new double[cells];
    double[] hi = new double[cells];
    for (int cell = 0; cell < cells; cell++) {
      double reference = mean[cell];
      double n = base.weight[cell];
      double baseShift = base.mean[cell] - reference;
      double baseS1 = base.weight[cell] * baseShift;
      double baseS2 = base.m2[cell] + base.weight[cell] * baseShift * baseShift;
      double s1 = baseS1;
      double s2 = baseS2;
      lo[cell] = base.min[cell];
      hi[cell] = base.max[cell];
      for (ClassGaussians r : replicas) {
        double shift = r.mean[cell] - reference;
        n += r.weight[cell] - base.weight[cell];
        s1 += r.weight[cell] * shift - baseS1;
        s2 += r.m2[cell] + r.weight[cell] * shift * shift - baseS2;
        lo[cell] = Math.min(lo[cell], r.min[cell]);
        hi[cell] = Math.max(hi[cell], r.max[cell]);
      }
      w[cell] = Math.max(0, n);
      mu[cell] = w[cell] > 0 ? reference + s1 / w[cell] : 0;
      sq[cell] = w[cell] > 0 ? Math.max(0, s2 - s1 * s1 / w[cell]) : 0;
    }
    System.arraycopy(w, 0, weight, 0, cells);
    System.arraycopy(mu, 0, mean, 0, cells);
    System.arraycopy(sq, 0, m2, 0, cells);
    System.arraycopy(lo, 0, min, 0, cells);
    System.arraycopy(hi, 0, max, 0, cells);
    markAllStale();
  }

  /** Forgets every observation. */
  public void clear() {
    Arrays.fill(weight, 0);
    Arrays.fill(mean, 0);
    Arrays.fill(m2, 0);
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    markAllStale();
  }

  /** Adds the example {@code x} of class {@code label} with weight {@code w > 0}. */
  public void add(int label, double[] x, double w) {
    markChanged(label);
    VectorKernelsProvider.gaussians().welfordAdd(x, w, weight, mean, m2, min, max,
        label * dimension, dimension);
  }

  /**
   * {@link #add} for a row with missing values (NaN): each feature learns only from its observed
   * values, so every cell keeps its own weight.
   */
  public void addPresent(int label, double[] x, double w) {
    markChanged(label);
    ScalarGaussianKernels.welfordAddPresent(x, w, weight, mean, m2, min, max, label * dimension,
        dimension);
  }

  /**
   * Checks a variance smoothing setting.
   *
   * @throws IllegalArgumentException unless it is in [0, 1]
   */
  public static double requireSmoothing(double varianceSmoothing) {
    if (!(varianceSmoothing >= 0 && varianceSmoothing <= 1)) {
      throw new IllegalArgumentException(
          "varianceSmoothing must be in [0, 1], got " + varianceSmoothing);
    }
    return varianceSmoothing;
  }

  /** The fraction of a class's largest variance added to its variances (0: point masses). */
  public double varianceSmoothing() {
    return varianceSmoothing;
  }

  /** Total weight seen for feature {@code j} of class {@code c}. */
  public double weight(int c, int j) {
    return weight[c * dimension + j];
  }

  /** Weighted mean of feature {@code j} within class {@code c}. */
  public double mean(int c, int j) {
    return mean[c * dimension + j];
  }

  /** Variance of feature {@code j} within class {@code c}: {@code m2 / (weight - 1)}, or 0. */
  public double variance(int c, int j) {
    return variance(c * dimension + j);
  }

  private double variance(int cell) {
    return weight[cell] > 1 ? m2[cell] / (weight[cell] - 1) : 0;
  }

  /** Smallest value of feature {@code j} seen in class {@code c} (+inf if none). */
  public double min(int c, int j) {
    return min[c * dimension + j];
  }

  /** Largest value of feature {@code j} seen in class {@code c} (-inf if none). */
  public double max(int c, int j) {
    return max[c * dimension + j];
  }



  /**
   * The classes with weight in some cell, in increasing order, into {@code classes}; returns how
   * many. The other classes' split weights are all 0, so a split search may leave them out.
   */
  public int classesWithWeight(int[] classes) {
    int count = 0;
    for (int c = 0; c < numClasses; c++) {
      for (int cell = c * dimension; cell < (c + 1) * dimension; cell++) {
        if (weight[cell] != 0) {
          classes[count++] = c;
          break;
        }
      }
    }
    return count;
  }

  /**
   * For the first {@code count} of {@code classes} and every feature {@code j}, the estimated
   * weight whose value is at most {@code thresholds[j]} into {@code left} (all of it at or above
   * the largest value seen, none below the smallest, the normal CDF share in between; see the
   * {@code normalSplitWeights} kernel) and the rest into {@code right}, class {@code classes[r]}
   * at {@code r * dimension + j}. {@code sd} ({@link #standardDeviations}) is laid out like the
   * cells ({@code c * dimension + j}).
   */
  public void splitWeights(double[] thresholds, double[] sd, int[] classes, int count,
      double[] left, double[] right) {
    for (int r = 0; r < count; r++) {
      VectorKernelsProvider.splits().normalSplitWeights(thresholds, weight, mean, sd, min, max,
          classes[r] * dimension, dimension, left, right, r * dimension);
    }
  }

  /** Per feature, the smallest value seen in any class into {@code lo}, the largest into hi. */
  public void ranges(double[] lo, double[] hi) {
    Arrays.fill(lo, Double.POSITIVE_INFINITY);
    Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (int c = 0; c < numClasses; c++) {
      for (int j = 0, cell = c * dimension; j < dimension; j++, cell++) {
        lo[j] = Math.min(lo[j], min[cell]);
        hi[j] = Math.max(hi[j], max[cell]);
      }
    }
  }

  /** Every cell's standard deviation into {@code sd}, class-major like the cells. */
  public void standardDeviations(double[] sd) {
    for (int cell = 0; cell < sd.length; cell++) {
      sd[cell] = Math.sqrt(variance(cell));
    }
  }

  /**
   * Adds to {@code logLikelihood[c]} the naive-Bayes log likelihood of {@code x} under every class
   * {@code c}: {@code sum_j log density(c, j, x[j])}, with the class's smoothed variances.
   */
  public void addLogLikelihoods(double[] x, double[] logLikelihood) {
    for (int c = 0; c < numClasses; c++) {
      logLikelihood[c] += logLikelihood(c, x);
    }
  }

  /** Class {@code c}'s naive-Bayes log likelihood of {@code x} (see {@link #addLogLikelihoods}). */
  public double logLikelihood(int c, double[] x) {
    if (stale[c]) {
      refresh(c);
    }
    return VectorKernelsProvider.gaussians().gaussianLogLikelihood(x, mean, halfPrecision,
        logNormalizer, c * dimension, dimension, logFloor[c]);
  }

  /**
   * {@link #logLikelihood} over the features whose value in {@code x} is not NaN (missing) and
   * that {@code excluded} does not exclude (null: none), summed in feature order.
   */
  public double logLikelihoodPresent(int c, double[] x, boolean[] excluded) {
    if (stale[c]) {
      refresh(c);
    }
    return ScalarGaussianKernels.gaussianLogLikelihoodPresent(x, mean, halfPrecision,
        logNormalizer, c * dimension, dimension, logFloor[c], excluded);
  }

  /** Class {@code label} learned: its terms (all classes', with pooled smoothing) are stale. */
  private void markChanged(int label) {
    if (pooledSmoothing) {
      markAllStale();
    } else {
      stale[label] = true;
    }
  }

  private void markAllStale() {
    Arrays.fill(stale, true);
    pooledEpsilonStale = true;
  }

  private void refresh(int c) {
    double epsilon;
    if (pooledSmoothing) {
      if (pooledEpsilonStale) {
        pooledEpsilon = varianceSmoothing * largestPooledVariance();
        pooledEpsilonStale = false;
      }
      epsilon = pooledEpsilon;
    } else {
      double largest = 0;
      for (int cell = c * dimension; cell < (c + 1) * dimension; cell++) {
        largest = Math.max(largest, variance(cell));
      }
      epsilon = varianceSmoothing * largest;
    }
    VectorKernelsProvider.gaussians().gaussianTerms(weight, m2, c * dimension, dimension,
        epsilon, halfPrecision, logNormalizer);
    // Every variance is at least epsilon > 0: no point masses, and per term a floor that a sum
    // of dimension + 1 terms cannot push past -Double.MAX_VALUE.
    logFloor[c] = epsilon > 0 ? -Double.MAX_VALUE / (dimension + 1) : LOG_DENSITY_FLOOR;
    stale[c] = false;
  }

  /**
   * The largest over features of the variance of all classes' values together, divided by the
   * total weight as numpy's {@code var} does: {@code sum_c (m2_c + w_c (mean_c - mean)^2) / w}.
   */
  private double largestPooledVariance() {
    double largest = 0;
    for (int j = 0; j < dimension; j++) {
      double total = 0;
      double sum = 0;
      for (int c = 0; c < numClasses; c++) {
        total += weight[c * dimension + j];
        sum += weight[c * dimension + j] * mean[c * dimension + j];
      }
      if (total <= 0) {
        continue;
      }
      double pooledMean = sum / total;
      double squares = 0;
      for (int c = 0, cell = j; c < numClasses; c++, cell += dimension) {
        double shift = mean[cell] - pooledMean;
        squares += m2[cell] + weight[cell] * shift * shift;
      }
      largest = Math.max(largest, squares / total);
    }
    return largest;
  }

  /**
   * The live cell arrays, in the order weight, mean, m2, minimum, maximum (each class-major,
   * {@code numClasses * dimension} long), for a codec to write. Callers must not modify them.
   */
  public double[][] cells() {
    return new double[][] {weight, mean, m2, min, max};
  }

  /**
   * Replaces every cell with the given arrays (in the order of {@link #cells()}), after checking
   * them all: lengths, no negative weight or m2, no NaN. Nothing changes when a check fails.
   *
   * @throws IllegalArgumentException naming the first bad cell
   */
  public void setCells(double[] w, double[] mu, double[] sq, double[] lo, double[] hi) {
    int cells = weight.length;
    for (double[] a : new double[][] {w, mu, sq, lo, hi}) {
      if (a.length != cells) {
        throw new IllegalArgumentException("expected " + cells + " cells, got " + a.length);
      }
    }
    for (int i = 0; i < cells; i++) {
      if (!(w[i] >= 0) || !(sq[i] >= 0) || Double.isNaN(mu[i]) || Double.isNaN(lo[i])
          || Double.isNaN(hi[i])) {
        throw new IllegalArgumentException("gaussian cell " + i
            + " has a negative or NaN weight or m2, or a NaN mean or bound");
      }
    }
    System.arraycopy(w, 0, weight, 0, cells);
    System.arraycopy(mu, 0, mean, 0, cells);
    System.arraycopy(sq, 0, m2, 0, cells);
    System.arraycopy(lo, 0, min, 0, cells);
    System.arraycopy(hi, 0, max, 0, cells);
    markAllStale();
  }
}
