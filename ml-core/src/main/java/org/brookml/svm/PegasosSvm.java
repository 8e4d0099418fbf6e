package org.brookml.svm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.brookml.internal.merge.MergeChecks;
import org.brookml.learner.InputChecks;
import org.brookml.learner.Mergeable;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.Probabilities;
import org.brookml.learner.SizeLimits;
import org.brookml.vector.SparseVector;

/**
 * A linear SVM trained by Pegasos (Shalev-Shwartz, Singer, Srebro and Cotter, "Pegasos: Primal
 * Estimated sub-GrAdient SOlver for SVM", 2007/2011), which minimizes
 * {@code lambda/2 ||w||^2 + (1/k) sum max(0, 1 - y w . x)} over mini-batches of size {@code k}:
 *
 * <pre>
 *   eta_t = 1 / (lambda (t + t0))                     (t0 = 0 in the paper)
 *   w     = (1 - eta_t lambda) w + (eta_t / k) sum over violators (y w . x &lt; 1) of y x
 *   w     = min(1, (1 / sqrt(lambda)) / ||w||) w       (optional projection)
 * </pre>
 *
 * <p>{@link #learn(double[], int)} is a step with {@code k = 1}. {@link #learnBatch(double[], int,
 * int, int[])} learns its rows in order, in steps of {@code batchSize} rows ({@code k =
 * batchSize}, the last step takes what is left), violators judged by the weights before each
 * step; with the default batch size 1 it is exactly {@code learn} on each row. The weights are
 * kept as {@code w = s v}: the shrink and the projection cost O(1) and a sparse example
 * O(non-zeros). Optional averaging returns the mean of the iterates.
 *
 * <p>The defaults are scikit-learn's hinge {@code SGDClassifier} schedule, which a model on raw,
 * unscaled features can start with: step offset {@code t0 = lambda^(-3/4) - 1} (999 at the
 * default {@code lambda = 1e-4}; Bottou's SvmSgd schedule), no projection, and an
 * {@link Bias#UNREGULARIZED} intercept. {@link Builder#paperRule()} gives the paper's rule
 * instead: {@code t0 = 0}, whose first step {@code 1 / lambda} (10^4) left models below the
 * majority class on raw data, projection, whose ball on raw features can be too small for the
 * intercept a class needs, and the intercept as an augmented, regularized feature. An intercept
 * rate below 1 damps the steps of the unregularized intercept (scikit-learn damps it by 0.01 on
 * sparse input): undamped, an intercept that is never shrunk keeps the large early steps and on
 * unbalanced sparse data can leave the model voting the majority class. With the defaults and
 * intercept rate 0.01, one pass over a9a, ijcnn1 and reuters matches scikit-learn's one-pass
 * hinge {@code SGDClassifier} (see the README); with the defaults, one pass over raw digits does
 * ({@code PegasosDefaultsTest}).
 *
 * <p>More than two classes: one-vs-rest, one binary Pegasos per class on the same input, predict
 * the class of largest margin. {@link #decisionFunction} gives the margins. {@link #predictProba}
 * is an online Platt scaling: per class, a sigmoid {@code 1 / (1 + exp(A f + B))} of the margin
 * (with more than two classes, normalized to sum to 1). The slope {@code A} is fitted by SGD (rate
 * 0.01) on the log loss of the margin of each example given to {@code learn}, taken before the
 * example is learned (mini-batches do not train it); one slope serves every class, and it stays
 * below 0. {@code B} is 0 (snapshots from before this rule keep theirs). So a class's probability
 * rises with its margin and the argmax of the probabilities is {@code predict}'s class: a fitted
 * offset or per-class slopes put the one-half point elsewhere than the decision boundary, and on
 * raw features large early margins could flip the slope's sign, after which the probabilities
 * contradicted {@code predict} on most rows. It is a calibration estimate, not part of Pegasos.
 *
 * <p>Sample weights are not part of the algorithm: a whole weight {@code k} (0 to
 * {@link #MAX_WEIGHT}) is learned as {@code k} steps on the example, as {@code k} copies of it
 * would be, so ensembles can give Poisson weights; other weights are refused. {@code learn} and
 * {@code predict} allocate nothing. Not thread-safe.
 */
