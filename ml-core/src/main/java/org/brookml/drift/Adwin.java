package org.brookml.drift;

import java.util.Arrays;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.vector.Vectors;

/**
 * ADWIN, ADaptive WINdowing (Bifet and Gavalda, "Learning from Time-Changing Data with Adaptive
 * Windowing", SDM 2007), in its ADWIN2 form: the window of recent values is kept as an exponential
 * histogram (at most {@value #MAX_BUCKETS} buckets of each size 1, 2, 4, ...; memory and time
 * O(log width)), and every {@value #CLOCK} values each split of the window into an older part
 * {@code W0} and a newer part {@code W1}, both of at least {@value #MIN_PART} values, is tested:
 * with {@code n} the window width, {@code v} its variance, {@code dd = ln(2 ln(n) / delta)} and
 * {@code m = 1/(n0 - 4) + 1/(n1 - 4)}, a change is detected when
 * {@code |mean(W0) - mean(W1)| > sqrt(2 m v dd) + 2/3 dd m}; the oldest bucket is then dropped
 * and the test repeats. This is the bound MOA and River use.
 *
 * <p>Feed it a model's 0/1 errors (or any bounded signal); {@link #estimation()} is the mean of the
 * current window. As a {@link DriftDetector} it reports {@link State#DRIFT} on the value that
 * revealed a change (its window has then already dropped the older part) and no warnings. Not
 * thread-safe; {@link #update} allocates nothing.
 */
public final class Adwin implements DriftDetector {

  /** Buckets of one size kept before the two oldest merge. */
  public static final int MAX_BUCKETS = 5;
  /** Values between two change tests. */
  public static final int CLOCK = 32;
  /** Smallest part of a window on either side of a tested split. */
  public static final int MIN_PART = 5;
  /** Smallest window that is tested at all. */
  public static final int MIN_WIDTH = 10;

  private static final int ROWS = 64;

  private final double delta;
  private final double[][] totals = new double[ROWS][MAX_BUCKETS + 1];
  private final double[][] variances = new double[ROWS][MAX_BUCKETS + 1];
  private final int[] counts = new int[ROWS];
  private int rowsUsed;
  private long width;
  private double total;
  private double variance;
  private long time;
  private long detections;
  private State state = State.STABLE;

