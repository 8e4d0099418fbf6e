package org.brookml.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.brookml.io.CsvReader;
import org.brookml.io.RealData;
import org.brookml.io.LibSvmReader;
import org.junit.jupiter.api.Test;

/** Pegasos against the optimum of its objective, and its accuracy on the classic SVM benchmarks. */
class PegasosConvergenceTest {

  private static final int N = 569;
  private static final int D = 30;
  private static final double LAMBDA = 0.05;

  /** Breast cancer, standardized (two-pass), shuffled with a fixed seed; labels 0/1. */
  private static double[] rows(int[] labels) throws IOException {
    String text;
    try (InputStream in = new GZIPInputStream(PegasosConvergenceTest.class
        .getResourceAsStream("/data/breast_cancer/breast_cancer.csv.gz"))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    text = text.substring(text.indexOf('\n') + 1); // the first line is scikit-learn's shape line
    double[] xs = new double[N * D];
    try (CsvReader reader = CsvReader.builder(new StringReader(text), "breast_cancer").open()) {
      for (int r = 0; reader.next(); r++) {
        System.arraycopy(reader.features(), 0, xs, r * D, D);
        labels[r] = (int) reader.target();
      }
    }
    for (int j = 0; j < D; j++) {
      double mean = 0;
      for (int r = 0; r < N; r++) {
        mean += xs[r * D + j];
      }
      mean /= N;
      double var = 0;
      for (int r = 0; r < N; r++) {
        var += (xs[r * D + j] - mean) * (xs[r * D + j] - mean);
      }
      double sd = Math.sqrt(var / N);
      for (int r = 0; r < N; r++) {
        xs[r * D + j] = (xs[r * D + j] - mean) / sd;
      }
    }
    SplittableRandom random = new SplittableRandom(3);
    double[] tmp = new double[D];
    for (int i = N - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      System.arraycopy(xs, i * D, tmp, 0, D);
      System.arraycopy(xs, j * D, xs, i * D, D);
      System.arraycopy(tmp, 0, xs, j * D, D);
      int l = labels[i];
      labels[i] = labels[j];
      labels[j] = l;
    }
    return xs;
  }

  /**
   * The exact optimum of {@code lambda/2 ||w||^2 + mean hinge} (bias as an augmented feature) by
   * dual coordinate descent (Hsieh et al. 2008) with {@code C = 1 / (lambda n)}, written for this
   * test, run to convergence.
   */
  private static double optimum(double[] xs, int[] labels) {
    double c = 1 / (LAMBDA * N);
    double[] alpha = new double[N];
    double[] w = new double[D + 1];
    for (int pass = 0; pass < 3_000; pass++) {
      double maxChange = 0;
      for (int i = 0; i < N; i++) {
        double y = 2 * labels[i] - 1;
        double f = w[D];
        double q = 1;
        for (int j = 0; j < D; j++) {
          f += w[j] * xs[i * D + j];
          q += xs[i * D + j] * xs[i * D + j];
        }
        double gradient = y * f - 1;
        double next = Math.min(Math.max(alpha[i] - gradient / q, 0), c);
        double delta = next - alpha[i];
        if (delta != 0) {
          for (int j = 0; j < D; j++) {
            w[j] += delta * y * xs[i * D + j];
          }
          w[D] += delta * y;
          alpha[i] = next;
          maxChange = Math.max(maxChange, Math.abs(delta));
        }
      }
      if (maxChange < 1e-12) {
        break;
      }
    }
    double normSq = 0;
    for (double v : w) {
      normSq += v * v;
    }
    double loss = 0;
    for (int i = 0; i < N; i++) {
      double f = w[D];
      for (int j = 0; j < D; j++) {
        f += w[j] * xs[i * D + j];
      }
      loss += Math.max(0, 1 - (2 * labels[i] - 1) * f);
    }
    return LAMBDA / 2 * normSq + loss / N;
  }

  /** Objective gaps to the optimum, relative, after 1, 10, 20 and 100 passes in a fixed order. */
  private static double[] gaps(boolean averaging, double[] xs, int[] labels, double best) {
    // The paper's rule (no step offset), whose O(1 / (lambda t)) rate the test checks.
    PegasosSvm model = PegasosSvm.builder(D, 2).lambda(LAMBDA).averaging(averaging)
        .paperRule().build();
    int[] passesAt = {1, 10, 20, 100};
    double[] gaps = new double[passesAt.length];
    double[] row = new double[D];
    int done = 0;
    for (int k = 0; k < passesAt.length; k++) {
      for (; done < passesAt[k]; done++) {
        for (int r = 0; r < N; r++) {
          System.arraycopy(xs, r * D, row, 0, D);
          model.learn(row, labels[r]);
        }
      }
      gaps[k] = model.objective(xs, N, labels) / best - 1;
    }
    return gaps;
  }

  /**
   * Breast cancer (569 x 30, standardized), lambda = 0.05: the last iterate's objective comes within
   * 1% of the exact optimum in 10 passes and its gap keeps falling about as 1 / t, the paper's
   * O(1 / (lambda t)) rate (measured: 21%, 0.6%, 0.32%, 0.08% after 1, 10, 20, 100 passes).
   * Averaging from the first step converges more slowly here (its early iterates are far off).
   */
  @Test
  void breastCancer_objectiveFallsToWithinOnePercentOfTheOptimum() throws IOException {
    int[] labels = new int[N];
    double[] xs = rows(labels);
    double best = optimum(xs, labels);
    double[] last = gaps(false, xs, labels, best);
    double[] averaged = gaps(true, xs, labels, best);
    System.out.printf("breast cancer, lambda=%s: optimum %.6f; objective above it after 1 / 10 / "
        + "20 / 100 passes: last iterate %s, averaged %s%n", LAMBDA, best,
        java.util.Arrays.toString(last), java.util.Arrays.toString(averaged));
    assertThat(last[0]).isGreaterThanOrEqualTo(-1e-9); // never below the optimum
    assertThat(last[1]).isLessThan(0.01);
    assertThat(last[3]).isLessThan(last[2]).isLessThan(last[1]);
    // About 1 / t: five times the passes, at least three times smaller a gap.
    assertThat(last[3]).isLessThan(last[2] / 3);
    assertThat(averaged[3]).isLessThan(averaged[1]).isLessThan(0.01);
  }

  private static LibSvmReader libsvm(Path path, int dimension, int base) throws IOException {
    InputStream in = new BZip2CompressorInputStream(new BufferedInputStream(
        Files.newInputStream(path)));
    return LibSvmReader.open(new InputStreamReader(in, StandardCharsets.UTF_8), path.toString(),
        dimension, base);
  }

  private static double[] accuracyAfterPasses(String name, int d, int base, double lambda,
      int... passes) {
    return accuracyAfterPasses(name, d, base, PegasosSvm.builder(d, 2).lambda(lambda).paperRule(),
        passes);
  }

  private static double[] accuracyAfterPasses(String name, int d, int base,
      PegasosSvm.Builder settings, int... passes) {
    Path train = RealData.shared(name + ".trn.bz2");
    Path test = RealData.shared(name + ".tst.bz2");
    PegasosSvm model = settings.build();
    double[] accuracies = new double[passes.length];
    int done = 0;
    try {
      for (int k = 0; k < passes.length; k++) {
        for (; done < passes[k]; done++) {
          try (LibSvmReader rows = libsvm(train, d, base)) {
            while (rows.next()) {
              model.learn(rows.features(), rows.target() > 0 ? 1 : 0);
            }
          }
        }
        int correct = 0;
        int total = 0;
        try (LibSvmReader rows = libsvm(test, d, base)) {
          while (rows.next()) {
            correct += model.predict(rows.features()) == (rows.target() > 0 ? 1 : 0) ? 1 : 0;
            total++;
          }
        }
        accuracies[k] = correct / (double) total;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return accuracies;
  }

  /**
   * One pass and five passes, file order, lambda = 1e-4 for all three (LinearSVC's C = 1 would be
   * 1/n: 3e-5 for a9a, 2e-5 for ijcnn1, 1.3e-4 for reuters; 1e-4 was within 0.005 of the best of
   * those and 1e-5 in one pass on each). Measured: a9a 0.8285 / 0.8360, ijcnn1 0.8936 / 0.9132,
   * reuters 0.9700 / 0.9730. scikit-learn 1.2.1 for comparison: one-pass hinge SGDClassifier (its
   * optimal schedule, shuffled) a9a 0.812, ijcnn1 0.908, reuters 0.976; LinearSVC 0.849, 0.918,
   * 0.974. Pegasos's 1 / (lambda t) steps lag that one-pass figure on ijcnn1 and reuters.
   */
  @Test
  void a9aIjcnn1Reuters_accuracy() {
    double[] a9a = accuracyAfterPasses("adult_a9a/adult", 123, 0, 1e-4, 1, 5);
    double[] ijcnn1 = accuracyAfterPasses("ijcnn1/ijcnn1", 22, 1, 1e-4, 1, 5);
    double[] reuters = accuracyAfterPasses("reuters_lasvm/reuters", 8316, 1, 1e-4, 1, 5);
    System.out.printf("Pegasos lambda=1e-4, 1 / 5 passes: a9a %.4f / %.4f, ijcnn1 %.4f / %.4f, "
        + "reuters %.4f / %.4f%n", a9a[0], a9a[1], ijcnn1[0], ijcnn1[1], reuters[0], reuters[1]);
    // The README's figures (deterministic, file order).
    assertThat(a9a).containsExactly(new double[] {0.8285, 0.8360}, within(0.0002));
    assertThat(ijcnn1).containsExactly(new double[] {0.8936, 0.9132}, within(0.0002));
    assertThat(reuters).containsExactly(new double[] {0.9700, 0.9730}, within(0.0002));
  }

  /**
   * One pass with scikit-learn's schedule: lambda = 1e-4 (its default alpha), step offset 999 (its
   * "optimal" schedule for the hinge loss at that alpha starts at 1 / (alpha 1000), and Pegasos
   * counts t from 1), no projection, an unregularized intercept damped by 0.01 (its rate for sparse
   * input, which the libsvm files are): scikit-learn's algorithm. scikit-learn 1.2.1's one-pass
   * {@code SGDClassifier(loss='hinge', max_iter=1, shuffle=False)} on the same files in the same
   * order: a9a 0.8119, ijcnn1 0.9082, reuters 0.9758 (13,218 of 16,281; 83,286 of 91,701; 3,219
   * of 3,299 test rows right). Measured here: the same counts. With the paper's rule (offset 0) and
   * no intercept, no projection: 0.8243, 0.9076, 0.9758.
   */
  @Test
  void onePassWithScikitLearnsSchedule_reachesItsOnePassHingeAccuracy() {
    double[] a9a = accuracyAfterPasses("adult_a9a/adult", 123, 0, sgdLike(123), 1);
    double[] ijcnn1 = accuracyAfterPasses("ijcnn1/ijcnn1", 22, 1, sgdLike(22), 1);
    double[] reuters = accuracyAfterPasses("reuters_lasvm/reuters", 8316, 1, sgdLike(8316), 1);
    System.out.printf("Pegasos one pass, step offset 999, intercept rate 0.01, no projection: "
        + "a9a %.5f, ijcnn1 %.5f, reuters %.5f%n", a9a[0], ijcnn1[0], reuters[0]);
    assertThat(a9a[0]).isGreaterThanOrEqualTo(13_218 / 16_281.0);
    assertThat(ijcnn1[0]).isGreaterThanOrEqualTo(83_286 / 91_701.0);
    assertThat(reuters[0]).isGreaterThanOrEqualTo(3_219 / 3_299.0);
  }

  private static PegasosSvm.Builder sgdLike(int d) {
    return PegasosSvm.builder(d, 2).lambda(1e-4).stepOffset(999).projection(false)
        .bias(PegasosSvm.Bias.UNREGULARIZED).interceptRate(0.01);
  }

  /**
   * Elec2, prequential, whole stream in time order, lambda 1e-4: the defaults (scikit-learn's
   * schedule) 0.8438, the paper's rule 0.8441 (Elec2 is scaled to [0, 1]: the schedules meet);
   * reported beside logistic regression (0.8447 with defaults, 0.9164 scaled; see the linear
   * tests). Deterministic: asserted to the figure. (0.8203 was reported before accuracy was
   * scored by {@code predict}: the argmax of Platt probabilities of the wrong sign.)
   */
  @Test
  void elec2_prequentialAccuracy() {
    double defaults = elec2Prequential(PegasosSvm.builder(8, 2).lambda(1e-4));
    double paper = elec2Prequential(PegasosSvm.builder(8, 2).lambda(1e-4).paperRule());
    System.out.printf("Elec2 Pegasos (lambda 1e-4), prequential: defaults %.4f, paper's rule "
        + "%.4f%n", defaults, paper);
    assertThat(defaults).isCloseTo(0.8438, within(0.0005));
    assertThat(paper).isCloseTo(0.8441, within(0.0005));
  }

  private static double elec2Prequential(PegasosSvm.Builder settings) {
    try (CsvReader rows = RealData.elec2()) {
      return org.brookml.eval.Prequential.classification(settings.build(), rows,
          new org.brookml.eval.ClassificationMetrics(2, 1_000)).accuracy();
    }
  }
}
