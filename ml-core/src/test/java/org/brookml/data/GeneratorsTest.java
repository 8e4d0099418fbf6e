package org.brookml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.brookml.learner.DenseExampleStream;
import org.junit.jupiter.api.Test;

/**
 * Each generator against its definition, written out here independently of the generator's own
 * code: the concept function on every example, the rates noise should give, class shares, and
 * same seed, same stream. (Stream-for-stream equality with MOA's generators is checked in
 * {@code ml-bench}'s {@code GeneratorComparison}.)
 */
class GeneratorsTest {

  private static final int N = 20_000;

  @Test
  void sea_everyLabelFollowsTheThresholdRule_andNoiseFlipsItsPercentage() {
    double[] thresholds = {8, 9, 7, 9.5}; // Street & Kim, section 4.1
    for (int concept = 1; concept <= 4; concept++) {
      Sea clean = Sea.builder().concept(concept).noisePercent(0).seed(concept).build();
      Sea noisy = Sea.builder().concept(concept).seed(concept).build();
      int flipped = 0;
      for (int i = 0; i < N; i++) {
        clean.next();
        double[] x = clean.features();
        for (double v : x) {
          assertThat(v).isBetween(0.0, 10.0);
        }
        assertThat(clean.target()).isEqualTo(x[0] + x[1] <= thresholds[concept - 1] ? 0 : 1);
        noisy.next();
        double[] y = noisy.features();
        flipped += noisy.target() != (y[0] + y[1] <= thresholds[concept - 1] ? 0 : 1) ? 1 : 0;
      }
      assertThat(flipped / (double) N).isCloseTo(0.10, within(0.01));
    }
  }

  @Test
  void balancedGenerators_alternateTheirClasses() {
    List<Generator> balanced = List.of(Sea.builder().balance(true).build(),
        Stagger.builder().balance(true).build(), Sine.builder().balance(true).build(),
        Mixed.builder().balance(true).build(), Agrawal.builder().balance(true).build());
    for (Generator g : balanced) {
      for (int i = 0; i < 1_000; i++) {
        g.next();
        // noise (SEA's 10%) acts after balancing; the others have none
        if (!(g instanceof Sea)) {
          assertThat(g.target()).as("%s example %d", g.position(), i).isEqualTo(i % 2 == 0 ? 1 : 0);
        }
      }
    }
  }

  @Test
  void stagger_followsSchlimmerAndGrangersConcepts_onNamedValues() {
    for (int concept = 1; concept <= 3; concept++) {
      Stagger g = Stagger.builder().concept(concept).seed(7).build();
      for (int i = 0; i < N; i++) {
        g.next();
        String size = g.schema().feature(0).values().get((int) g.features()[0]);
        String color = g.schema().feature(1).values().get((int) g.features()[1]);
        String shape = g.schema().feature(2).values().get((int) g.features()[2]);
        boolean positive = concept == 1 ? size.equals("small") && color.equals("red")
            : concept == 2 ? color.equals("green") || shape.equals("circle")
            : size.equals("medium") || size.equals("large");
        assertThat(g.target()).isEqualTo(positive ? 1 : 0);
      }
    }
    assertThat(Stagger.builder().build().schema().isNominal(2)).isTrue();
  }

  @Test
  void hyperplane_labelsBySideOfTheCurrentPlane_andDriftMovesTheWeights() {
    Hyperplane g = Hyperplane.builder().noisePercent(0).magnitude(0.001).seed(3).build();
    double[] start = g.weights();
    int ones = 0;
    for (int i = 0; i < N; i++) {
      double[] w = g.weights(); // the plane this example is labelled by
      g.next();
      double dot = 0;
      double sum = 0;
      for (int j = 0; j < w.length; j++) {
        dot += w[j] * g.features()[j];
        sum += w[j];
      }
      assertThat(g.target()).isEqualTo(dot >= sum / 2 ? 1 : 0);
      ones += (int) g.target();
    }
    assertThat(ones / (double) N).isCloseTo(0.5, within(0.03));
    double[] end = g.weights();
    assertThat(end[0]).isNotEqualTo(start[0]); // the two drifting weights moved
    assertThat(end[1]).isNotEqualTo(start[1]);
    assertThat(end[2]).isEqualTo(start[2]); // the others did not
  }

