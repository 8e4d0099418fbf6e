package org.brookml.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.brookml.internal.random.SplitMix64;
import org.brookml.internal.vector.CentroidKernels;
import org.brookml.internal.vector.VectorKernelsProvider;
import org.brookml.io.Snapshots;
import org.brookml.learner.InputChecks;
import org.brookml.learner.Mergeable;
import org.brookml.learner.OnlineClusterer;
import org.brookml.learner.SizeLimits;
import org.brookml.vector.SparseVector;
import org.brookml.vector.Vectors;

/**
 * Mini-batch k-means, Sculley (2010), "Web-Scale K-Means Clustering", Algorithm 1: for each
 * mini-batch, find and cache every example's nearest centre with the centres as they were before
 * the batch, then, example by example, count {@code v[c] += 1} and move the centre
 * {@code c <- (1 - eta) c + eta x} with the {@link CentroidRate} chosen ({@code eta = 1 / v[c]} by
 * default). {@link #learn(double[])} is a batch of one; a model that forgets per batch
 * ({@link CentroidRate.DecayUnit#BATCHES}) refuses it, because each point would then forget as
 * much as a whole batch (a half-life of 10 batches would become 10 points): give such a model
 * mini-batches, or count its half-life in {@link CentroidRate.DecayUnit#POINTS}.
 *
 * <p><b>Initialisation.</b> Given centres are used as they are. Otherwise the first
 * {@code initBufferSize} examples are buffered, seeded by greedy k-means++ (Arthur and
 * Vassilvitskii 2007, with {@code 2 + ln k} candidates per centre as scikit-learn does), and then
 * learned as the first mini-batch. Until then {@link #isReady()} is false.
 *
 * <p><b>Dead centres.</b> With {@code reassignAfter(n)}, a centre that has won no example among the
 * last {@code n} is moved onto an example of the current batch and its count restarts from zero, as
 * scikit-learn's reassignment does; Brook draws that example by k-means++'s D^2 rule (far from its
 * nearest centre is likely) rather than uniformly, so the new centre lands where the data is worst
 * served. With {@link #learn(double[])} the batch is the one example, so repair works best with
 * mini-batches.
 *
 * <p><b>Merging.</b> {@link #merge} and {@link #mergeFrom} combine models trained on disjoint data,
 * centre by centre, weighting each by its count. {@link #addDeltas} is the synchronous
 * data-parallel step: replicas copied from this model learn their partitions, then what each added
 * to its centres' counts and count-weighted sums is added to this model once.
 *
 * <p>{@code learn} and {@code predict} allocate nothing once ready (a larger batch than any before
 * grows one cache array once; the seeding buffer grows while it fills). Not thread-safe. Snapshots hold the whole state, random state
 * included, so a restored model goes on exactly as the original.
 */
public final class MiniBatchKMeans implements OnlineClusterer, Mergeable<MiniBatchKMeans> {

  private static final int LANE_BLOCK = 16;

  private final int k;
  private final int dimension;
  private final CentroidRate rate;
  private final int initBufferSize;
  private final long reassignAfter;
  private final long seed;
  private final double[] initialCenters; // k * dimension, or null

  // Learned state: all of it is in the snapshot.
  private final double[] centers; // row-major k x dimension
  private final double[] counts;
  private final long[] lastWin;
  private final SplitMix64 random;
  private long samplesSeen;
  private boolean ready;
  private double[] buffer; // up to initBufferSize x dimension, grown as needed; null once ready
  private int buffered;

  // Derived from centers; rebuilt after every change.
  private final int stride;
  private final double[] transposed; // dimension x stride
  private final double[] norms; // stride, +Infinity in padding
  private final double[] scratch;
  private final double[] denseScratch;
  private int[] assignments = new int[0];
  // Rows grouped by centre for the moves: centre c's rows and rates lie at
  // [groupStart[c], groupEnd[c]).
  private int[] rowsByCentre = new int[0];
  private double[] etas = new double[0];
  private final int[] groupStart;
  private final int[] groupEnd;


