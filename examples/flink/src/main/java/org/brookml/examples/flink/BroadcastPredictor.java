package org.brookml.examples.flink;

import java.util.ArrayDeque;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.brookml.eval.Prequential;
import org.brookml.io.Snapshots;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.Probabilities;

/**
 * Data-parallel training, the serving side: the merged model arrives through broadcast state (every
 * parallel instance holds the same, newest one) and each point is predicted with it. Points that
 * arrive before an instance's first model wait in memory (up to {@code maxWaiting}; beyond that
 * the oldest go to the {@link #UNANSWERED} side output) and are answered when it comes; they are
 * not checkpointed.
 * The model is restored once per new snapshot, not per point.
 *
 * @param <M> the model type
 */
public final class BroadcastPredictor<M extends OnlineClassifier>
    extends BroadcastProcessFunction<LabelledPoint, ModelSnapshot, Prediction> {

  /** The broadcast state holding the newest merged snapshot under the key {@code "model"}. */
  public static final MapStateDescriptor<String, ModelSnapshot> MODEL = new MapStateDescriptor<>(
      "brook-broadcast-model", Types.STRING, Types.POJO(ModelSnapshot.class));

  private final Class<M> type;
  private final int maxWaiting;
  private transient ModelSnapshot cachedSnapshot;
  private transient M cachedModel;
  private transient ArrayDeque<LabelledPoint> waiting;

  /**
   * @param type the model class
   * @param maxWaiting points kept while no model has arrived yet
   */
  public BroadcastPredictor(Class<M> type, int maxWaiting) {
    this.type = type;
    this.maxWaiting = maxWaiting;
  }

  /** Side output of points given up on because too many waited for the first model. */
  public static final OutputTag<LabelledPoint> UNANSWERED =
      new OutputTag<>("brook-unanswered", Types.POJO(LabelledPoint.class));

  @Override
  public void processBroadcastElement(ModelSnapshot snapshot, Context context,
      Collector<Prediction> out) throws Exception {
    BroadcastState<String, ModelSnapshot> state = context.getBroadcastState(MODEL);
    ModelSnapshot current = state.get("model");
    if (current == null || current.samplesSeen < snapshot.samplesSeen) {
      state.put("model", snapshot);
    }
    if (waiting != null) {
      for (LabelledPoint point : waiting) {
        out.collect(predict(state.get("model"), point));
      }
      waiting = null;
    }
  }

  @Override
  public void processElement(LabelledPoint point, ReadOnlyContext context,
      Collector<Prediction> out) throws Exception {
    ReadOnlyBroadcastState<String, ModelSnapshot> state = context.getBroadcastState(MODEL);
    ModelSnapshot snapshot = state.get("model");
    if (snapshot == null) {
      if (waiting == null) {
        waiting = new ArrayDeque<>();
      }
      if (waiting.size() == maxWaiting) {
        context.output(UNANSWERED, waiting.removeFirst());
      }
      waiting.addLast(point);
      return;
    }
    out.collect(predict(snapshot, point));
  }

  private Prediction predict(ModelSnapshot snapshot, LabelledPoint point) {
    if (snapshot != cachedSnapshot) {
      cachedModel = Snapshots.read(snapshot.bytes, type);
      cachedSnapshot = snapshot;
    }
    double[] proba = cachedModel.predictProba(point.features,
        new double[cachedModel.numClasses()]);
    int predicted = Probabilities.argMax(proba);
    return new Prediction(point.key, point.index, point.label, predicted, proba[predicted]);
  }
}
