package org.brookml.preprocess;

import java.util.ArrayList;
import java.util.List;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/** The layout both pipeline codecs share: the stage count, each stage's snapshot, the learner's. */
final class PipelineCodecs {

  private PipelineCodecs() {}

  static void write(Pipeline<?> pipeline, SnapshotWriter out) {
    out.writeInt(pipeline.stages.length);
    for (Transformer stage : pipeline.stages) {
      out.writeModel(stage);
    }
    out.writeModel(pipeline.model);
  }

  static List<Transformer> readStages(SnapshotReader in) {
    int count = in.readInt("stage count", 1, Pipeline.MAX_STAGES);
    List<Transformer> stages = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      stages.add(in.readModel("stage " + i, Transformer.class));
    }
    return stages;
  }
}