  private MiniBatchKMeans(Builder b) {
    this.k = b.k;
    this.dimension = b.dimension;
    this.rate = b.rate;
    this.initBufferSize = b.initBufferSize == 0 ? Math.max(20 * b.k, 256) : b.initBufferSize;
    this.reassignAfter = b.reassignAfter;
    this.seed = b.seed;
    this.initialCenters = b.initialCenters;
    this.centers = new double[k * dimension];
    this.counts = new double[k];
    this.lastWin = new long[k];
    this.random = new SplitMix64(seed);
    this.stride = (k + LANE_BLOCK - 1) / LANE_BLOCK * LANE_BLOCK;
    this.transposed = new double[dimension * stride];
    this.norms = new double[stride];
    this.scratch = new double[stride];
    this.denseScratch = new double[dimension];
    this.groupStart = new int[k + 1];
    this.groupEnd = new int[k];
    reset();
  }

  /** A builder for a model with {@code k} centres over {@code dimension} features. */
  public static Builder builder(int k, int dimension) {
    return new Builder(k, dimension);
  }

  @Override
  public void reset() {
    Arrays.fill(counts, 0);
    Arrays.fill(lastWin, 0);
    random.setState(seed);
    samplesSeen = 0;
    buffered = 0;
    if (initialCenters != null) {
      System.arraycopy(initialCenters, 0, centers, 0, centers.length);
      ready = true;
      buffer = null;
    } else {
      Arrays.fill(centers, 0);
      ready = false;
      buffer = new double[Math.min(initBufferSize, 64) * dimension];
    }
    refreshAll();
  }

  // ---------------------------------------------------------------- learning

  @Override
  public void learn(double[] x) {
    InputChecks.requireExample(x, dimension);
    requirePointwiseRate();
    learnRows(x, 0, 1);
  }

  @Override
  public void learn(SparseVector x) {
    Objects.requireNonNull(x, "x");
    x.requireValid(dimension);
    requirePointwiseRate();
    learnRows(x.toDense(denseScratch), 0, 1);
  }

  /** Refuses one-point learning when the model forgets per batch (see the class comment). */
  private void requirePointwiseRate() {
    if (rate.kind() == CentroidRate.Kind.DECAY && rate.unit() == CentroidRate.DecayUnit.BATCHES) {
      throw new IllegalStateException("this model forgets per batch (" + rate + "), so learning "
          + "one point at a time would forget as much per point as per batch; give it "
          + "mini-batches (learnBatch), or count the forgetting in DecayUnit.POINTS");
    }
  }

  @Override
  public void learnBatch(double[] xs, int fromRow, int rows) {
    if (ready) {
      InputChecks.requireRowRange(xs, fromRow, rows, dimension, "xs");
      miniBatch(xs, fromRow, rows, true);
    } else {
      // Every value is checked first: the nearest-centre pass would notice NaN and infinities
      // on its own, but not a finite value too large to learn safely.
      InputChecks.requireRows(xs, fromRow, rows, dimension, "xs");
      learnRows(xs, fromRow, rows);
    }
  }

  /** Learns validated rows: buffers them until the centres are seeded, then runs mini-batches. */
  private void learnRows(double[] xs, int fromRow, int rows) {
    int row = fromRow;
    int end = fromRow + rows;
    while (!ready && row < end) {
      if ((buffered + 1) * dimension > buffer.length) {
        int capacity = Math.min(initBufferSize, buffered + Math.max(buffered >> 1, 64));
        buffer = Arrays.copyOf(buffer, capacity * dimension);
      }
      System.arraycopy(xs, row * dimension, buffer, buffered * dimension, dimension);
      buffered++;
      row++;
      samplesSeen++;
      if (buffered == initBufferSize) {
        seedFromBuffer();
      }
    }
    if (row < end) {
      miniBatch(xs, row, end - row, false);
    }
  }

  private void seedFromBuffer() {
    double[] seedRows = buffer;
    int n = buffered;
    KMeansPlusPlus.seed(seedRows, n, dimension, k, random, centers);
    ready = true;
    buffer = null;
    buffered = 0;
    refreshAll();
    // The buffered examples are learned as the first mini-batch; they were counted already.
    samplesSeen -= n;
    Arrays.fill(lastWin, samplesSeen);
    miniBatch(seedRows, 0, n, false);
  }

