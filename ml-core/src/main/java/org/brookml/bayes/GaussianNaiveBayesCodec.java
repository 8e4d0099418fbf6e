package org.brookml.bayes;

import org.brookml.internal.io.GaussianCellsCodec;
import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.learner.SizeLimits;

/**
 * Writes and reads {@link GaussianNaiveBayes} snapshots. Found by the service loader (declared in
 * {@code module-info.java} and {@code META-INF/services}); use {@link org.brookml.io.Snapshots}
 * rather than this class.
 */
public final class GaussianNaiveBayesCodec extends BaseModelCodec<GaussianNaiveBayes> {

  /** The constructor the service loader calls. */
  public GaussianNaiveBayesCodec() {
    super("brook.bayes.GaussianNaiveBayes", GaussianNaiveBayes.class, 2);
  }

  @Override
  public void write(GaussianNaiveBayes m, SnapshotWriter out) {
    out.writeInt(m.dimension).writeInt(m.numClasses).writeDouble(m.varianceSmoothing())
        .writeLong(m.samplesSeen)
        .writeDoubles(m.classWeights);
    GaussianCellsCodec.write(m.gaussians, out);
  }

  @Override
  public GaussianNaiveBayes read(SnapshotReader in, int stateVersion) {
    int dimension = in.readInt("dimension", 1, SizeLimits.MAX_DIMENSION);
    int numClasses = in.readInt("numClasses", 2, SizeLimits.MAX_CLASSES);
    GaussianCellsCodec.requireReadable(in, numClasses, dimension);
    // Version 1 predates variance smoothing: it used the point-mass rule.
    double smoothing = stateVersion >= 2 ? in.readDouble("varianceSmoothing") : 0;
    GaussianNaiveBayes m =
        GaussianNaiveBayes.builder(dimension, numClasses).varianceSmoothing(smoothing).build();
    m.samplesSeen = in.readLong("samplesSeen", 0);
    double[] weights = in.readDoubles("class weights", numClasses, true);
    for (double w : weights) {
      if (w < 0) {
        throw in.error("class weights", "holds a negative weight " + w);
      }
    }
    System.arraycopy(weights, 0, m.classWeights, 0, numClasses);
    GaussianCellsCodec.read(in, m.gaussians);
    return m;
  }
}