public final class PegasosSvm implements OnlineClassifier, Mergeable<PegasosSvm> {

  /** How the intercept is learned. */
  public enum Bias {
    /** No intercept: the separating hyperplane passes through the origin. */
    NONE,
    /**
     * A constant feature 1 appended to every example: its weight is regularized and projected with
     * the rest, keeping the objective strongly convex (the paper's suggestion and {@link
     * Builder#paperRule()}).
     */
    AUGMENTED,
    /** An intercept updated by the same steps but neither shrunk nor projected (the default). */
    UNREGULARIZED
  }

  private static final double PLATT_RATE = 0.01;

  /**
   * The largest sample weight: a whole weight {@code k} is {@code k} steps on the example (how
   * ensembles give an example a Poisson weight).
   */
  public static final int MAX_WEIGHT = 1_000;

  final int dimension;
  final int numClasses;
  final double lambda;
  final double stepOffset;
  final double interceptRate;
  final boolean projection;
  final boolean averaging;
  final Bias bias;
  final int batchSize;
  final BinaryPegasos[] models; // one for two classes (class 1 positive), else one per class
  private final double[] margins;
  private final double[] stepDots; // per model, v . x of the example being learned
  private final double[] stepMargins; // per model, its margin
  private final boolean[] violators; // batchSize per model
  private final double[] row;
  long t;
  long samplesSeen;

  private PegasosSvm(Builder b) {
    this.dimension = b.dimension;
    this.numClasses = b.numClasses;
    this.lambda = b.lambda;
    this.stepOffset = Double.isNaN(b.stepOffset)
        ? scikitLearnStepOffset(b.lambda) : b.stepOffset;
    this.interceptRate = b.interceptRate;
    this.projection = b.projection;
    this.averaging = b.averaging;
    this.bias = b.bias;
    this.batchSize = b.batchSize;
    this.models = new BinaryPegasos[numClasses == 2 ? 1 : numClasses];
    for (int m = 0; m < models.length; m++) {
      models[m] = new BinaryPegasos(dimension, bias, interceptRate, averaging);
    }
    this.margins = new double[models.length];
    this.stepDots = new double[models.length];
    this.stepMargins = new double[models.length];
    this.violators = new boolean[batchSize * models.length];
    this.row = new double[dimension];
  }

  /**
   * scikit-learn's offset for its "optimal" hinge schedule, computed as scikit-learn computes it
   * ({@code typw = sqrt(1 / sqrt(lambda))}, {@code 1 / (typw lambda)}), less 1 because t counts
   * from 1 here: 999 at the default lambda; never below 0 (the paper's rule) for large lambda.
   */
  static double scikitLearnStepOffset(double lambda) {
    double typicalWeight = Math.sqrt(1.0 / Math.sqrt(lambda));
    return Math.max(0, 1.0 / (typicalWeight * lambda) - 1);
  }

  /** A builder for {@code dimension} features and {@code numClasses >= 2} classes. */
  public static Builder builder(int dimension, int numClasses) {
    return new Builder(dimension, numClasses);
  }

  /** +1 if {@code label} is model {@code m}'s positive class, else -1. */
  private double sign(int m, int label) {
    return (models.length == 1 ? label == 1 : label == m) ? 1 : -1;
  }

  @Override
  public void learn(double[] x, int label, double weight) {
    InputChecks.requireExample(x, dimension);
    InputChecks.requireLabel(label, numClasses);
    int copies = requireWholeWeight(weight);
    for (int copy = 0; copy < copies; copy++) {
      step(x, label);
    }
  }

  /** One step with {@code k = 1} on a checked example, Platt scaling included. */
  private void step(double[] x, int label) {
    t++;
    double eta = stepSize();
    double plattGradient = 0;
    for (int m = 0; m < models.length; m++) {
      BinaryPegasos model = models[m];
      stepDots[m] = model.dot(x, 0);
      stepMargins[m] = model.marginFromDot(stepDots[m]);
      plattGradient += model.plattGradient(
          averaging ? model.predictionMargin(x) : stepMargins[m], sign(m, label));
    }
    for (int m = 0; m < models.length; m++) {
      BinaryPegasos model = models[m];
      double y = sign(m, label);
      model.stepPlattSlope(plattGradient, PLATT_RATE);
      double folded = model.shrink(1 - eta * lambda);
      if (y * stepMargins[m] < 1) {
        model.add(eta * y, x, 0, stepDots[m] * folded);
      }
      finish(model);
    }
    samplesSeen++;
  }

