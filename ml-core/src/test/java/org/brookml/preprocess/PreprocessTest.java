package org.brookml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.brookml.vector.SparseVector;
import org.junit.jupiter.api.Test;

class PreprocessTest {

  private static int murmur(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    return FeatureHasher.murmur3(bytes, bytes.length, 0);
  }

  /** Values from scikit-learn 1.2.1's {@code murmurhash3_32(s, seed=0)}. */
  @Test
  void murmur3_matchesScikitLearn() {
    assertThat(murmur("")).isZero();
    assertThat(murmur("hello")).isEqualTo(613153351);
    assertThat(murmur("Brook")).isEqualTo(-1566252946);
    assertThat(murmur("user=42")).isEqualTo(-392716498);
    assertThat(murmur("naïve")).isEqualTo(992511445);
    assertThat(murmur("a".repeat(33))).isEqualTo(-1021643003);
  }

  /**
   * scikit-learn: {@code FeatureHasher(n_features=16).transform([{'user': '42', 'colour': 2.5,
   * 'hello': -1.0}])} gives 2.5 at slot 1, -1 at slot 2 and -1 at slot 7.
   */
  @Test
  void hasher_fillsTheSameSlotsAsScikitLearn() {
    FeatureHasher hasher = new FeatureHasher(4, true);
    SparseVector v = new SparseVector();
    hasher.add(v, "user", "42");
    hasher.add(v, "colour", 2.5);
    hasher.add(v, "hello", -1.0);
    double[] dense = v.toDense(new double[hasher.dimension()]);
    double[] expected = new double[16];
    expected[1] = 2.5;
    expected[2] = -1;
    expected[7] = -1;
    assertThat(dense).containsExactly(expected);
    assertThatThrownBy(() -> new FeatureHasher(31, true)).hasMessageContaining("bits");
  }

  @Test
  void scaler_matchesTwoPassMeanAndVariance() {
    SplittableRandom random = new SplittableRandom(1);
    int n = 10_000;
    double[][] rows = new double[n][3];
    StandardScaler scaler = new StandardScaler(3);
    for (double[] row : rows) {
      row[0] = 1e6 + random.nextGaussian(); // large offset: a naive sum-of-squares would lose it
      row[1] = 5 * random.nextGaussian();
      row[2] = 7; // constant: only centred
      scaler.learn(row);
    }
    for (int j = 0; j < 3; j++) {
      double mean = 0;
      for (double[] row : rows) {
        mean += row[j];
      }
      mean /= n;
      double variance = 0;
      for (double[] row : rows) {
        variance += (row[j] - mean) * (row[j] - mean);
      }
      variance /= n;
      assertThat(scaler.mean(j)).isCloseTo(mean, within(1e-9 * (1 + Math.abs(mean))));
      assertThat(scaler.variance(j)).isCloseTo(variance, within(1e-9 * (1 + variance)));
    }
    double[] out = scaler.transform(new double[] {scaler.mean(0) + 2 * Math.sqrt(scaler.variance(0)),
        0, 8}, new double[3]);
    assertThat(out[0]).isCloseTo(2, within(1e-6));
    assertThat(out[2]).isCloseTo(1, within(1e-12));
    assertThatThrownBy(() -> scaler.learn(new double[] {1, Double.NaN, 0}))
        .hasMessageContaining("not finite");
    assertThat(scaler.samplesSeen()).isEqualTo(n);
  }
}
