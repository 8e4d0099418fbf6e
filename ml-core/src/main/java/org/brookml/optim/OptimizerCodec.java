package org.brookml.optim;

import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/**
 * Writes and reads an {@link Optimizer}'s configuration inside a model's snapshot (kind, settings,
 * and the schedule of plain SGD), for model codecs.
 */
public final class OptimizerCodec {

  private OptimizerCodec() {}

  /** Writes the optimizer's configuration. */
  public static void write(Optimizer optimizer, SnapshotWriter out) {
    out.writeByte(optimizer.kind().ordinal());
    double[] settings = optimizer.settings();
    out.writeDoubles(settings);
    LearningRate rate = optimizer.learningRate();
    if (rate != null) {
      out.writeByte(rate.kind().ordinal()).writeDouble(rate.eta0()).writeDouble(rate.power())
          .writeDouble(rate.alpha());
    }
  }

  /** Reads a configuration that {@link #write} wrote, validating every setting. */
  public static Optimizer read(SnapshotReader in) {
    Optimizer.Kind[] kinds = Optimizer.Kind.values();
    Optimizer.Kind kind = kinds[in.readByte("optimizer", kinds.length)];
    int count = kind == Optimizer.Kind.ADAGRAD ? 2 : 4;
    double[] settings = in.readDoubles("optimizer settings", count, true);
    LearningRate rate = null;
    if (kind == Optimizer.Kind.SGD) {
      LearningRate.Kind[] rateKinds = LearningRate.Kind.values();
      LearningRate.Kind rateKind = rateKinds[in.readByte("learning rate", rateKinds.length)];
      rate = LearningRate.of(rateKind, in.readFiniteDouble("eta0"), in.readFiniteDouble("power"),
          in.readFiniteDouble("alpha"));
    }
    return Optimizer.of(kind, settings, rate);
  }
}