  /** A detector whose false-alarm bound is {@code delta}, in (0, 1); MOA's default is 0.002. */
  public Adwin(double delta) {
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
    }
    this.delta = delta;
  }

  /** A detector with MOA's and River's default {@code delta = 0.002}. */
  public static Adwin create() {
    return new Adwin(0.002);
  }

  /**
   * Adds a value and returns {@link State#DRIFT} if this value revealed a change (the window then
   * lost its older part), else {@link State#STABLE}.
   *
   * @throws IllegalArgumentException if {@code value} is not finite; nothing changes
   */
  @Override
  public State update(double value) {
    Vectors.requireInRange(value, "value");
    insert(value);
    time++;
    state = time % CLOCK != 0 || width <= MIN_WIDTH ? State.STABLE
        : testCuts() ? State.DRIFT : State.STABLE;
    return state;
  }

  /** Drops the oldest bucket while some split shows a change; whether any did. */
  private boolean testCuts() {
    boolean changed = false;
    while (cutFound()) {
      dropOldest();
      changed = true;
    }
    if (changed) {
      detections++;
    }
    return changed;
  }

  private void insert(double value) {
    width++;
    if (width > 1) {
      double previousMean = total / (width - 1);
      variance += (width - 1) * (value - previousMean) * (value - previousMean) / width;
    }
    total += value;
    if (rowsUsed == 0) {
      rowsUsed = 1;
    }
    append(0, value, 0);
    for (int row = 0; row < rowsUsed && counts[row] > MAX_BUCKETS; row++) {
      mergeTwoOldest(row);
    }
  }

  /** Appends a bucket as the newest of {@code row}; index 0 of a row is its oldest bucket. */
  private void append(int row, double bucketTotal, double bucketVariance) {
    totals[row][counts[row]] = bucketTotal;
    variances[row][counts[row]] = bucketVariance;
    counts[row]++;
  }

  private void mergeTwoOldest(int row) {
    double size = bucketSize(row);
    double t1 = totals[row][0];
    double t2 = totals[row][1];
    double meanDifference = t1 / size - t2 / size;
    double merged = variances[row][0] + variances[row][1]
        + size * size * meanDifference * meanDifference / (2 * size);
    removeOldest(row, 2);
    if (row + 1 == rowsUsed) {
      if (rowsUsed == ROWS) {
        throw new IllegalStateException("ADWIN window exceeds 2^" + ROWS + " values");
      }
      rowsUsed++;
    }
    append(row + 1, t1 + t2, merged);
  }

  private void removeOldest(int row, int howMany) {
    int remaining = counts[row] - howMany;
    System.arraycopy(totals[row], howMany, totals[row], 0, remaining);
    System.arraycopy(variances[row], howMany, variances[row], 0, remaining);
    counts[row] = remaining;
  }

  private static double bucketSize(int row) {
    return Math.scalb(1.0, row);
  }

  /** Whether some split of the window into older and newer parts differs by more than the bound. */
  private boolean cutFound() {
    double n0 = 0;
    double u0 = 0;
    double n = width;
    double windowVariance = variance / width;
    double dd = Math.log(2 * Math.log(n) / delta);
    for (int row = rowsUsed - 1; row >= 0; row--) {
      double size = bucketSize(row);
      for (int k = 0; k < counts[row]; k++) {
        n0 += size;
        u0 += totals[row][k];
        double n1 = n - n0;
        if (n1 < MIN_PART) {
          return false;
        }
        if (n0 >= MIN_PART) {
          double u1 = total - u0;
          double difference = Math.abs(u0 / n0 - u1 / n1);
          double m = 1 / (n0 - MIN_PART + 1) + 1 / (n1 - MIN_PART + 1);
          double epsilon = Math.sqrt(2 * m * windowVariance * dd) + 2.0 / 3.0 * dd * m;
          if (difference > epsilon) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void dropOldest() {
    int row = rowsUsed - 1;
    double size = bucketSize(row);
    double bucketTotal = totals[row][0];
    double bucketVariance = variances[row][0];
    removeOldest(row, 1);
    while (rowsUsed > 0 && counts[rowsUsed - 1] == 0) {
      rowsUsed--;
    }
    width -= (long) size;
    total -= bucketTotal;
    if (width == 0) {
      total = 0;
      variance = 0;
      return;
    }
    double bucketMean = bucketTotal / size;
    double rest = bucketMean - total / width;
    variance -= bucketVariance + size * width * rest * rest / (size + width);
    variance = Math.max(variance, 0);
  }

  /** Mean of the values in the current window (0 when empty). */
  public double estimation() {
    return width == 0 ? 0 : total / width;
  }

  /** Number of values in the current window. */
  public long width() {
    return width;
  }

  /** Variance of the values in the current window. */
  public double variance() {
    return width == 0 ? 0 : variance / width;
  }

  /** Number of updates that detected a change. */
  public long detections() {
    return detections;
  }

  /** The confidence parameter. */
  public double delta() {
    return delta;
  }

  @Override
  public String toString() {
    int buckets = 0;
    for (int row = 0; row < rowsUsed; row++) {
      buckets += counts[row];
    }
    return "Adwin{delta=" + delta + ", width=" + width + ", estimation=" + estimation()
        + ", buckets=" + buckets + ", detections=" + detections + "}";
  }

  @Override
  public State state() {
    return state;
  }

  /** Values seen since creation or {@link #reset()}. */
  @Override
  public long samplesSeen() {
    return time;
  }

  /** Sets the state a snapshot recorded. */
  void restoreState(State state) {
    this.state = state;
  }

  /** Forgets the window and the detection count. */
  @Override
  public void reset() {
    state = State.STABLE;
    Arrays.fill(counts, 0);
    rowsUsed = 0;
    width = 0;
    total = 0;
    variance = 0;
    time = 0;
    detections = 0;
  }

  /** An independent copy in the same state. */
  @Override
  public Adwin copy() {
    Adwin copy = new Adwin(delta);
    for (int row = 0; row < rowsUsed; row++) {
      System.arraycopy(totals[row], 0, copy.totals[row], 0, counts[row]);
      System.arraycopy(variances[row], 0, copy.variances[row], 0, counts[row]);
    }
    System.arraycopy(counts, 0, copy.counts, 0, ROWS);
    copy.rowsUsed = rowsUsed;
    copy.width = width;
    copy.total = total;
    copy.variance = variance;
    copy.time = time;
    copy.detections = detections;
    copy.state = state;
    return copy;
  }

  /** Writes the detector's full state (for models that embed one in their snapshot). */
  public void write(SnapshotWriter out) {
    out.writeDouble(delta).writeLong(width).writeDouble(total).writeDouble(variance)
        .writeLong(time).writeLong(detections).writeByte(rowsUsed);
    for (int row = 0; row < rowsUsed; row++) {
      out.writeByte(counts[row]).writeDoubles(totals[row], 0, counts[row])
          .writeDoubles(variances[row], 0, counts[row]);
    }
  }

  /** Reads a detector written by {@link #write}, checking that its buckets add up. */
  public static Adwin read(SnapshotReader in) {
    double delta = in.readDouble("adwin delta");
    if (!(delta > 0 && delta < 1)) {
      throw in.error("adwin delta", "must be in (0, 1), got " + delta);
    }
    Adwin a = new Adwin(delta);
    a.width = in.readLong("adwin width", 0);
    a.total = in.readFiniteDouble("adwin total");
    a.variance = in.readFiniteDouble("adwin variance");
    a.time = in.readLong("adwin time", 0);
    a.detections = in.readLong("adwin detections", 0);
    a.rowsUsed = in.readByte("adwin rows", ROWS + 1);
    long counted = 0;
    for (int row = 0; row < a.rowsUsed; row++) {
      int buckets = in.readByte("adwin buckets", MAX_BUCKETS + 1);
      if (buckets == 0 && row == a.rowsUsed - 1) {
        throw in.error("adwin row " + row, "is the oldest row but holds no bucket");
      }
      double[] t = in.readDoubles("adwin totals", buckets, true);
      double[] v = in.readDoubles("adwin variances", buckets, true);
      System.arraycopy(t, 0, a.totals[row], 0, t.length);
      System.arraycopy(v, 0, a.variances[row], 0, t.length);
      a.counts[row] = t.length;
      counted += (long) t.length << row;
    }
    if (counted != a.width || a.variance < 0) {
      throw in.error("adwin width", "is " + a.width + " but the buckets hold " + counted
          + " values, or the variance is negative");
    }
    return a;
  }
}
