package org.brookml.examples.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.brookml.io.Snapshots;
import org.brookml.learner.Mergeable;
import org.brookml.learner.OnlineClassifier;

/**
 * Data-parallel training, the merging side (run it with parallelism 1): keeps the latest snapshot
 * of each {@link ParallelLearner} instance and, on every new one, merges them with
 * {@link Mergeable#mergeFrom} (the learners trained on disjoint points, each from a fresh model)
 * and emits the merged model as {@code "merged"}.
 *
 * @param <M> the model type
 */
public final class ModelMerger<M extends OnlineClassifier & Mergeable<M>>
    extends ProcessFunction<ModelSnapshot, ModelSnapshot> implements CheckpointedFunction {

  private final Class<M> type;
  private transient Map<String, ModelSnapshot> latest;
  private transient ListState<ModelSnapshot> checkpointed;

  /** @param type the model class */
  public ModelMerger(Class<M> type) {
    this.type = type;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    checkpointed = context.getOperatorStateStore().getListState(
        new ListStateDescriptor<>("brook-latest-snapshots", Types.POJO(ModelSnapshot.class)));
    latest = new TreeMap<>();
    for (ModelSnapshot snapshot : checkpointed.get()) {
      latest.put(snapshot.key, snapshot);
    }
  }

  @Override
  public void processElement(ModelSnapshot snapshot, Context context,
      Collector<ModelSnapshot> out) {
    ModelSnapshot previous = latest.get(snapshot.key);
    if (previous != null && previous.samplesSeen >= snapshot.samplesSeen) {
      return; // a replay after recovery, or out of date
    }
    latest.put(snapshot.key, snapshot);
    List<M> models = new ArrayList<>();
    for (ModelSnapshot s : latest.values()) {
      models.add(Snapshots.read(s.bytes, type));
    }
    M merged = models.get(0);
    merged.mergeFrom(models.subList(1, models.size()));
    out.collect(new ModelSnapshot("merged", merged.samplesSeen(), Snapshots.write(merged)));
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    checkpointed.update(new ArrayList<>(latest.values()));
  }
}
