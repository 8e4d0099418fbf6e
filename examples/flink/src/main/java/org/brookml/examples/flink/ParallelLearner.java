package org.brookml.examples.flink;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.brookml.io.Snapshots;
import org.brookml.learner.Mergeable;
import org.brookml.learner.OnlineClassifier;

/**
 * Data-parallel training, the learner side: each parallel instance trains its own model on the
 * points it receives (disjoint from the other instances') and every {@code publishEvery} points
 * emits the model's snapshot for {@link ModelMerger}. The model is checkpointed as operator state;
 * if a restore hands one instance several models (rescaling), they are merged into one.
 *
 * @param <M> the model type
 */
public final class ParallelLearner<M extends OnlineClassifier & Mergeable<M>>
    extends ProcessFunction<LabelledPoint, ModelSnapshot> implements CheckpointedFunction {

  private final Class<M> type;
  private final ModelFactory<? extends M> factory;
  private final long publishEvery;
  private transient M model;
  private transient ListState<byte[]> checkpointed;

  /**
   * @param type the model class
   * @param factory makes each instance's fresh model
   * @param publishEvery points between two snapshots of one instance
   */
  public ParallelLearner(Class<M> type, ModelFactory<? extends M> factory, long publishEvery) {
    this.type = type;
    this.factory = factory;
    this.publishEvery = publishEvery;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    checkpointed = context.getOperatorStateStore().getListState(new ListStateDescriptor<>(
        "brook-parallel-model", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    List<M> restored = new ArrayList<>();
    for (byte[] bytes : checkpointed.get()) {
      restored.add(Snapshots.read(bytes, type));
    }
    if (!restored.isEmpty()) {
      model = restored.get(0);
      model.mergeFrom(restored.subList(1, restored.size()));
    }
  }

  @Override
  public void open(OpenContext context) {
    if (model == null) {
      model = factory.get();
    }
  }

  @Override
  public void processElement(LabelledPoint point, Context context, Collector<ModelSnapshot> out) {
    model.learn(point.features, point.label);
    if (model.samplesSeen() % publishEvery == 0) {
      int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
      out.collect(new ModelSnapshot("learner-" + subtask, model.samplesSeen(),
          Snapshots.write(model)));
    }
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    checkpointed.update(List.of(Snapshots.write(model)));
  }
}