  /**
   * Sculley's Algorithm 1 over rows {@code first .. first+rows} of {@code xs}. With
   * {@code checkRows} the rows' values are checked after the nearest-centre search, which changes
   * nothing but scratch arrays: the search reads the rows from memory while it computes, and the
   * check then finds them in the cache (a check first read them from memory on its own, about a
   * quarter of a step).
   */
  private void miniBatch(double[] xs, int first, int rows, boolean checkRows) {
    int[] nearest = assignmentsFor(rows);
    boolean finite = VectorKernelsProvider.centroids().nearestCenters(
        xs, first * dimension, rows, dimension, transposed, norms, stride, nearest, scratch);
    if (checkRows) {
      InputChecks.requireRows(xs, first, rows, dimension, "xs");
    }
    if (!finite) {
      // The rows were checked: only centres far beyond the inputs' range could do this.
      throw new IllegalStateException("nearest-centre scores overflowed; the centres are not "
          + "usable: " + this);
    }
    double discount = rate.discount(rows);
    if (discount != 1.0) {
      for (int c = 0; c < k; c++) {
        counts[c] *= discount;
      }
    }
    if (reassignAfter > 0) {
      reassignDeadCenters(xs, nearest, first, rows);
    }
    moveCenters(xs, first, rows, nearest);
    samplesSeen += rows;
    if (rows == 1) {
      refreshCenter(nearest[0]);
    } else {
      refreshAll();
    }
  }

  /**
   * Each row's learning rate in row order (Sculley's {@code 1 / count} per centre, or the constant
   * rate), then the moves, c <- c + eta (x - c): the rows are grouped by centre, in row order
   * within a centre, and each centre moves toward its rows in one kernel call. A centre's moves
   * keep their order, so grouping changes no bit.
   */
  private void moveCenters(double[] xs, int first, int rows, int[] nearest) {
    Arrays.fill(groupStart, 0);
    for (int i = 0; i < rows; i++) {
      groupStart[nearest[i] + 1]++;
    }
    for (int c = 0; c < k; c++) {
      groupStart[c + 1] += groupStart[c];
    }
    System.arraycopy(groupStart, 0, groupEnd, 0, k);
    boolean perCenter = rate.kind() != CentroidRate.Kind.CONSTANT;
    double alpha = rate.value();
    for (int i = 0; i < rows; i++) {
      int c = nearest[i];
      counts[c] += 1;
      int at = groupEnd[c]++;
      rowsByCentre[at] = i;
      etas[at] = perCenter ? 1.0 / counts[c] : alpha;
      lastWin[c] = samplesSeen + i;
    }
    CentroidKernels kernels = VectorKernelsProvider.centroids();
    for (int c = 0; c < k; c++) {
      if (groupStart[c] < groupEnd[c]) {
        kernels.moveTowardRows(xs, first * dimension, dimension, rowsByCentre, groupStart[c],
            groupEnd[c], etas, centers, c * dimension);
      }
    }
  }

  /**
   * Moves every dead centre onto a row of this batch drawn with probability proportional to its
   * squared distance from its nearest centre (k-means++'s D^2 rule), so that new centres go where
   * the data is worst served; the chosen row is then assigned to the re-seeded centre.
   */
  private void reassignDeadCenters(double[] xs, int[] nearest, int first, int rows) {
    long now = samplesSeen;
    for (int c = 0; c < k; c++) {
      if (now - lastWin[c] <= reassignAfter || wins(nearest, rows, c)) {
        continue;
      }
      int pick = farRow(xs, nearest, first, rows);
      System.arraycopy(xs, (first + pick) * dimension, centers, c * dimension, dimension);
      counts[c] = 0;
      lastWin[c] = now;
      nearest[pick] = c;
      refreshCenter(c);
    }
  }

  private int farRow(double[] xs, int[] nearest, int first, int rows) {
    double total = 0;
    for (int i = 0; i < rows; i++) {
      total += distanceToAssigned(xs, nearest, first, i);
    }
    if (!(total > 0)) {
      return random.nextInt(rows);
    }
    double target = random.nextDouble() * total;
    for (int i = 0; i < rows; i++) {
      target -= distanceToAssigned(xs, nearest, first, i);
      if (target < 0) {
        return i;
      }
    }
    return rows - 1;
  }

  private double distanceToAssigned(double[] xs, int[] nearest, int first, int i) {
    return VectorKernelsProvider.primitives().squaredDistance(
        xs, (first + i) * dimension, centers, nearest[i] * dimension, dimension);
  }

  private static boolean wins(int[] nearest, int rows, int c) {
    for (int i = 0; i < rows; i++) {
      if (nearest[i] == c) {
        return true;
      }
    }
    return false;
  }

  private int[] assignmentsFor(int rows) {
    if (assignments.length < rows) {
      assignments = new int[rows];
      rowsByCentre = new int[rows];
      etas = new double[rows];
    }
    return assignments;
  }

