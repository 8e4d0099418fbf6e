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
 * Plain SGD state, following scikit-learn's {@code _plain_sgd}: weights kept as {@code w = s v}
 * ({@link ScaledWeights}, with its lazy sums of iterates when averaging) so the L2 shrink is one
 * multiplication, then the gradient step on the example's coordinates, then Tsuruoka's cumulative
 * L1 penalty on those coordinates ({@code u} is the total L1 penalty each weight could have
 * received, {@code q_i} what weight i actually received).
 */
public final class SgdStepper extends Stepper {

  /** scikit-learn clips the loss derivative to this magnitude. */
  static final double MAX_DLOSS = 1e12;

  private final Optimizer config;
  private final LearningRate rate;
  private final double alpha;
  private final double l1Ratio;
  private final double interceptFactor;
  private final boolean averaged;
  private final ScaledWeights weights;
  private final double[] q; // null without L1
  private double intercept;
  private double u;
  private double interceptSum;

  /** State for plain or averaged SGD ({@code optimizer.kind()} is {@code SGD}). */
  public SgdStepper(Optimizer config, int dimension) {
    double[] settings = config.settings(); // alpha, l1Ratio, interceptFactor, averaged
    this.config = config;
    this.rate = config.learningRate();
    this.alpha = settings[0];
    this.l1Ratio = settings[1];
    this.interceptFactor = settings[2];
    this.averaged = settings[3] != 0;
    this.weights = new ScaledWeights(dimension, averaged);
    this.q = l1Ratio > 0 && alpha > 0 ? new double[dimension] : null;
    reset();
  }

  @Override
  public void reset() {
    weights.reset();
    if (q != null) {
      Arrays.fill(q, 0);
    }
    intercept = 0;
    u = 0;
    interceptSum = 0;
  }

  @Override
  public double score(double[] xs, int off) {
    return weights.scale() * weights.dot(xs, off) + intercept;
  }

  @Override
  public double score(SparseVector x) {
    return weights.scale() * weights.dot(x) + intercept;
  }

  private double shrinkAndStep(double g) {
    double eta = rate.at(weights.steps());
    double update = -eta * Math.max(-MAX_DLOSS, Math.min(MAX_DLOSS, g));
    double l2 = (1 - l1Ratio) * eta * alpha;
    if (l2 > 0) {
      weights.shrink(Math.max(0, 1 - l2));
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
    weights.add(update / weights.scale(), xs, off);
    if (q != null) {
      for (int i = 0; i < q.length; i++) {
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
    weights.catchUp(x);
    if (update != 0) {
      Vectors.axpy(update / weights.scale(), x, weights.v());
    }
    if (q != null) {
      int[] indices = x.indices();
      for (int k = 0, n = x.size(); k < n; k++) {
        penalize(indices[k]);
      }
    }
    finishStep();
  }

  private void finishStep() {
    weights.finishStep();
    interceptSum += intercept;
  }

  @Override
  public double predictionScore(double[] xs, int off) {
    return weights.hasAverage() ? weights.averagedDot(xs, off) + interceptSum / weights.steps()
        : score(xs, off);
  }

  @Override
  public void predictionScores(double[] xs, int off, int rows, int d, double[] out, int outOff) {
    if (weights.hasAverage()) {
      super.predictionScores(xs, off, rows, d, out, outOff);
      return;
    }
    weights.dots(xs, off, rows, out, outOff);
    double scale = weights.scale();
    for (int r = outOff; r < outOff + rows; r++) {
      out[r] = scale * out[r] + intercept;
    }
  }

  @Override
  public double predictionScore(SparseVector x) {
    return weights.hasAverage() ? weights.averagedDot(x) + interceptSum / weights.steps()
        : score(x);
  }

  /** Tsuruoka et al. (2009): clip toward zero by what weight i is owed of the total penalty. */
  private void penalize(int i) {
    double[] v = weights.v();
    double scale = weights.scale();
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
    return weights.weight(i);
  }

  @Override
  public double intercept() {
    return weights.hasAverage() ? interceptSum / weights.steps() : intercept;
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
    double[] mergedQ = null;
    if (q != null) {
      double[] values = new double[replicas.length];
      mergedQ = new double[q.length];
      for (int i = 0; i < q.length; i++) {
        for (int r = 0; r < replicas.length; r++) {
          values[r] = replicas[r].q[i];
        }
        mergedQ[i] = averaged(base.q[i], values, shares);
      }
    }
    double mergedIntercept = averaged(base.intercept, field(replicas, s -> s.intercept), shares);
    double mergedU = summed(base.u, field(replicas, s -> s.u));
    double mergedInterceptSum = summed(base.interceptSum, field(replicas, s -> s.interceptSum));
    ScaledWeights[] replicaWeights = new ScaledWeights[replicas.length];
    for (int r = 0; r < replicas.length; r++) {
      replicaWeights[r] = replicas[r].weights;
    }
    weights.combine(base.weights, replicaWeights, shares);
    if (q != null) {
      System.arraycopy(mergedQ, 0, q, 0, q.length);
    }
    intercept = mergedIntercept;
    u = mergedU;
    interceptSum = mergedInterceptSum;
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
    SgdStepper copy = new SgdStepper(config, weights.v().length);
    copy.copyFrom(this);
    return copy;
  }

  @Override
  public void copyFrom(Stepper other) {
    SgdStepper from = (SgdStepper) other;
    weights.copyFrom(from.weights);
    if (q != null) {
      System.arraycopy(from.q, 0, q, 0, q.length);
    }
    intercept = from.intercept;
    u = from.u;
    interceptSum = from.interceptSum;
  }

  @Override
  public void write(SnapshotWriter out) {
    out.writeLong(weights.steps()).writeDouble(weights.scale()).writeDouble(intercept)
        .writeDouble(u).writeDoubles(weights.v());
    if (q != null) {
      out.writeDoubles(q);
    }
    if (averaged) {
      out.writeDouble(weights.scaleSum()).writeDouble(interceptSum)
          .writeDoubles(weights.sumOfIterates()).writeDoubles(weights.scaleSumAtChange());
    }
  }

  @Override
  public void read(SnapshotReader in) {
    long steps = in.readLong("updates", 0);
    double scale = in.readFiniteDouble("weight scale");
    intercept = in.readFiniteDouble("intercept");
    u = in.readFiniteDouble("cumulative L1 penalty");
    double[] v = weights.v();
    System.arraycopy(in.readDoubles("weights", v.length, true), 0, v, 0, v.length);
    if (q != null) {
      System.arraycopy(in.readDoubles("L1 penalties received", q.length, true), 0, q, 0, q.length);
    }
    double scaleSum = weights.scaleSum();
    if (averaged) {
      scaleSum = in.readFiniteDouble("sum of scales");
      interceptSum = in.readFiniteDouble("sum of intercepts");
      System.arraycopy(in.readDoubles("sums of iterates", v.length, true), 0,
          weights.sumOfIterates(), 0, v.length);
      System.arraycopy(in.readDoubles("scale sums at last change", v.length, true), 0,
          weights.scaleSumAtChange(), 0, v.length);
    }
    weights.restore(in, scale, scaleSum, steps);
  }
}
