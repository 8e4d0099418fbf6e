package org.brookml.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.OnlineLearner;
import org.brookml.learner.OnlineRegressor;

/**
 * Transformers in front of a learner, itself a learner ({@link ClassifierPipeline} or
 * {@link RegressorPipeline}) that snapshots as one unit: River's {@code Scaler() | Model()}.
 *
 * <p>Learning passes the row through each stage, which learns from it and transforms it with the
 * statistics that include it (River's order), and trains the learner on the result. It is atomic:
 * every stage prepares its new state without showing it (see {@link Transformer}), the learner
 * learns, and only then do the stages commit, so a row, label or weight that any part refuses
 * leaves every part exactly as it was. Prediction transforms with the current statistics. Rows are
 * dense: stages such as centring would make sparse rows dense, so sparse input is refused.
 *
 * <p>The pipeline owns its stages and learner from construction on. Not thread-safe; learning and
 * prediction allocate nothing.
 *
 * @param <M> the learner type
 */
public abstract class Pipeline<M extends OnlineLearner> implements OnlineLearner {

  /** Most stages a pipeline may have (a snapshot declaring more is refused). */
  public static final int MAX_STAGES = 64;

  final Transformer[] stages;
  final M model;
  private final double[][] buffers;

  Pipeline(List<? extends Transformer> stages, M model) {
    Objects.requireNonNull(stages, "stages");
    this.model = Objects.requireNonNull(model, "model");
    if (stages.isEmpty() || stages.size() > MAX_STAGES) {
      throw new IllegalArgumentException(
          "a pipeline needs 1 to " + MAX_STAGES + " stages, got " + stages.size());
    }
    this.stages = stages.toArray(new Transformer[0]);
    this.buffers = new double[this.stages.length][];
    for (int i = 0; i < this.stages.length; i++) {
      Transformer stage = Objects.requireNonNull(this.stages[i], "stage " + i);
      int expected = i + 1 < this.stages.length ? this.stages[i + 1].dimension() : model.dimension();
      if (stage.outputDimension() != expected) {
        throw new IllegalArgumentException("stage " + i + " (" + stage + ") puts out "
            + stage.outputDimension() + " values but " + (i + 1 < this.stages.length
                ? "stage " + (i + 1) + " takes " : "the learner takes ") + expected);
      }
      buffers[i] = new double[stage.outputDimension()];
    }
  }

  /** A classifier behind one transformer. */
  public static ClassifierPipeline of(Transformer stage, OnlineClassifier model) {
    return new ClassifierPipeline(List.of(stage), model);
  }

  /** A classifier behind two transformers, {@code first} applied first. */
  public static ClassifierPipeline of(Transformer first, Transformer second,
      OnlineClassifier model) {
    return new ClassifierPipeline(List.of(first, second), model);
  }

  /** A classifier behind transformers applied in list order. */
  public static ClassifierPipeline of(List<? extends Transformer> stages, OnlineClassifier model) {
    return new ClassifierPipeline(List.copyOf(stages), model);
  }

  /** A regressor behind one transformer. */
  public static RegressorPipeline of(Transformer stage, OnlineRegressor model) {
    return new RegressorPipeline(List.of(stage), model);
  }

  /** A regressor behind two transformers, {@code first} applied first. */
  public static RegressorPipeline of(Transformer first, Transformer second,
      OnlineRegressor model) {
    return new RegressorPipeline(List.of(first, second), model);
  }

  /** A regressor behind transformers applied in list order. */
  public static RegressorPipeline of(List<? extends Transformer> stages, OnlineRegressor model) {
    return new RegressorPipeline(List.copyOf(stages), model);
  }

  /** The stages, in order (the pipeline's own instances). */
  public List<Transformer> stages() {
    return List.of(stages);
  }

  /** The learner behind the stages. */
  public M model() {
    return model;
  }

  /** Features of an input row: the first stage's dimension. */
  @Override
  public int dimension() {
    return stages[0].dimension();
  }

  /** The first stage's policy: each stage hands the next what it can take. */
  @Override
  public boolean acceptsMissingValues() {
    return stages[0].acceptsMissingValues();
  }

  /** Checks the row as the first stage would. */
  @Override
  public void requireRow(double[] x) {
    stages[0].requireRow(x);
  }

  /** Examples the learner has learned. */
  @Override
  public long samplesSeen() {
    return model.samplesSeen();
  }

  @Override
  public void reset() {
    for (Transformer stage : stages) {
      stage.reset();
    }
    model.reset();
  }

  /** Every stage prepares learning {@code x} (nothing visible changes); the learner's input. */
  final double[] prepare(double[] x) {
    double[] z = x;
    for (int i = 0; i < stages.length; i++) {
      z = stages[i].prepare(z, buffers[i]);
    }
    return z;
  }

  /** Every stage makes its prepared state current: after the learner accepted the example. */
  final void commit() {
    for (Transformer stage : stages) {
      stage.commit();
    }
  }

  /** {@code x} through every stage with the current statistics. */
  final double[] transform(double[] x) {
    double[] z = x;
    for (int i = 0; i < stages.length; i++) {
      z = stages[i].transform(z, buffers[i]);
    }
    return z;
  }

  /** Copies of the stages, for {@code copy()}. */
  final List<Transformer> copyStages() {
    List<Transformer> copies = new ArrayList<>(stages.length);
    for (Transformer stage : stages) {
      copies.add(stage.copy());
    }
    return copies;
  }

  static UnsupportedOperationException sparseUnsupported() {
    return new UnsupportedOperationException("a pipeline's stages transform dense rows; "
        + "sparse input would be made dense (learn the sparse row with the model directly)");
  }

  final String describe() {
    return "{stages=" + List.of(stages) + ", model=" + model + "}";
  }
}
