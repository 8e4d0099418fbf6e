package org.brookml.eval;

/**
 * The scores of a classifier over one view of its examples (since the start, a sliding window, or
 * faded; see {@link ClassificationMetrics}). Every score refuses to answer, with
 * {@link IllegalStateException}, when the view holds no example, instead of returning NaN.
 *
 * <p>Kappa-M compares accuracy with the majority-class classifier's (the most frequent true
 * class so far in the view, the example itself counted, as MOA counts it); kappa-temporal with
 * the no-change classifier's (the previous example's true class; class 0 first), both as Bifet
 * et al. (2015) and MOA define them: {@code (p - p_baseline) / (1 - p_baseline)}, 1 when both
 * are perfect and 0 when the baseline is perfect but the model is not. Precision of a class never
 * predicted, and recall of a class never true, are 0 (scikit-learn's {@code zero_division=0});
 * macro averages run over the classes that occur in the view (as true or predicted classes),
 * balanced accuracy over the true classes. Micro-averaged F1 of single-label classification is
 * the accuracy.
 */
public final class ClassificationScores {

  private final String view;
  private final int numClasses;
  private final Accumulator sums;

  ClassificationScores(String view, int numClasses, Accumulator sums) {
    this.view = view;
    this.numClasses = numClasses;
    this.sums = sums;
  }

  static int components(int numClasses) {
    return numClasses * numClasses + 3 + numClasses;
  }

  static int cell(int numClasses, int truth, int predicted) {
    return truth * numClasses + predicted;
  }

  static int majorityRight(int numClasses) {
    return numClasses * numClasses;
  }

  static int noChangeRight(int numClasses) {
    return numClasses * numClasses + 1;
  }

  static int total(int numClasses) {
    return numClasses * numClasses + 2;
  }

  static int truthCount(int numClasses, int c) {
    return numClasses * numClasses + 3 + c;
  }

  /** The majority class of this view, counting {@code truth} once more (ties: lowest class). */
  int majorityWith(int truth) {
    int best = 0;
    double bestCount = -1;
    for (int c = 0; c < numClasses; c++) {
      double count = sums.get(truthCount(numClasses, c)) + (c == truth ? 1 : 0);
      if (count > bestCount) {
        best = c;
        bestCount = count;
      }
    }
    return best;
  }

  /** The weight of the examples in this view (their number, unless faded). */
  public double weight() {
    return sums.get(total(numClasses));
  }

  private double total() {
    double total = weight();
    if (!(total > 0)) {
      throw new IllegalStateException("nothing to report: no example recorded " + view);
    }
    return total;
  }

  private double cell(int truth, int predicted) {
    return sums.get(cell(numClasses, truth, predicted));
  }

  private double predictedCount(int c) {
    double sum = 0;
    for (int t = 0; t < numClasses; t++) {
      sum += cell(t, c);
    }
    return sum;
  }

  private double trueCount(int c) {
    return sums.get(truthCount(numClasses, c));
  }

  /** Fraction classified right. */
  public double accuracy() {
    double total = total();
    double correct = 0;
    for (int c = 0; c < numClasses; c++) {
      correct += cell(c, c);
    }
    return correct / total;
  }

  /** Cohen's kappa: accuracy against the agreement expected by chance from the marginals. */
  public double kappa() {
    double total = total();
    double chance = 0;
    for (int c = 0; c < numClasses; c++) {
      chance += trueCount(c) * predictedCount(c);
    }
    return improvement(accuracy(), chance / (total * total));
  }

  /** Kappa-M: accuracy against the majority-class classifier's. */
  public double kappaM() {
    double total = total();
    return improvement(accuracy(), sums.get(majorityRight(numClasses)) / total);
  }

  /** Kappa-temporal: accuracy against the no-change classifier's. */
  public double kappaTemporal() {
    double total = total();
    return improvement(accuracy(), sums.get(noChangeRight(numClasses)) / total);
  }

  private static double improvement(double observed, double baseline) {
    if (baseline >= 1.0) {
      return observed >= 1.0 ? 1.0 : 0.0;
    }
    return (observed - baseline) / (1 - baseline);
  }

  /** Of the examples predicted as {@code c}, the fraction truly {@code c} (0 if none). */
  public double precision(int c) {
    total();
    double predicted = predictedCount(checkClass(c));
    return predicted > 0 ? cell(c, c) / predicted : 0;
  }

  /** Of the examples truly {@code c}, the fraction predicted as {@code c} (0 if none). */
  public double recall(int c) {
    total();
    double truth = trueCount(checkClass(c));
    return truth > 0 ? cell(c, c) / truth : 0;
  }

  /** The harmonic mean of precision and recall of class {@code c} (0 if both are 0). */
  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }

  /** Precision averaged over the classes that occur. */
  public double macroPrecision() {
    return macro(0);
  }

  /** Recall averaged over the classes that occur. */
  public double macroRecall() {
    return macro(1);
  }

  /** F1 averaged over the classes that occur. */
  public double macroF1() {
    return macro(2);
  }

  /** Micro-averaged F1, which for single-label classification is the accuracy. */
  public double microF1() {
    return accuracy();
  }

  /** Recall averaged over the classes that are true at least once in the view. */
  public double balancedAccuracy() {
    total();
    double sum = 0;
    int classes = 0;
    for (int c = 0; c < numClasses; c++) {
      if (trueCount(c) > 0) {
        sum += recall(c);
        classes++;
      }
    }
    return sum / classes;
  }

  private double macro(int which) {
    total();
    double sum = 0;
    int classes = 0;
    for (int c = 0; c < numClasses; c++) {
      if (trueCount(c) > 0 || predictedCount(c) > 0) {
        sum += which == 0 ? precision(c) : which == 1 ? recall(c) : f1(c);
        classes++;
      }
    }
    return sum / classes;
  }

  private int checkClass(int c) {
    if (c < 0 || c >= numClasses) {
      throw new IllegalArgumentException("class " + c + " is outside [0, " + numClasses + ")");
    }
    return c;
  }

  @Override
  public String toString() {
    if (!(weight() > 0)) {
      return view + ": nothing to report yet";
    }
    return String.format(java.util.Locale.ROOT,
        "%s: accuracy=%.4f kappa=%.4f kappaM=%.4f kappaT=%.4f macroF1=%.4f", view, accuracy(),
        kappa(), kappaM(), kappaTemporal(), macroF1());
  }
}
