package org.brookml.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.brookml.io.BaseModelCodec;
import org.brookml.io.SnapshotReader;
import org.brookml.io.SnapshotWriter;
import org.brookml.io.Snapshots;
import org.brookml.learner.OnlineRegressor;
import org.brookml.vector.SparseVector;
import org.junit.jupiter.api.Test;

/** A snapshot that restores but gives a model that answers NaN is not swapped in. */
class ModelRegistryProbeTest {

  /** A regressor of the test's own that answers a constant, which its snapshot holds. */
  static final class ConstantRegressor implements OnlineRegressor {
    final double answer;

    ConstantRegressor(double answer) {
      this.answer = answer;
    }

    @Override public int dimension() { return 2; }
    @Override public long samplesSeen() { return 0; }
    @Override public ConstantRegressor copy() { return new ConstantRegressor(answer); }
    @Override public void reset() { }
    @Override public void learn(double[] x, double y, double weight) { }
    @Override public void learn(SparseVector x, double y, double weight) { }
    @Override public double predict(double[] x) { return answer; }
    @Override public double predict(SparseVector x) { return answer; }
  }

  /** Writes the constant as it is, NaN included (a hostile or broken writer). */
  public static final class ConstantRegressorCodec extends BaseModelCodec<ConstantRegressor> {
    public ConstantRegressorCodec() {
      super("test.ConstantRegressor", ConstantRegressor.class, 1);
    }

    @Override
    public void write(ConstantRegressor model, SnapshotWriter out) {
      out.writeDouble(model.answer);
    }

    @Override
    public ConstantRegressor read(SnapshotReader in, int stateVersion) {
      return new ConstantRegressor(in.readDouble("answer"));
    }
  }

  @Test
  void aModelThatAnswersNaN_isRejected_andTheServedModelStays() {
    Snapshots.register(new ConstantRegressorCodec());
    LiveModel<ConstantRegressor> live = LiveModel.of(new ConstantRegressor(1), 1, Long.MAX_VALUE);
    ModelRegistry<ConstantRegressor> registry =
        new ModelRegistry<>(live, ConstantRegressor.class, 2);
    long version = registry.load(Snapshots.write(new ConstantRegressor(2)));
    assertThatThrownBy(() -> registry.load(Snapshots.write(new ConstantRegressor(Double.NaN))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("answers a probe row of zeros with a non-finite value");
    assertThat(live.predictWithVersion(m -> m.predict(new double[2])))
        .isEqualTo(new LiveModel.Answer<>(version, 2.0));
  }
}
