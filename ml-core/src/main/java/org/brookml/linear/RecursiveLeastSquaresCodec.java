package org.brookml.linear;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;

/**
 * Writes and reads {@link RecursiveLeastSquares} snapshots. Found by the service loader (declared in
 * {@code module-info.java} and {@code META-INF/services}); use {@link org.brookml.io.Snapshots}
 * rather than this class.
 */
public final class RecursiveLeastSquaresCodec extends BaseModelCodec<RecursiveLeastSquares> {

  /** The constructor the service loader calls. */
  public RecursiveLeastSquaresCodec() {
    super("brook.linear.RecursiveLeastSquares", RecursiveLeastSquares.class, 1);
  }

  @Override
  public void write(RecursiveLeastSquares m, SnapshotWriter out) {
    out.writeInt(m.dimension).writeDouble(m.lambda).writeDouble(m.delta)
        .writeLong(m.samplesSeen).writeDoubles(m.w).writeDoubles(m.p);
  }

  @Override
  public RecursiveLeastSquares read(SnapshotReader in, int stateVersion) {
    int dimension = in.readInt("dimension", 1, RecursiveLeastSquares.MAX_DIMENSION);
    long n = dimension + 1L;
    if (8 * n * n > in.remaining()) {
      throw in.error("dimension", dimension + " does not fit the snapshot");
    }
    RecursiveLeastSquares model = RecursiveLeastSquares.builder(dimension)
        .forgetting(in.readDouble("lambda")).delta(in.readDouble("delta")).build();
    model.samplesSeen = in.readLong("samples seen", 0);
    System.arraycopy(in.readDoubles("weights", dimension + 1, true), 0, model.w, 0,
        dimension + 1);
    System.arraycopy(in.readDoubles("P", (int) (n * n), true), 0, model.p, 0,
        (int) (n * n));
    return model;
  }
}