  // ---------------------------------------------------------------- prediction

  @Override
  public int predict(double[] x) {
    InputChecks.requireExample(x, dimension);
    requireReady();
    return VectorKernelsProvider.centroids().nearestCenter(x, 0, dimension, transposed, norms,
        stride, scratch);
  }

  @Override
  public int predict(SparseVector x) {
    Objects.requireNonNull(x, "x");
    x.requireValid(dimension);
    requireReady();
    return VectorKernelsProvider.centroids().nearestCenter(
        x.toDense(denseScratch), 0, dimension, transposed, norms, stride, scratch);
  }

  /**
   * Sum over the first {@code rows} rows of {@code xs} of the squared distance to the nearest
   * centre: the k-means objective.
   */
  public double inertia(double[] xs, int rows) {
    InputChecks.requireRows(xs, rows, dimension, "xs");
    requireReady();
    double sum = 0;
    for (int r = 0; r < rows; r++) {
      int offset = r * dimension;
      int c = VectorKernelsProvider.centroids().nearestCenter(xs, offset, dimension, transposed,
          norms, stride, scratch);
      sum += VectorKernelsProvider.primitives().squaredDistance(xs, offset, centers,
          c * dimension, dimension);
    }
    return sum;
  }

  @Override
  public double squaredDistanceToNearest(double[] x) {
    int c = predict(x);
    return VectorKernelsProvider.primitives().squaredDistance(x, 0, centers, c * dimension,
        dimension);
  }

  private void requireReady() {
    if (!ready) {
      throw new IllegalStateException("k-means is not seeded yet: it has buffered " + buffered
          + " of the " + initBufferSize + " examples it seeds its centres from");
    }
  }

  // ---------------------------------------------------------------- merging

  /**
   * Combines {@code other}, trained on disjoint data, into this model. Each of {@code other}'s
   * centres is paired with one of this model's (closest pairs first), and each pair becomes the
   * count-weighted mean {@code (v1 c1 + v2 c2) / (v1 + v2)} with count {@code v1 + v2}. Replicas
   * that started from the same centres keep their pairing. {@code other} is not modified.
   *
   * @throws IllegalArgumentException if {@code k} or the dimension differ
   * @throws IllegalStateException if either model is not seeded yet
   */
  public void merge(MiniBatchKMeans other) {
    requireCompatible(other);
    requireReady();
    other.requireReady();
    int[] partner = CenterMatching.closestPairs(centers, other.centers, k, dimension);
    for (int c = 0; c < k; c++) {
      int o = partner[c];
      double n1 = counts[c];
      double n2 = other.counts[o];
      double total = n1 + n2;
      double w2 = total > 0 ? n2 / total : 0.5;
      for (int j = 0; j < dimension; j++) {
        double a = centers[c * dimension + j];
        centers[c * dimension + j] = a + w2 * (other.centers[o * dimension + j] - a);
      }
      counts[c] = total;
      lastWin[c] = Math.max(lastWin[c], other.lastWin[o]);
    }
    samplesSeen += other.samplesSeen;
    refreshAll();
  }

  @Override
  public void mergeFrom(List<? extends MiniBatchKMeans> others) {
    Objects.requireNonNull(others, "others");
    for (MiniBatchKMeans other : others) {
      requireCompatible(other);
    }
    for (MiniBatchKMeans other : others) {
      merge(other);
    }
  }