  @Override
  public void learn(SparseVector x, int label, double weight) {
    Objects.requireNonNull(x, "x");
    x.requireValid(dimension);
    InputChecks.requireLabel(label, numClasses);
    int copies = requireWholeWeight(weight);
    for (int copy = 0; copy < copies; copy++) {
      step(x, label);
    }
  }

  /** One step with {@code k = 1} on a checked sparse example, Platt scaling included. */
  private void step(SparseVector x, int label) {
    t++;
    double eta = stepSize();
    double plattGradient = 0;
    for (int m = 0; m < models.length; m++) {
      BinaryPegasos model = models[m];
      stepMargins[m] = model.margin(x);
      plattGradient += model.plattGradient(
          averaging ? model.predictionMargin(x) : stepMargins[m], sign(m, label));
    }
    for (int m = 0; m < models.length; m++) {
      BinaryPegasos model = models[m];
      double y = sign(m, label);
      model.stepPlattSlope(plattGradient, PLATT_RATE);
      model.shrink(1 - eta * lambda);
      if (y * stepMargins[m] < 1) {
        model.add(eta * y, x);
      }
      finish(model);
    }
    samplesSeen++;
  }

  /**
   * Learns rows {@code fromRow .. fromRow+rows-1} in order, in steps of {@code batchSize} rows (see
   * the class comment); everything is checked first. With batch size 1 each row is a
   * {@link #learn} (Platt scaling included); larger steps do not train the Platt scaling.
   */
  @Override
  public void learnBatch(double[] xs, int fromRow, int rows, int[] labels) {
    InputChecks.requireRows(xs, fromRow, rows, dimension, "xs");
    InputChecks.requireLabels(labels, fromRow, rows, numClasses);
    for (int from = fromRow, end = fromRow + rows; from < end; from += batchSize) {
      if (batchSize == 1) {
        System.arraycopy(xs, from * dimension, row, 0, dimension);
        step(row, labels[from]);
      } else {
        miniBatchStep(xs, labels, from, Math.min(batchSize, end - from));
      }
    }
  }

  /**
   * One Pegasos step over rows {@code from .. from+rows-1} of {@code xs} ({@code k = rows}):
   * violators are judged by the weights before the step, then the shrink, the sum of their
   * {@code y x} scaled by {@code eta / k}, and the projection.
   */
  private void miniBatchStep(double[] xs, int[] labels, int from, int rows) {
    t++;
    double eta = stepSize();
    for (int m = 0; m < models.length; m++) {
      BinaryPegasos model = models[m];
      for (int r = 0; r < rows; r++) {
        double y = sign(m, labels[from + r]);
        violators[m * batchSize + r] = y * model.margin(xs, (from + r) * dimension) < 1;
      }
      model.shrink(1 - eta * lambda);
      for (int r = 0; r < rows; r++) {
        if (violators[m * batchSize + r]) {
          int off = (from + r) * dimension;
          model.add(eta / rows * sign(m, labels[from + r]), xs, off, model.dot(xs, off));
        }
      }
      finish(model);
    }
    samplesSeen += rows;
  }

  /** {@code eta_t = 1 / (lambda (t + t0))} for the step count {@code t} just reached. */
  private double stepSize() {
    return 1 / (lambda * (t + stepOffset));
  }

  private void finish(BinaryPegasos model) {
    if (projection) {
      model.project(1 / Math.sqrt(lambda));
    }
    model.finishStep();
  }

  /** Pegasos learns whole weights only, as that many steps (see the class comment). */
  @Override
  public void requireLearnableWeight(double weight) {
    requireWholeWeight(weight);
  }

  /**
   * How many steps an example of this weight takes: a whole number from 0 (skipped) to
   * {@link #MAX_WEIGHT}.
   */
  private static int requireWholeWeight(double weight) {
    InputChecks.requireWeight(weight);
    if (weight != Math.rint(weight) || weight > MAX_WEIGHT) {
      throw new IllegalArgumentException("Pegasos takes a whole sample weight from 0 to "
          + MAX_WEIGHT + " (k learns the example as k steps, as k copies), got " + weight);
    }
    return (int) weight;
  }

