package org.brookml.svm;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.SizeLimits;

/**
 * Writes and reads {@link PegasosSvm} snapshots. Found by the service loader (declared in
 * {@code module-info.java} and {@code META-INF/services}); use {@link org.brookml.io.Snapshots}
 * rather than this class.
 */
public final class PegasosSvmCodec extends BaseModelCodec<PegasosSvm> {

  /** The constructor the service loader calls. */
  public PegasosSvmCodec() {
    super("brook.svm.PegasosSvm", PegasosSvm.class, 3);
  }

  @Override
  public void write(PegasosSvm m, SnapshotWriter out) {
    out.writeInt(m.dimension).writeInt(m.numClasses).writeDouble(m.lambda)
        .writeBoolean(m.projection).writeBoolean(m.averaging).writeByte(m.bias.ordinal())
        .writeDouble(m.stepOffset).writeDouble(m.interceptRate).writeInt(m.batchSize)
        .writeLong(m.t).writeLong(m.samplesSeen);
    for (BinaryPegasos model : m.models) {
      model.write(out);
    }
  }

  @Override
  public PegasosSvm read(SnapshotReader in, int stateVersion) {
    int dimension = in.readInt("dimension", 1, SizeLimits.MAX_DIMENSION);
    int numClasses = in.readInt("numClasses", 2, SizeLimits.MAX_CLASSES);
    if (8L * dimension * (numClasses == 2 ? 1 : numClasses) > in.remaining()) {
      throw in.error("dimension x classes", "does not fit the snapshot");
    }
    PegasosSvm.Builder builder = PegasosSvm.builder(dimension, numClasses)
        .lambda(in.readDouble("lambda")).projection(in.readBoolean("projection"))
        .averaging(in.readBoolean("averaging"))
        .bias(PegasosSvm.Bias.values()[in.readByte("bias", PegasosSvm.Bias.values().length)]);
    // Version 1 had neither setting: offset 0 (the default then) and rate 1.
    builder.stepOffset(stateVersion >= 2 ? in.readDouble("step offset") : 0);
    if (stateVersion >= 2) {
      builder.interceptRate(in.readDouble("intercept rate"));
    }
    if (stateVersion >= 3) { // versions 1 and 2 stepped once per learnBatch call
      builder.batchSize(in.readInt("batch size", 1, 1 << 20));
    }
    PegasosSvm model = builder.build();
    model.t = in.readLong("steps", 0);
    model.samplesSeen = in.readLong("samples seen", 0);
    for (BinaryPegasos binary : model.models) {
      binary.read(in);
    }
    return model;
  }
}
