package org.brookml.examples.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.brookml.eval.Prequential;
import org.brookml.io.Snapshots;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.Probabilities;

/**
 * One Brook classifier per key, kept in Flink keyed state as snapshot bytes: each point is
 * predicted, then learned (test-then-train), and the new bytes written back, so Flink's checkpoints
 * hold every model and a restore resumes each one exactly. Every {@code snapshotEvery} points of a
 * key the model's snapshot goes to the {@link #SNAPSHOTS} side output; points the model refuses
 * (non-finite, wrong dimension, unknown label) go to {@link #REJECTED} with the reason, and the
 * key's model stays as it was.
 *
 * @param <M> the model type
 */
public final class KeyedLearner<M extends OnlineClassifier>
    extends KeyedProcessFunction<String, LabelledPoint, Prediction> {

  /** Side output of the periodic model snapshots. */
  public static final OutputTag<ModelSnapshot> SNAPSHOTS =
      new OutputTag<>("brook-snapshots", Types.POJO(ModelSnapshot.class));
  /** Side output of refused points, with the reason. */
  public static final OutputTag<String> REJECTED = new OutputTag<>("brook-rejected", Types.STRING);

  private final Class<M> type;
  private final ModelFactory<? extends M> factory;
  private final long snapshotEvery;
  private transient ValueState<byte[]> model;

  /**
   * @param type the model class
   * @param factory makes the model of a new key
   * @param snapshotEvery points of one key between two published snapshots
   */
  public KeyedLearner(Class<M> type, ModelFactory<? extends M> factory, long snapshotEvery) {
    this.type = type;
    this.factory = factory;
    this.snapshotEvery = snapshotEvery;
  }

  @Override
  public void open(OpenContext context) {
    model = getRuntimeContext().getState(new ValueStateDescriptor<>("brook-model",
        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
  }

  @Override
  public void processElement(LabelledPoint point, Context context, Collector<Prediction> out)
      throws Exception {
    byte[] stored = model.value();
    M m = stored == null ? factory.get() : Snapshots.read(stored, type);
    double[] proba;
    try {
      proba = m.predictProba(point.features, new double[m.numClasses()]);
      m.learn(point.features, point.label);
    } catch (IllegalArgumentException | NullPointerException e) {
      context.output(REJECTED, point + " # " + e.getMessage());
      return;
    }
    int predicted = Probabilities.argMax(proba);
    byte[] updated = Snapshots.write(m);
    model.update(updated);
    out.collect(new Prediction(point.key, point.index, point.label, predicted, proba[predicted]));
    if (m.samplesSeen() % snapshotEvery == 0) {
      context.output(SNAPSHOTS, new ModelSnapshot(point.key, m.samplesSeen(), updated));
    }
  }
}