  @Test
  void sineAndMixed_followGamaEtAlsConcepts() {
    for (int concept = 1; concept <= 4; concept++) {
      Sine g = Sine.builder().concept(concept).build();
      for (int i = 0; i < N; i++) {
        g.next();
        double x = g.features()[0];
        double y = g.features()[1];
        boolean below = concept <= 2 ? y < Math.sin(x) : y < 0.5 + 0.3 * Math.sin(3 * Math.PI * x);
        boolean reversed = concept % 2 == 0;
        assertThat(g.target()).isEqualTo(below != reversed ? 0 : 1);
        assertThat(g.dimension()).isEqualTo(4);
      }
    }
    for (int concept = 1; concept <= 2; concept++) {
      Mixed g = Mixed.builder().concept(concept).build();
      for (int i = 0; i < N; i++) {
        g.next();
        double[] r = g.features();
        boolean z = r[3] < 0.5 + 0.3 * Math.sin(3 * Math.PI * r[2]);
        int held = (r[0] == 1 ? 1 : 0) + (r[1] == 1 ? 1 : 0) + (z ? 1 : 0);
        int positive = concept == 1 ? 0 : 1;
        assertThat(g.target()).isEqualTo(held >= 2 ? positive : 1 - positive);
      }
    }
  }

  /** Agrawal's ten functions, transcribed from the paper's definitions (group A = 0). */
  private static int agrawal(int f, double salary, double commission, double age, int elevel,
      double hvalue, double hyears, double loan) {
    double total = salary + commission;
    boolean a;
    if (f == 1) {
      a = age < 40 || age >= 60;
    } else if (f == 2) {
      a = age < 40 ? salary >= 50000 && salary <= 100000
          : age < 60 ? salary >= 75000 && salary <= 125000 : salary >= 25000 && salary <= 75000;
    } else if (f == 3) {
      a = age < 40 ? elevel == 0 || elevel == 1
          : age < 60 ? elevel >= 1 && elevel <= 3 : elevel >= 2 && elevel <= 4;
    } else if (f == 4) {
      if (age < 40) {
        a = elevel <= 1 ? salary >= 25000 && salary <= 75000 : salary >= 50000 && salary <= 100000;
      } else if (age < 60) {
        a = elevel >= 1 && elevel <= 3 ? salary >= 50000 && salary <= 100000
            : salary >= 75000 && salary <= 125000;
      } else {
        a = elevel >= 2 ? salary >= 50000 && salary <= 100000 : salary >= 25000 && salary <= 75000;
      }
    } else if (f == 5) {
      if (age < 40) {
        a = salary >= 50000 && salary <= 100000 ? loan >= 100000 && loan <= 300000
            : loan >= 200000 && loan <= 400000;
      } else if (age < 60) {
        a = salary >= 75000 && salary <= 125000 ? loan >= 200000 && loan <= 400000
            : loan >= 300000 && loan <= 500000;
      } else {
        a = salary >= 25000 && salary <= 75000 ? loan >= 300000 && loan <= 500000
            : loan >= 100000 && loan <= 300000;
      }
    } else if (f == 6) {
      a = age < 40 ? total >= 50000 && total <= 100000
          : age < 60 ? total >= 75000 && total <= 125000 : total >= 25000 && total <= 75000;
    } else if (f == 7) {
      a = 2.0 * total / 3.0 - loan / 5.0 - 20000 > 0;
    } else if (f == 8) {
      a = 2.0 * total / 3.0 - 5000.0 * elevel - 20000 > 0;
    } else if (f == 9) {
      a = 2.0 * total / 3.0 - 5000.0 * elevel - loan / 5.0 - 10000 > 0;
    } else {
      double equity = hyears >= 20 ? 0.1 * hvalue * (hyears - 20) : 0;
      a = 2.0 * total / 3.0 - 5000.0 * elevel + equity / 5.0 - 10000 > 0;
    }
    return a ? 0 : 1;
  }

