package org.brookml.bench.moa;

import com.yahoo.labs.samoa.instances.Attribute;
import com.yahoo.labs.samoa.instances.DenseInstance;
import com.yahoo.labs.samoa.instances.Instance;
import com.yahoo.labs.samoa.instances.Instances;
import com.yahoo.labs.samoa.instances.InstancesHeader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import moa.classifiers.Classifier;
import moa.options.ClassOption;

/** What the MOA comparisons share: rows as MOA instances, a prequential run, summaries. */
final class MoaRuns {

  private MoaRuns() {}

  /** Rows of {@code d} numeric features and a two-class label, as MOA instances. */
  static Instance[] instances(List<double[]> xs, List<Integer> labels, int d) {
    List<Attribute> attributes = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      attributes.add(new Attribute("x" + j));
    }
    attributes.add(new Attribute("class", List.of("0", "1")));
    Instances header = new Instances("stream", attributes, 0);
    header.setClassIndex(d);
    InstancesHeader context = new InstancesHeader(header);
    Instance[] instances = new Instance[xs.size()];
    for (int i = 0; i < instances.length; i++) {
      double[] values = Arrays.copyOf(xs.get(i), d + 1);
      values[d] = labels.get(i);
      instances[i] = new DenseInstance(1.0, values);
      instances[i].setDataset(context);
    }
    return instances;
  }

  /** A MOA classifier built from its command line, seeded and prepared for these instances. */
  static Classifier prepared(String cli, Instance[] instances, int seed) {
    Classifier classifier;
    try {
      classifier = (Classifier) ClassOption.cliStringToObject(cli, Classifier.class, null);
    } catch (Exception e) {
      throw new IllegalStateException("cannot build " + cli, e);
    }
    classifier.setRandomSeed(seed);
    classifier.setModelContext(new InstancesHeader(instances[0].dataset()));
    classifier.prepareForUse();
    return classifier;
  }

  /**
   * Prequential run of a prepared MOA classifier (predict, then learn, each instance):
   * {examples per second, accuracy}.
   */
  static double[] prequential(Classifier classifier, Instance[] instances) {
    int correct = 0;
    long start = System.nanoTime();
    for (Instance instance : instances) {
      double[] votes = classifier.getVotesForInstance(instance);
      int predicted = 0;
      for (int c = 1; c < votes.length; c++) {
        if (votes[c] > votes[predicted]) {
          predicted = c;
        }
      }
      correct += predicted == (int) instance.classValue() ? 1 : 0;
      classifier.trainOnInstance(instance);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new double[] {instances.length / seconds, correct / (double) instances.length};
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Mean and range, as "0.8421 (0.8400-0.8440)". */
  static String accuracy(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, "%.4f (%.4f-%.4f)", Arrays.stream(values).average()
        .orElseThrow(), sorted[0], sorted[sorted.length - 1]);
  }
}