  /**
   * Adds what each replica learned since it was copied from this model. In terms of each centre's
   * count {@code n} and count-weighted sum {@code S = n c}: {@code n = n0 + sum (n_i - n0)},
   * {@code S = S0 + sum (S_i - S0)}, {@code c = S / n}; centres keep their identity (no matching:
   * the replicas started from these centres). Exact for the 1/count rate; with a constant rate or
   * forgetting it adds the replicas' count-weighted moves in the same way.
   *
   * @throws IllegalArgumentException if a replica has another k or dimension, or has seen fewer
   *     examples than this base
   */
  @Override
  public void addDeltas(List<? extends MiniBatchKMeans> replicas) {
    Objects.requireNonNull(replicas, "replicas");
    requireReady();
    for (MiniBatchKMeans replica : replicas) {
      requireCompatible(replica);
      replica.requireReady();
      if (replica.samplesSeen < samplesSeen) {
        throw new IllegalArgumentException("a replica has seen " + replica.samplesSeen
            + " examples, fewer than its base's " + samplesSeen + ": it was not copied from it");
      }
    }
    for (int c = 0; c < k; c++) {
      double n0 = counts[c];
      double total = n0;
      for (MiniBatchKMeans replica : replicas) {
        total += replica.counts[c] - n0;
      }
      if (total > 0) {
        for (int j = 0; j < dimension; j++) {
          double s0 = n0 * centers[c * dimension + j];
          double sum = s0;
          for (MiniBatchKMeans replica : replicas) {
            sum += replica.counts[c] * replica.centers[c * dimension + j] - s0;
          }
          centers[c * dimension + j] = sum / total;
        }
      }
      counts[c] = Math.max(0, total);
      for (MiniBatchKMeans replica : replicas) {
        lastWin[c] = Math.max(lastWin[c], replica.lastWin[c]);
      }
    }
    long base = samplesSeen;
    for (MiniBatchKMeans replica : replicas) {
      samplesSeen += replica.samplesSeen - base;
    }
    refreshAll();
  }

  private void requireCompatible(MiniBatchKMeans other) {
    Objects.requireNonNull(other, "model");
    if (other.k != k || other.dimension != dimension) {
      throw new IllegalArgumentException("cannot merge k-means with k=" + other.k + ", dimension="
          + other.dimension + " into k=" + k + ", dimension=" + dimension);
    }
  }

  // ---------------------------------------------------------------- derived layout

  private void refreshAll() {
    for (int c = 0; c < k; c++) {
      refreshCenter(c);
    }
    for (int c = k; c < stride; c++) {
      norms[c] = Double.POSITIVE_INFINITY;
      for (int j = 0; j < dimension; j++) {
        transposed[j * stride + c] = 0;
      }
    }
  }

  private void refreshCenter(int c) {
    int offset = c * dimension;
    for (int j = 0; j < dimension; j++) {
      transposed[j * stride + c] = centers[offset + j];
    }
    norms[c] = VectorKernelsProvider.primitives().dot(centers, offset, centers, offset, dimension);
  }

  // ---------------------------------------------------------------- accessors