  /**
   * Margins {@code w_c . x + b_c} written into {@code out} (length 1 for two classes: the margin of
   * class 1; else one per class) and returned.
   */
  public double[] decisionFunction(double[] x, double[] out) {
    InputChecks.requireExample(x, dimension);
    requireLength(out, models.length);
    for (int m = 0; m < models.length; m++) {
      out[m] = models[m].predictionMargin(x);
    }
    return out;
  }

  /** Sparse counterpart of {@link #decisionFunction(double[], double[])}. */
  public double[] decisionFunction(SparseVector x, double[] out) {
    Objects.requireNonNull(x, "x");
    x.requireValid(dimension);
    requireLength(out, models.length);
    for (int m = 0; m < models.length; m++) {
      out[m] = models[m].predictionMargin(x);
    }
    return out;
  }

  @Override
  public int predict(double[] x) {
    return classOf(decisionFunction(x, margins));
  }

  @Override
  public int predict(SparseVector x) {
    return classOf(decisionFunction(x, margins));
  }

  private int classOf(double[] scores) {
    if (models.length == 1) {
      return scores[0] > 0 ? 1 : 0;
    }
    int best = 0;
    for (int c = 1; c < numClasses; c++) {
      if (scores[c] > scores[best]) {
        best = c;
      }
    }
    return best;
  }

  @Override
  public double[] predictProba(double[] x, double[] out) {
    requireLength(out, numClasses);
    return probabilities(decisionFunction(x, margins), out);
  }

  @Override
  public double[] predictProba(SparseVector x, double[] out) {
    requireLength(out, numClasses);
    return probabilities(decisionFunction(x, margins), out);
  }

  private double[] probabilities(double[] scores, double[] out) {
    if (models.length == 1) {
      out[1] = models[0].probability(scores[0]);
      out[0] = 1 - out[1];
      return out;
    }
    double sum = 0;
    for (int c = 0; c < numClasses; c++) {
      out[c] = models[c].probability(scores[c]);
      sum += out[c];
    }
    if (sum == 0) {
      // Every class's probability underflowed (all margins far below 0, as raw features give):
      // normalize in log space, where they still differ.
      for (int c = 0; c < numClasses; c++) {
        out[c] = models[c].logProbability(scores[c]);
      }
      return Probabilities.normalizeLogs(out);
    }
    for (int c = 0; c < numClasses; c++) {
      out[c] /= sum;
    }
    return out;
  }

  private static void requireLength(double[] out, int length) {
    if (Objects.requireNonNull(out, "out").length != length) {
      throw new IllegalArgumentException("out must have length " + length + ", got " + out.length);
    }
  }

  /** Weight {@code j} of binary model {@code m} (0 for two classes; else the class). */
  public double weight(int m, int j) {
    Objects.checkIndex(m, models.length);
    Objects.checkIndex(j, dimension);
    return models[m].weight(j);
  }

  /** The intercept of binary model {@code m}. */
  public double intercept(int m) {
    Objects.checkIndex(m, models.length);
    return models[m].bias();
  }

  /** The primal objective {@code lambda/2 ||w||^2 + mean hinge loss} of binary model 0 on rows. */
  public double objective(double[] xs, int rows, int[] labels) {
    InputChecks.requireRows(xs, rows, dimension, "xs");
    InputChecks.requireLabels(labels, rows, numClasses);
    BinaryPegasos model = models[0];
    double normSq = 0;
    for (int j = 0; j < dimension; j++) {
      normSq += model.weight(j) * model.weight(j);
    }
    if (bias == Bias.AUGMENTED) {
      normSq += model.bias() * model.bias();
    }
    double loss = 0;
    for (int r = 0; r < rows; r++) {
      double f = model.bias();
      for (int j = 0; j < dimension; j++) {
        f += model.weight(j) * xs[r * dimension + j];
      }
      loss += Math.max(0, 1 - sign(0, labels[r]) * f);
    }
    return lambda / 2 * normSq + loss / rows;
  }