  @Test
  void agrawal_everyFunctionMatchesThePapersDefinition_onEveryExample() {
    for (int f = 1; f <= 10; f++) {
      Agrawal g = Agrawal.builder().function(f).perturbation(0).seed(f).build();
      int groupA = 0;
      for (int i = 0; i < N; i++) {
        g.next();
        double[] r = g.features();
        assertThat(g.target()).as("function %d, example %d", f, i)
            .isEqualTo(agrawal(f, r[0], r[1], r[2], (int) r[3], r[6], r[7], r[8]));
        groupA += g.target() == 0 ? 1 : 0;
      }
      // Function 10 puts nearly every example in group A (so does MOA's): both groups, at least.
      assertThat(groupA).as("function %d has both groups", f).isBetween(10, N - 10);
    }
    // Boundaries, where a misplaced band would show: every function on a grid of ages and values.
    SplittableRandom random = new SplittableRandom(1);
    double[] row = new double[9];
    for (int i = 0; i < 200_000; i++) {
      row[0] = 25000 * random.nextInt(7);
      row[1] = random.nextBoolean() ? 0 : 25000 * random.nextInt(4);
      row[2] = 20 + 20 * random.nextInt(4) - random.nextInt(2);
      row[3] = random.nextInt(5);
      row[6] = 100000 * random.nextInt(10);
      row[7] = 1 + random.nextInt(30);
      row[8] = 100000 * random.nextInt(6);
      for (int f = 1; f <= 10; f++) {
        assertThat(Agrawal.function(f, row)).as("function %d on %s", f,
            java.util.Arrays.toString(row))
            .isEqualTo(agrawal(f, row[0], row[1], row[2], (int) row[3], row[6], row[7], row[8]));
      }
    }
  }

  @Test
  void agrawal_perturbationKeepsValuesInTheirRanges() {
    Agrawal g = Agrawal.builder().perturbation(0.2).build();
    for (int i = 0; i < N; i++) {
      g.next();
      double[] r = g.features();
      assertThat(r[0]).isBetween(20000.0, 150000.0);
      assertThat(r[2]).isBetween(20.0, 80.0);
      assertThat(r[7]).isBetween(1.0, 30.0);
      assertThat(r[8]).isBetween(0.0, 500000.0);
    }
    assertThat(g.schema().numValues(4)).isEqualTo(20);
  }

  @Test
  void led_segmentsShowTheDigit_noiseInvertsItsPercentage_andDriftMovesThem() {
    // Segments top, upper left, upper right, middle, lower left, lower right, bottom.
    String[] digits = {"1110111", "0010010", "1011101", "1011011", "0111010", "1101011",
        "1101111", "1010010", "1111111", "1111011"};
    Led clean = Led.builder().noisePercent(0).build();
    Led noisy = Led.builder().seed(9).build();
    Led drifted = Led.builder().noisePercent(0).driftingFeatures(3).seed(4).build();
    int inverted = 0;
    for (int i = 0; i < N; i++) {
      clean.next();
      noisy.next();
      drifted.next();
      String shown = digits[(int) clean.target()];
      for (int s = 0; s < 7; s++) {
        assertThat(clean.features()[s]).isEqualTo(shown.charAt(s) - '0');
        inverted += noisy.features()[s] != digits[(int) noisy.target()].charAt(s) - '0' ? 1 : 0;
        int at = s < 3 ? 7 + s : s; // segment s < 3 swapped with irrelevant feature 7 + s
        assertThat(drifted.features()[at])
            .isEqualTo(digits[(int) drifted.target()].charAt(s) - '0');
      }
    }
    assertThat(inverted / (7.0 * N)).isCloseTo(0.10, within(0.005));
    assertThat(clean.dimension()).isEqualTo(24);
  }

  @Test
  void waveform_classMeansFollowTheMixedBaseWaves() {
    Waveform g = Waveform.builder().build();
    double[][] sums = new double[3][21];
    int[] counts = new int[3];
    for (int i = 0; i < 60_000; i++) {
      g.next();
      int c = (int) g.target();
      counts[c]++;
      for (int j = 0; j < 21; j++) {
        sums[c][j] += g.features()[j];
      }
    }
    // Breiman's h1 peaks at 7, h2 at 15, h3 at 11 (1-based): class 0 mixes h1 and h2 equally.
    double[][] expected = new double[3][21];
    int[][] mixes = {{7, 15}, {7, 11}, {15, 11}};
    for (int c = 0; c < 3; c++) {
      for (int j = 0; j < 21; j++) {
        int i = j + 1;
        expected[c][j] = 0.5 * Math.max(6 - Math.abs(i - mixes[c][0]), 0)
            + 0.5 * Math.max(6 - Math.abs(i - mixes[c][1]), 0);
        assertThat(sums[c][j] / counts[c]).isCloseTo(expected[c][j], within(0.06));
      }
      assertThat(counts[c] / 60_000.0).isCloseTo(1 / 3.0, within(0.01));
    }
    assertThat(Waveform.builder().noiseFeatures(true).build().dimension()).isEqualTo(40);
  }

