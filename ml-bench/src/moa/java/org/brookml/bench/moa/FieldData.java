package org.brookml.bench.moa;

import com.yahoo.labs.samoa.instances.Attribute;
import com.yahoo.labs.samoa.instances.DenseInstance;
import com.yahoo.labs.samoa.instances.Instance;
import com.yahoo.labs.samoa.instances.Instances;
import com.yahoo.labs.samoa.instances.InstancesHeader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.brookml.io.ArffReader;
import org.brookml.io.CsvReader;
import org.brookml.learner.DenseExampleStream;
import org.brookml.learner.FeatureSchema;
import org.brookml.learner.LabelEncoder;

/**
 * A data set held in memory for the field comparison: rows (nominal values as codes), labels,
 * and the schema read with them, with the same rows as MOA instances (nominal attributes where
 * the schema has them).
 */
record FieldData(String name, FeatureSchema schema, int numClasses, double[][] xs, int[] ys) {

  /** Elec2 from its ARFF: the day nominal. */
  static FieldData elec2(Path data) {
    try (ArffReader arff = ArffReader.open(data.resolve("elec2/electricity.arff"))) {
      return read("Elec2", arff, arff.schema(), arff.numClasses(), Integer.MAX_VALUE);
    }
  }

  /** KDD Cup 99 (10%), the first {@code limit} rows: protocol, service and flag nominal. */
  static FieldData kdd99(Path data, int limit) {
    LabelEncoder<String> labels = LabelEncoder.growing(23);
    try (CsvReader csv = CsvReader.builder(data.resolve("kddcup99_10pct/kddcup.data_10_percent.gz"))
        .labels(labels).nominal(1, 2, 3).maxNominalValues(100).open()) {
      FieldData read = read("KDD Cup 99 (first " + limit + ")", csv, null, 23, limit);
      return new FieldData(read.name, withClasses(csv.schema(), labels.size()), labels.size(),
          read.xs, read.ys);
    }
  }

  /** Poker hand (training set), suits and ranks nominal, 10 classes. */
  static FieldData pokerHand(Path data) {
    LabelEncoder<String> labels = LabelEncoder.of("0", "1", "2", "3", "4", "5", "6", "7", "8",
        "9");
    try (CsvReader csv = CsvReader.builder(data.resolve("poker_hand/poker-hand-training-true.data"))
        .labels(labels).nominal(0, 1, 2, 3, 4, 5, 6, 7, 8, 9).open()) {
      FieldData read = read("Poker hand", csv, null, 10, Integer.MAX_VALUE);
      return new FieldData(read.name, withClasses(csv.schema(), 10), 10, read.xs, read.ys);
    }
  }

  /** Shuttle, 9 numeric features, 7 classes. */
  static FieldData shuttle(Path data) {
    LabelEncoder<String> labels = LabelEncoder.growing(7);
    try (CsvReader csv = CsvReader.builder(data.resolve("shuttle/shuttle.csv")).header(true)
        .labels(labels).open()) {
      FieldData read = read("Shuttle", csv, null, 7, Integer.MAX_VALUE);
      return new FieldData(read.name, withClasses(csv.schema(), 7), 7, read.xs, read.ys);
    }
  }

  /** A data set whose features and classes are in two files, line by line (SEA, weather). */
  static FieldData paired(String name, Path features, Path classes, int numClasses) {
    List<double[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    try (CsvReader csv = CsvReader.builder(features).noTarget().open();
        BufferedReader labels = Files.newBufferedReader(classes)) {
      while (csv.next()) {
        xs.add(csv.features().clone());
        ys.add(Integer.parseInt(labels.readLine().trim()));
      }
      return new FieldData(name, withClasses(csv.schema(), numClasses), numClasses,
          xs.toArray(double[][]::new),
          ys.stream().mapToInt(Integer::intValue).toArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema's features with class names {@code 0 .. numClasses - 1}. */
  private static FeatureSchema withClasses(FeatureSchema schema, int numClasses) {
    List<String> classes = new ArrayList<>();
    for (int c = 0; c < numClasses; c++) {
      classes.add(Integer.toString(c));
    }
    return FeatureSchema.of(schema.features(), classes);
  }

  private static FieldData read(String name, DenseExampleStream stream, FeatureSchema schema,
      int numClasses, int limit) {
    List<double[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    while (xs.size() < limit && stream.next()) {
      xs.add(stream.features().clone());
      ys.add((int) stream.target());
    }
    return new FieldData(name, schema, numClasses, xs.toArray(double[][]::new),
        ys.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The rows as MOA instances: the schema's nominal features as nominal attributes. */
  Instance[] instances() {
    List<Attribute> attributes = new ArrayList<>();
    for (FeatureSchema.Feature f : schema.features()) {
      attributes.add(f.isNominal() ? new Attribute(f.name(), f.values())
          : new Attribute(f.name()));
    }
    List<String> classes = new ArrayList<>();
    for (int c = 0; c < numClasses; c++) {
      classes.add(Integer.toString(c));
    }
    int d = schema.dimension();
    attributes.add(new Attribute("class", classes));
    Instances header = new Instances(name, attributes, 0);
    header.setClassIndex(d);
    InstancesHeader context = new InstancesHeader(header);
    Instance[] instances = new Instance[xs.length];
    for (int i = 0; i < xs.length; i++) {
      double[] values = java.util.Arrays.copyOf(xs[i], d + 1);
      values[d] = ys[i];
      instances[i] = new DenseInstance(1.0, values);
      instances[i].setDataset(context);
    }
    return instances;
  }
}
