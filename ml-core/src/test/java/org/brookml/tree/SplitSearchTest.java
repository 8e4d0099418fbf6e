package org.brookml.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.brookml.internal.stats.ClassGaussians;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SplitSearch}: a leaf's numeric split search scores only the classes it has seen. */
class SplitSearchTest {

  /**
   * A leaf of a 12-class tree that has seen classes 2, 7 and 11 scores every feature with the same
   * bits as a 3-class leaf with the same examples: the classes without weight are left out, and
   * leaving them out changes no sum. Also with a missing value, and with Gini.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void unseenClasses_changeNoMerit(boolean gini) {
    int dimension = 9;
    int[] seen = {2, 7, 11};
    ClassGaussians wide = new ClassGaussians(12, dimension, 0, false);
    ClassGaussians narrow = new ClassGaussians(3, dimension, 0, false);
    SplittableRandom rnd = new SplittableRandom(31);
    for (int i = 0; i < 400; i++) {
      int k = rnd.nextInt(3);
      double[] x = new double[dimension];
      for (int j = 0; j < dimension; j++) {
        x[j] = rnd.nextGaussian() + k * (j % 3) * 0.4;
      }
      double w = 1 + rnd.nextInt(4);
      if (i % 50 == 0) {
        x[4] = Double.NaN;
        wide.addPresent(seen[k], x, w);
        narrow.addPresent(k, x, w);
      } else {
        wide.add(seen[k], x, w);
        narrow.add(k, x, w);
      }
    }
    SplitSearch wideSearch = new SplitSearch(dimension, 12, 10, gini, 0.01);
    SplitSearch narrowSearch = new SplitSearch(dimension, 3, 10, gini, 0.01);
    wideSearch.run(wide, 1.2, Double.NEGATIVE_INFINITY, null);
    narrowSearch.run(narrow, 1.2, Double.NEGATIVE_INFINITY, null);
    for (int j = 0; j < dimension; j++) {
      assertThat(wideSearch.merit(j, null)).as("feature %d", j)
          .isEqualTo(narrowSearch.merit(j, null)).isFinite();
    }
    assertThat(wideSearch.bestAttribute).isEqualTo(narrowSearch.bestAttribute);
    assertThat(wideSearch.bestThreshold).isEqualTo(narrowSearch.bestThreshold);
    assertThat(wideSearch.secondBest).isEqualTo(narrowSearch.secondBest);

    double[] wideLeft = new double[12];
    double[] wideRight = new double[12];
    double[] narrowLeft = new double[3];
    double[] narrowRight = new double[3];
    wideSearch.sideWeights(wide, wideSearch.bestAttribute, wideSearch.bestThreshold, wideLeft,
        wideRight);
    narrowSearch.sideWeights(narrow, narrowSearch.bestAttribute, narrowSearch.bestThreshold,
        narrowLeft, narrowRight);
    for (int c = 0; c < 12; c++) {
      int k = c == 2 ? 0 : c == 7 ? 1 : c == 11 ? 2 : -1;
      assertThat(wideLeft[c]).as("left, class %d", c).isEqualTo(k < 0 ? 0 : narrowLeft[k]);
      assertThat(wideRight[c]).as("right, class %d", c).isEqualTo(k < 0 ? 0 : narrowRight[k]);
    }
    assertThat(narrowLeft[0] + narrowLeft[1] + narrowLeft[2]).isPositive();
    assertThat(narrowRight[0] + narrowRight[1] + narrowRight[2]).isPositive();
  }
}
