package org.brookml.internal.optim;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.optim.LearningRate;
import org.brookml.optim.Optimizer;
import org.brookml.vector.SparseVector;
import org.brookml.vector.Vectors;

/**
 * Plain SGD state, following scikit-learn's {@code _plain_sgd}: weights kept as {@code w = s v} so
 * the L2 shrink is one multiplication, then the gradient step on the example's coordinates, then
 * Tsuruoka's cumulative L1 penalty on those coordinates ({@code u} is the total L1 penalty each
 * weight could have received, {@code q_i} what weight i actually received).
 *
 * <p>Averaging keeps the sum of iterates lazily: with {@code S} the running sum of the scales after
 * each step, coordinate i's sum grows by {@code v_i (S - lastS_i)} over the steps where
 * {@code v_i} did not change, and is brought up to date only when {@code v_i} is about to change.
 */
public final class SgdStepper extends Stepper {

  /** scikit-learn clips the loss derivative to this magnitude. */
  static final double MAX_DLOSS = 1e12;
  private static final double MIN_SCALE = 1e-9;

  private final Optimizer config;
  private final LearningRate rate;
  private final double alpha;
  private final double l1Ratio;
  private final double interceptFactor;
  private final double[] v;
  private final double[] q; // null without L1
  private double scale;
  private double intercept;
  private double u;
  private long t;
  // Averaging (null / unused unless the optimizer averages).
  private final double[] sumOfIterates;
  private final double[] scaleSumAtChange;
  private double scaleSum;
  private double interceptSum;

  /** State for plain or averaged SGD ({@code optimizer.kind()} is {@code SGD}). */
  public SgdStepper(Optimizer config, int dimension) {
    double[] settings = config.settings(); // alpha, l1Ratio, interceptFactor, averaged
    boolean averaged = settings[3] != 0;
    this.config = config;
    this.rate = config.learningRate();
    this.alpha = settings[0];
    this.l1Ratio = settings[1];
    this.interceptFactor = settings[2];
    this.v = new double[dimension];
    this.q = l1Ratio > 0 && alpha > 0 ? new double[dimension] : null;
    this.sumOfIterates = averaged ? new double[dimension] : null;
    this.scaleSumAtChange = averaged ? new double[dimension] : null;
    reset();
  }

  @Override
  public void reset() {
    Arrays.fill(v, 0);
    if (q != null) {
      Arrays.fill(q, 0);
    }
    scale = 1;
    intercept = 0;
    u = 0;
    t = 0;
    if (sumOfIterates != null) {
      Arrays.fill(sumOfIterates, 0);
      Arrays.fill(scaleSumAtChange, 0);
    }
    scaleSum = 0;
    interceptSum = 0;
  }

  @Override
  public double score(double[] xs, int off) {
    return scale * Vectors.dot(v, 0, xs, off, v.length) + intercept;
  }

  @Override
  public double score(SparseVector x) {
    return scale * Vectors.dot(x, v) + intercept;
  }

  private double shrinkAndStep(double g) {
    double eta = rate.at(t);
    double update = -eta * Math.max(-MAX_DLOSS, Math.min(MAX_DLOSS, g));
    double l2 = (1 - l1Ratio) * eta * alpha;
    if (l2 > 0) {
      scale *= Math.max(0, 1 - l2);
      if (scale < MIN_SCALE) {
        if (sumOfIterates != null) {
          for (int i = 0; i < v.length; i++) {
            catchUp(i);
          }
        }
        Vectors.scale(scale, v);
        scale = 1;
      }
    }
    intercept += update * interceptFactor;
    if (q != null) {
      u += l1Ratio * eta * alpha;
    }
    return update;
  }

  @Override
  public void step(double[] xs, int off, double g) {
    double update = shrinkAndStep(g);
    if (sumOfIterates != null) {
      for (int i = 0; i < v.length; i++) {
        if (xs[off + i] != 0) {
          catchUp(i);
        }
      }
    }
    if (update != 0) {
      Vectors.axpy(update / scale, xs, off, v, 0, v.length);
    }
    if (q != null) {
      for (int i = 0; i < v.length; i++) {
        if (xs[off + i] != 0) {
          penalize(i);
        }
      }
    }
    finishStep();
  }