  @Override
  public int numClasses() {
    return numClasses;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public long samplesSeen() {
    return samplesSeen;
  }

  private String mergeSignature() {
    return "PegasosSvm{dimension=" + dimension + ", numClasses=" + numClasses + ", lambda="
        + lambda + ", stepOffset=" + stepOffset + ", projection=" + projection + ", averaging="
        + averaging + ", bias=" + bias + ", interceptRate=" + interceptRate + "}";
  }

  /**
   * Parameter averaging of models trained on disjoint data (Zinkevich et al. 2010): weights,
   * intercepts and Platt parameters averaged, weighted by examples learned; step counts (which set
   * the step size {@code 1/(lambda t)}) and, with averaging, the sums of iterates added. The
   * average of points inside the projection ball stays inside it.
   *
   * @throws IllegalArgumentException if a model differs in shape or settings
   */
  @Override
  public void mergeFrom(List<? extends PegasosSvm> others) {
    MergeChecks.requireCompatible(this, others, PegasosSvm::mergeSignature);
    List<PegasosSvm> all = new ArrayList<>();
    all.add(this);
    all.addAll(others);
    long total = 0;
    for (PegasosSvm m : all) {
      total += m.samplesSeen;
    }
    double[] shares = new double[all.size()];
    for (int r = 0; r < shares.length; r++) {
      shares[r] = total > 0 ? all.get(r).samplesSeen / (double) total : 1.0 / shares.length;
    }
    combine(toBuilder().build(), all, shares);
  }

  /**
   * The synchronous data-parallel step: this model is the base each replica was copied from; it
   * moves by the replicas' changes averaged by the examples each learned since the copy, and its
   * step count grows by all of their steps.
   *
   * @throws IllegalArgumentException if a replica is incompatible or has learned fewer examples
   */
  @Override
  public void addDeltas(List<? extends PegasosSvm> replicas) {
    MergeChecks.requireCompatible(this, replicas, PegasosSvm::mergeSignature);
    long total = MergeChecks.learnedSinceBase(samplesSeen, replicas);
    if (total == 0) {
      return;
    }
    double[] shares = new double[replicas.size()];
    for (int r = 0; r < shares.length; r++) {
      PegasosSvm replica = replicas.get(r);
      shares[r] = (replica.samplesSeen - samplesSeen) / (double) total;
    }
    combine(copy(), new ArrayList<>(replicas), shares);
  }

  private void combine(PegasosSvm base, List<PegasosSvm> replicas, double[] shares) {
    for (int m = 0; m < models.length; m++) {
      BinaryPegasos[] rows = new BinaryPegasos[replicas.size()];
      for (int r = 0; r < rows.length; r++) {
        rows[r] = replicas.get(r).models[m];
      }
      models[m].combine(base.models[m], rows, shares);
    }
    long steps = base.t;
    long samples = base.samplesSeen;
    for (PegasosSvm r : replicas) {
      steps += r.t - base.t;
      samples += r.samplesSeen - base.samplesSeen;
    }
    t = steps;
    samplesSeen = samples;
  }

  /** Pegasos steps taken (a batch counts one). */
  public long steps() {
    return t;
  }

  @Override
  public PegasosSvm copy() {
    PegasosSvm copy = toBuilder().build();
    for (int m = 0; m < models.length; m++) {
      copy.models[m] = models[m].copy();
    }
    copy.t = t;
    copy.samplesSeen = samplesSeen;
    return copy;
  }

  @Override
  public void reset() {
    for (BinaryPegasos model : models) {
      model.reset();
    }
    t = 0;
    samplesSeen = 0;
  }

  /** A builder preset with this model's configuration. */
  public Builder toBuilder() {
    return new Builder(dimension, numClasses).lambda(lambda).stepOffset(stepOffset)
        .projection(projection).averaging(averaging).bias(bias).interceptRate(interceptRate)
        .batchSize(batchSize);
  }

  @Override
  public String toString() {
    return "PegasosSvm{dimension=" + dimension + ", numClasses=" + numClasses + ", lambda="
        + lambda + ", stepOffset=" + stepOffset + ", projection=" + projection + ", averaging="
        + averaging + ", bias=" + bias + ", interceptRate=" + interceptRate + ", batchSize="
        + batchSize + ", samplesSeen=" + samplesSeen + "}";
  }

  /**
   * Fail-fast configuration of a {@link PegasosSvm}. Defaults: {@code lambda = 1e-4}, step offset
   * 0 and projection on (the paper's Algorithm 1), no averaging, {@link Bias#AUGMENTED}, intercept
   * rate 1.
   */
  public static final class Builder {
    private final int dimension;
    private final int numClasses;
    private double lambda = 1e-4;
    private double stepOffset = Double.NaN; // NaN: scikit-learn's offset for the lambda
    private double interceptRate = 1;
    private boolean projection;
    private boolean averaging;
    private Bias bias = Bias.UNREGULARIZED;
    private int batchSize = 1;

    private Builder(int dimension, int numClasses) {
      SizeLimits.dimension(dimension);
      SizeLimits.classes(numClasses);
      SizeLimits.cells("numClasses x dimension", numClasses, dimension);
      this.dimension = dimension;
      this.numClasses = numClasses;
    }

    /** Regularization strength {@code lambda > 0}. */
    public Builder lambda(double lambda) {
      if (!(lambda > 0) || Double.isInfinite(lambda)) {
        throw new IllegalArgumentException("lambda must be finite and > 0, got " + lambda);
      }
      this.lambda = lambda;
      return this;
    }

    /**
     * The step offset {@code t0 >= 0} of {@code eta_t = 1 / (lambda (t + t0))}: 0 is the paper's
     * rule. The default is scikit-learn's "optimal" schedule for the hinge loss, which starts at
     * {@code 1 / (lambda T)} with {@code T = 1 / (lambda sqrt(1 / sqrt(lambda)))} =
     * {@code lambda^(-3/4)}; since t counts from 1 here, its offset is {@code T - 1}: 999 at
     * {@code lambda = 1e-4}.
     */
    public Builder stepOffset(double stepOffset) {
      if (!(stepOffset >= 0) || Double.isInfinite(stepOffset)) {
        throw new IllegalArgumentException("stepOffset must be finite and >= 0, got " + stepOffset);
      }
      this.stepOffset = stepOffset;
      return this;
    }

    /**
     * The factor {@code 0 < rate <= 1} on the steps of the {@link Bias#UNREGULARIZED} intercept
     * (only with that bias; 1 elsewhere).
     */
    public Builder interceptRate(double interceptRate) {
      if (!(interceptRate > 0) || interceptRate > 1) {
        throw new IllegalArgumentException("interceptRate must be in (0, 1], got " + interceptRate);
      }
      this.interceptRate = interceptRate;
      return this;
    }

    /**
     * The paper's rule in full: step offset 0 (first step {@code 1 / lambda}), projection, and
     * the intercept as an augmented, regularized feature. The defaults are scikit-learn's
     * instead, which a model on raw, unscaled features can start with.
     */
    public Builder paperRule() {
      return stepOffset(0).projection(true).bias(Bias.AUGMENTED);
    }

    /**
     * Whether to project onto the ball of radius {@code 1 / sqrt(lambda)} after each step; default
     * false. On raw features the ball can be too small for the intercept a class needs: on raw
     * digits, one-vs-rest with projection answered one class for every row.
     */
    public Builder projection(boolean projection) {
      this.projection = projection;
      return this;
    }

    /** Whether predictions use the average of the iterates. */
    public Builder averaging(boolean averaging) {
      this.averaging = averaging;
      return this;
    }

    /** How the intercept is learned; default {@link Bias#UNREGULARIZED}, as scikit-learn's. */
    public Builder bias(Bias bias) {
      this.bias = Objects.requireNonNull(bias, "bias");
      return this;
    }

    /**
     * Rows per Pegasos step in {@link PegasosSvm#learnBatch} ({@code k} in the paper), 1 to
     * 2^20; default 1, each row its own step.
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1 || batchSize > 1 << 20) {
        throw new IllegalArgumentException("batchSize must be in 1..2^20, got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** A new, untrained model. */
    public PegasosSvm build() {
      if (interceptRate != 1 && bias != Bias.UNREGULARIZED) {
        throw new IllegalStateException("interceptRate " + interceptRate
            + " applies to Bias.UNREGULARIZED only; the bias is " + bias);
      }
      return new PegasosSvm(this);
    }
  }
}