  @Test
  void randomRbf_classSharesFollowTheCentroidWeights_andDriftMovesCentres() {
    RandomRbf g = RandomRbf.builder().classes(3).centroids(5).seed(2).modelSeed(3).build();
    RandomRbf twin = RandomRbf.builder().classes(3).centroids(5).seed(2).modelSeed(3).build();
    int[] counts = new int[3];
    for (int i = 0; i < 100_000; i++) {
      g.next();
      counts[(int) g.target()]++;
    }
    // The class shares are the centroid weights' shares: read them back from a long run of the
    // twin's labels is circular, so compare with the centroids' own classes and a second stream.
    RandomRbf other = RandomRbf.builder().classes(3).centroids(5).seed(99).modelSeed(3).build();
    int[] otherCounts = new int[3];
    for (int i = 0; i < 100_000; i++) {
      other.next();
      otherCounts[(int) other.target()]++;
    }
    for (int c = 0; c < 3; c++) {
      assertThat(Math.abs(counts[c] - otherCounts[c]) / 100_000.0).isLessThan(0.01);
    }
    RandomRbf moving = RandomRbf.builder().speed(0.01).driftingCentroids(1).build();
    double[] before = moving.centre(0);
    double[] still = moving.centre(1);
    moving.next();
    assertThat(moving.centre(0)).isNotEqualTo(before);
    assertThat(moving.centre(1)).isEqualTo(still);
    for (int i = 0; i < 10_000; i++) {
      moving.next();
      for (double v : moving.centre(0)) {
        assertThat(v).isBetween(0.0, 1.0);
      }
    }
    assertThat(twin.label(0)).isBetween(0, 2);
  }

  @Test
  void randomTree_labelsAreAFunctionOfTheFeatures_andDepthZeroIsOneLeaf() {
    // Nominal features only: 3 features of 3 values, 27 rows, each always with one label.
    RandomTree g = RandomTree.builder().nominalFeatures(3).numericFeatures(0)
        .valuesPerNominal(3).classes(3).firstLeafLevel(1).leafFraction(0.2).treeSeed(5).build();
    int[] labelOf = new int[27];
    java.util.Arrays.fill(labelOf, -1);
    for (int i = 0; i < N; i++) {
      g.next();
      double[] x = g.features();
      int row = (int) (x[0] * 9 + x[1] * 3 + x[2]);
      if (labelOf[row] < 0) {
        labelOf[row] = (int) g.target();
      }
      assertThat(g.target()).isEqualTo(labelOf[row]);
    }
    assertThat(labelOf).doesNotContain(-1);
    assertThat(g.schema().isNominal(2)).isTrue();
    assertThat(g.nodeCount()).isGreaterThan(1);
    RandomTree leaf = RandomTree.builder().maxDepth(0).build();
    leaf.next();
    double only = leaf.target();
    for (int i = 0; i < 1_000; i++) {
      leaf.next();
      assertThat(leaf.target()).isEqualTo(only);
      for (int j = 5; j < 10; j++) {
        assertThat(leaf.features()[j]).isBetween(0.0, 1.0);
      }
    }
    assertThatThrownBy(() -> RandomTree.builder().valuesPerNominal(1024).nominalFeatures(10)
        .maxDepth(30).firstLeafLevel(30).build()).hasMessageContaining("nodes");
  }

  @Test
  void friedman_targetIsTheFunctionPlusGaussianNoise() {
    Friedman clean = Friedman.builder().noise(0).build();
    Friedman noisy = Friedman.builder().seed(5).build();
    double sumSq = 0;
    for (int i = 0; i < N; i++) {
      clean.next();
      double[] x = clean.features();
      double y = 10 * Math.sin(Math.PI * x[0] * x[1]) + 20 * Math.pow(x[2] - 0.5, 2) + 10 * x[3]
          + 5 * x[4];
      assertThat(clean.target()).isCloseTo(y, within(1e-12));
      noisy.next();
      double r = noisy.target() - Friedman.function(noisy.features());
      sumSq += r * r;
    }
    assertThat(Math.sqrt(sumSq / N)).isCloseTo(1.0, within(0.02));
  }