  @Override
  public void step(SparseVector x, double g) {
    double update = shrinkAndStep(g);
    if (sumOfIterates != null) {
      int[] indices = x.indices();
      for (int k = 0, n = x.size(); k < n; k++) {
        catchUp(indices[k]);
      }
    }
    if (update != 0) {
      Vectors.axpy(update / scale, x, v);
    }
    if (q != null) {
      int[] indices = x.indices();
      for (int k = 0, n = x.size(); k < n; k++) {
        penalize(indices[k]);
      }
    }
    finishStep();
  }

  /** Adds coordinate i's unchanged iterates since its last change to its sum of iterates. */
  private void catchUp(int i) {
    sumOfIterates[i] += v[i] * (scaleSum - scaleSumAtChange[i]);
    scaleSumAtChange[i] = scaleSum;
  }

  private void finishStep() {
    t++;
    scaleSum += scale;
    interceptSum += intercept;
  }

  /** Averaged weight i: (sum of its iterates) / t. */
  private double averageWeight(int i) {
    return (sumOfIterates[i] + v[i] * (scaleSum - scaleSumAtChange[i])) / t;
  }

  @Override
  public double predictionScore(double[] x) {
    if (sumOfIterates == null || t == 0) {
      return score(x);
    }
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += averageWeight(i) * x[i];
    }
    return sum + interceptSum / t;
  }

  @Override
  public double predictionScore(SparseVector x) {
    if (sumOfIterates == null || t == 0) {
      return score(x);
    }
    int[] indices = x.indices();
    double[] values = x.values();
    double sum = 0;
    for (int k = 0, n = x.size(); k < n; k++) {
      sum += averageWeight(indices[k]) * values[k];
    }
    return sum + interceptSum / t;
  }

  /** Tsuruoka et al. (2009): clip toward zero by what weight i is owed of the total penalty. */
  private void penalize(int i) {
    double z = v[i];
    if (scale * z > 0) {
      v[i] = Math.max(0, v[i] - (u + q[i]) / scale);
    } else if (scale * z < 0) {
      v[i] = Math.min(0, v[i] + (u - q[i]) / scale);
    }
    q[i] += scale * (v[i] - z);
  }

  @Override
  public double weight(int i) {
    return sumOfIterates != null && t > 0 ? averageWeight(i) : scale * v[i];
  }

  @Override
  public double intercept() {
    return sumOfIterates != null && t > 0 ? interceptSum / t : intercept;
  }

  /**
   * Weights {@code s v} and intercept averaged, and the L1 penalties each weight received with
   * them; update counts, the cumulative L1 penalty and (averaged SGD) the sums of iterates added,
   * so the averaged model is the mean of every replica's iterates.
   */
  @Override
  public void combine(Stepper baseState, List<? extends Stepper> replicaStates, double[] shares) {
    SgdStepper base = (SgdStepper) baseState;
    SgdStepper[] replicas = replicaStates.toArray(new SgdStepper[0]);
    int n = replicas.length;
    double[] values = new double[n];
    double[] mergedV = new double[v.length];
    double[] mergedQ = q == null ? null : new double[v.length];
    double[] mergedSums = sumOfIterates == null ? null : new double[v.length];
    for (int i = 0; i < v.length; i++) {
      for (int r = 0; r < n; r++) {
        values[r] = replicas[r].scale * replicas[r].v[i];
      }
      mergedV[i] = averaged(base.scale * base.v[i], values, shares);
      if (q != null) {
        for (int r = 0; r < n; r++) {
          values[r] = replicas[r].q[i];
        }
        mergedQ[i] = averaged(base.q[i], values, shares);
      }
      if (sumOfIterates != null) {
        for (int r = 0; r < n; r++) {
          values[r] = replicas[r].caughtUpSum(i);
        }
        mergedSums[i] = summed(base.caughtUpSum(i), values);
      }
    }
    double mergedIntercept = averaged(base.intercept, field(replicas, s -> s.intercept), shares);
    double mergedU = summed(base.u, field(replicas, s -> s.u));
    double mergedT = summed(base.t, field(replicas, s -> s.t));
    double mergedScaleSum = summed(base.scaleSum, field(replicas, s -> s.scaleSum));
    double mergedInterceptSum = summed(base.interceptSum, field(replicas, s -> s.interceptSum));
    System.arraycopy(mergedV, 0, v, 0, v.length);
    if (q != null) {
      System.arraycopy(mergedQ, 0, q, 0, q.length);
    }
    if (sumOfIterates != null) {
      System.arraycopy(mergedSums, 0, sumOfIterates, 0, v.length);
      Arrays.fill(scaleSumAtChange, mergedScaleSum);
    }
    scale = 1;
    intercept = mergedIntercept;
    u = mergedU;
    t = Math.round(mergedT);
    scaleSum = mergedScaleSum;
    interceptSum = mergedInterceptSum;
  }

  /** Coordinate i's sum of effective iterates, brought up to date. */
  private double caughtUpSum(int i) {
    return sumOfIterates[i] + v[i] * (scaleSum - scaleSumAtChange[i]);
  }

  private static double[] field(SgdStepper[] steppers, ToDoubleFunction<SgdStepper> f) {
    double[] values = new double[steppers.length];
    for (int r = 0; r < steppers.length; r++) {
      values[r] = f.applyAsDouble(steppers[r]);
    }
    return values;
  }

  @Override
  public SgdStepper copy() {
    SgdStepper copy = new SgdStepper(config, v.length);
    copy.copyFrom(this);
    return copy;
  }

  @Override
  public void copyFrom(Stepper other) {
    SgdStepper from = (SgdStepper) other;
    System.arraycopy(from.v, 0, v, 0, v.length);
    if (q != null) {
      System.arraycopy(from.q, 0, q, 0, q.length);
    }
    scale = from.scale;
    intercept = from.intercept;
    u = from.u;
    t = from.t;
    if (sumOfIterates != null) {
      System.arraycopy(from.sumOfIterates, 0, sumOfIterates, 0, v.length);
      System.arraycopy(from.scaleSumAtChange, 0, scaleSumAtChange, 0, v.length);
    }
    scaleSum = from.scaleSum;
    interceptSum = from.interceptSum;
  }

  @Override
  public void write(SnapshotWriter out) {
    out.writeLong(t).writeDouble(scale).writeDouble(intercept).writeDouble(u).writeDoubles(v);
    if (q != null) {
      out.writeDoubles(q);
    }
    if (sumOfIterates != null) {
      out.writeDouble(scaleSum).writeDouble(interceptSum).writeDoubles(sumOfIterates)
          .writeDoubles(scaleSumAtChange);
    }
  }

  @Override
  public void read(SnapshotReader in) {
    t = in.readLong("updates", 0);
    scale = in.readFiniteDouble("weight scale");
    intercept = in.readFiniteDouble("intercept");
    u = in.readFiniteDouble("cumulative L1 penalty");
    System.arraycopy(in.readDoubles("weights", v.length, true), 0, v, 0, v.length);
    if (q != null) {
      System.arraycopy(in.readDoubles("L1 penalties received", q.length, true), 0, q, 0, q.length);
    }
    if (sumOfIterates != null) {
      scaleSum = in.readFiniteDouble("sum of scales");
      interceptSum = in.readFiniteDouble("sum of intercepts");
      System.arraycopy(in.readDoubles("sums of iterates", v.length, true), 0, sumOfIterates, 0,
          v.length);
      System.arraycopy(in.readDoubles("scale sums at last change", v.length, true), 0,
          scaleSumAtChange, 0, v.length);
    }
  }
}