  @Override
  public int k() {
    return k;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public long samplesSeen() {
    return samplesSeen;
  }

  @Override
  public boolean isReady() {
    return ready;
  }

  /** The centroid rate. */
  public CentroidRate rate() {
    return rate;
  }

  /** Examples buffered to seed the centres. */
  public int initBufferSize() {
    return initBufferSize;
  }

  /** Examples a centre may go without a win before it is re-seeded; 0 means never. */
  public long reassignAfter() {
    return reassignAfter;
  }

  /** The random seed. */
  public long seed() {
    return seed;
  }

  @Override
  public double[][] centers() {
    requireReady(); // before seeding there are no centres, only zeros: say so, as predict does
    double[][] rows = new double[k][];
    for (int c = 0; c < k; c++) {
      rows[c] = Arrays.copyOfRange(centers, c * dimension, (c + 1) * dimension);
    }
    return rows;
  }

  /** A copy of the per-centre counts {@code v[c]} (discounted, with forgetting). */
  public double[] counts() {
    return counts.clone();
  }

  @Override
  public MiniBatchKMeans copy() {
    MiniBatchKMeans copy = toBuilder().build();
    copy.copyStateFrom(this);
    return copy;
  }

  /** A builder preset with this model's configuration. */
  public Builder toBuilder() {
    Builder b = new Builder(k, dimension).rate(rate).initBufferSize(initBufferSize)
        .reassignAfter(reassignAfter).seed(seed);
    b.initialCenters = initialCenters;
    return b;
  }

  private void copyStateFrom(MiniBatchKMeans source) {
    System.arraycopy(source.centers, 0, centers, 0, centers.length);
    System.arraycopy(source.counts, 0, counts, 0, k);
    System.arraycopy(source.lastWin, 0, lastWin, 0, k);
    random.setState(source.random.state());
    samplesSeen = source.samplesSeen;
    ready = source.ready;
    buffer = source.buffer == null ? null : source.buffer.clone();
    buffered = source.buffered;
    refreshAll();
  }

  @Override
  public String toString() {
    return "MiniBatchKMeans{k=" + k + ", dimension=" + dimension + ", rate=" + rate
        + ", init=" + (initialCenters != null ? "given centres" : "k-means++ over " + initBufferSize)
        + ", reassignAfter=" + (reassignAfter == 0 ? "never" : reassignAfter)
        + ", seed=" + seed + ", samplesSeen=" + samplesSeen + "}";
  }

  // ---------------------------------------------------------------- snapshot access

  double[] centersArray() {
    return centers;
  }

  double[] countsArray() {
    return counts;
  }

  long[] lastWinArray() {
    return lastWin;
  }

  long randomState() {
    return random.state();
  }

  double[] bufferArray() {
    return buffer;
  }

  int buffered() {
    return buffered;
  }

  boolean hasInitialCenters() {
    return initialCenters != null;
  }

  double[] initialCentersArray() {
    return initialCenters;
  }

  /** Installs a restored state; every argument has been validated by the codec. */
  void restoreState(double[] centers, double[] counts, long[] lastWin, long randomState,
      long samplesSeen, boolean ready, double[] bufferRows, int buffered) {
    System.arraycopy(centers, 0, this.centers, 0, centers.length);
    System.arraycopy(counts, 0, this.counts, 0, k);
    System.arraycopy(lastWin, 0, this.lastWin, 0, k);
    this.random.setState(randomState);
    this.samplesSeen = samplesSeen;
    this.ready = ready;
    this.buffered = buffered;
    if (ready) {
      this.buffer = null;
    } else {
      this.buffer = Arrays.copyOf(bufferRows, Math.max(bufferRows.length, dimension));
    }
    refreshAll();
  }

  /**
   * Fail-fast configuration of a {@link MiniBatchKMeans}. Each setter checks its value at once and
   * names it in the exception; {@link #build()} leaves the builder unchanged.
   */
  public static final class Builder {
    private final int k;
    private final int dimension;
    private CentroidRate rate = CentroidRate.perCenterCount();
    private int initBufferSize;
    private long reassignAfter;
    private long seed = 42;
    private double[] initialCenters;

    private Builder(int k, int dimension) {
      SizeLimits.within("k", k, 1, (int) SizeLimits.MAX_CELLS);
      SizeLimits.dimension(dimension);
      SizeLimits.cells("k x dimension", k, dimension);
      this.k = k;
      this.dimension = dimension;
    }

    /** The centroid rate; default {@link CentroidRate#perCenterCount()}. */
    public Builder rate(CentroidRate rate) {
      this.rate = Objects.requireNonNull(rate, "rate");
      return this;
    }

    /**
     * Examples buffered for k-means++ seeding, at least {@code k}; default
     * {@code max(20 k, 256)}. Ignored when initial centres are given.
     */
    public Builder initBufferSize(int size) {
      if (size < k) {
        throw new IllegalArgumentException("initBufferSize must be >= k (" + k + "), got " + size);
      }
      SizeLimits.cells("initBufferSize x dimension", size, dimension);
      this.initBufferSize = size;
      return this;
    }

    /**
     * Re-seed a centre that has won none of the last {@code examples} examples; 0 (the default)
     * never re-seeds. Choose it well above {@code k} divided by the smallest cluster share you
     * expect, or small real clusters get re-seeded.
     */
    public Builder reassignAfter(long examples) {
      if (examples < 0) {
        throw new IllegalArgumentException("reassignAfter must be >= 0, got " + examples);
      }
      this.reassignAfter = examples;
      return this;
    }

    /** Seed for k-means++ and re-seeding; default 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Starts from these centres ({@code k} rows of {@code dimension} finite values). */
    public Builder initialCenters(double[][] centers) {
      Objects.requireNonNull(centers, "initialCenters");
      if (centers.length != k) {
        throw new IllegalArgumentException(
            "initialCenters has " + centers.length + " rows, expected k = " + k);
      }
      double[] flat = new double[k * dimension];
      for (int c = 0; c < k; c++) {
        Objects.requireNonNull(centers[c], "initialCenters row " + c);
        if (centers[c].length != dimension) {
          throw new IllegalArgumentException("initialCenters row " + c + " has "
              + centers[c].length + " values, expected dimension = " + dimension);
        }
        Vectors.requireInRange(centers[c], "initialCenters row " + c);
        System.arraycopy(centers[c], 0, flat, c * dimension, dimension);
      }
      this.initialCenters = flat;
      return this;
    }

    /** A new, untrained model. */
    public MiniBatchKMeans build() {
      return new MiniBatchKMeans(this);
    }
  }
}