  @Test
  void conceptDrift_switchesConceptsAlongItsSigmoid() {
    Supplier<Sea> first = () -> Sea.builder().concept(1).noisePercent(0).seed(1).build();
    Supplier<Sea> second = () -> Sea.builder().concept(3).noisePercent(0).seed(2).build();
    ConceptDrift abrupt = ConceptDrift.between(first.get(), second.get()).position(5_000)
        .width(1).build();
    for (int t = 1; t <= 10_000; t++) {
      abrupt.next();
      double[] x = abrupt.features();
      if (t < 4_990) {
        assertThat(abrupt.target()).isEqualTo(x[0] + x[1] <= 8 ? 0 : 1);
      } else if (t > 5_010) {
        assertThat(abrupt.target()).isEqualTo(x[0] + x[1] <= 7 ? 0 : 1);
      }
    }
    ConceptDrift gradual = ConceptDrift.between(first.get(), second.get()).position(5_000)
        .width(2_000).build();
    assertThat(gradual.probabilityOfSecond(5_000)).isEqualTo(0.5);
    assertThat(gradual.probabilityOfSecond(6_000)).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-12));
    // Examples where the two concepts disagree (7 < x1 + x2 <= 8) show which one spoke: the
    // share from the second must be the mean of the sigmoid over those examples' positions.
    int fromSecond = 0;
    int disagreeing = 0;
    double expected = 0;
    for (int t = 1; t <= 8_000; t++) {
      gradual.next();
      double s = gradual.features()[0] + gradual.features()[1];
      if (t > 2_000 && s > 7 && s <= 8) {
        disagreeing++;
        fromSecond += gradual.target() == 1 ? 1 : 0;
        expected += gradual.probabilityOfSecond(t);
      }
    }
    assertThat(disagreeing).isGreaterThan(300);
    assertThat(fromSecond / (double) disagreeing).isCloseTo(expected / disagreeing,
        within(0.07));
    assertThatThrownBy(() -> ConceptDrift.between(first.get(), Stagger.builder().build()))
        .hasMessageContaining("differ in schema");
  }

  @Test
  void sameSeedSameStream_otherSeedOtherStream_forEveryGenerator() {
    List<Supplier<Generator>> all = List.of(() -> Sea.builder().seed(4).build(),
        () -> Stagger.builder().seed(4).build(),
        () -> Hyperplane.builder().magnitude(0.01).seed(4).build(),
        () -> Sine.builder().seed(4).build(), () -> Mixed.builder().seed(4).build(),
        () -> Agrawal.builder().function(5).seed(4).build(), () -> Led.builder().seed(4).build(),
        () -> Waveform.builder().seed(4).build(), () -> RandomRbf.builder().seed(4).build(),
        () -> Friedman.builder().seed(4).build(), () -> RandomTree.builder().seed(4).build(),
        () -> ConceptDrift.between(Sea.builder().build(), Sea.builder().concept(2).build())
            .seed(4).position(50).width(10).build());
    for (Supplier<Generator> make : all) {
      Generator a = make.get();
      Generator b = make.get();
      boolean differs = false;
      Generator c = make.get();
      c.random.setSeed(5);
      for (int i = 0; i < 1_000; i++) {
        a.next();
        b.next();
        c.next();
        assertThat(b.features()).isEqualTo(a.features());
        assertThat(b.target()).isEqualTo(a.target());
        differs |= !java.util.Arrays.equals(a.features(), c.features());
      }
      assertThat(differs).as(a.position()).isTrue();
      assertThat(a.emitted()).isEqualTo(1_000);
    }
  }

  @Test
  void limit_endsTheStreamAfterCountExamples() {
    DenseExampleStream five = Sea.builder().build().limit(5);
    int n = 0;
    while (five.next()) {
      n++;
    }
    assertThat(n).isEqualTo(5);
    assertThat(Sea.builder().build().limit(3).stream().count()).isEqualTo(3);
  }

  @Test
  void badSettings_nameTheSetting() {
    assertThatThrownBy(() -> Sea.builder().concept(5)).hasMessageContaining("concept");
    assertThatThrownBy(() -> Agrawal.builder().perturbation(2)).hasMessageContaining(
        "perturbation");
    assertThatThrownBy(() -> RandomRbf.builder().centroids(1 << 16).features(1 << 16).build())
        .hasMessageContaining("centroid");
    assertThatThrownBy(() -> Led.builder().irrelevantFeatures(false).driftingFeatures(2).build())
        .hasMessageContaining("suppressed");
  }
}
