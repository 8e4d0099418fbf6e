package org.brookml.learner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What each feature of a row is: numeric, or nominal with named values that travel in the
 * {@code double[]} row as their index (0, 1, ...), so the hot path stays primitive. Also the
 * names of the classes (empty for a regression target). Immutable.
 */
public final class FeatureSchema {

  /** One feature: its name, and its values when nominal (empty when numeric). */
  public record Feature(String name, List<String> values) {

    /** Copies {@code values}; a nominal feature needs at least one value. */
    public Feature {
      Objects.requireNonNull(name, "name");
      values = List.copyOf(values);
    }

    /** Whether the feature is nominal. */
    public boolean isNominal() {
      return !values.isEmpty();
    }
  }

  private final List<Feature> features;
  private final List<String> classes;

  private FeatureSchema(List<Feature> features, List<String> classes) {
    this.features = Collections.unmodifiableList(new ArrayList<>(features));
    this.classes = List.copyOf(classes);
  }

  /** A schema of the given features and class names. */
  public static FeatureSchema of(List<Feature> features, List<String> classes) {
    return new FeatureSchema(features, classes);
  }

  /** A numeric feature. */
  public static Feature numeric(String name) {
    return new Feature(name, List.of());
  }

  /** A nominal feature with the given values, coded 0, 1, ... in that order. */
  public static Feature nominal(String name, String... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("nominal feature '" + name + "' needs values");
    }
    return new Feature(name, List.of(values));
  }

  /** Numeric features named {@code prefix1, prefix2, ...}. */
  public static List<Feature> numeric(String prefix, int count) {
    List<Feature> list = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      list.add(numeric(prefix + i));
    }
    return list;
  }

  /** Number of features. */
  public int dimension() {
    return features.size();
  }

  /** Feature {@code j}. */
  public Feature feature(int j) {
    return features.get(j);
  }

  /** Every feature, in row order. */
  public List<Feature> features() {
    return features;
  }

  /** Whether feature {@code j} is nominal. */
  public boolean isNominal(int j) {
    return features.get(j).isNominal();
  }

  /** Number of values of nominal feature {@code j} (0 for a numeric one). */
  public int numValues(int j) {
    return features.get(j).values().size();
  }

  /** Receives each nominal feature's index and number of values. */
  @FunctionalInterface
  public interface NominalFeatureConsumer {
    /** Feature {@code j} is nominal with {@code values} values. */
    void accept(int j, int values);
  }

  /** Hands every nominal feature to {@code consumer}, in row order (a builder's {@code nominal}). */
  public void forEachNominal(NominalFeatureConsumer consumer) {
    for (int j = 0; j < features.size(); j++) {
      if (isNominal(j)) {
        consumer.accept(j, numValues(j));
      }
    }
  }

  /** The class names, by class code (empty for a regression target). */
  public List<String> classes() {
    return classes;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("FeatureSchema{");
    for (int j = 0; j < features.size(); j++) {
      Feature f = features.get(j);
      sb.append(j == 0 ? "" : ", ").append(f.name());
      if (f.isNominal()) {
        sb.append(f.values());
      }
    }
    return sb.append("; classes=").append(classes).append('}').toString();
  }
}
