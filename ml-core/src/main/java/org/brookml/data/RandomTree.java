package org.brookml.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.brookml.learner.FeatureSchema;

/**
 * A random decision tree as the concept, as MOA's {@code RandomTreeGenerator} (Domingos &amp;
 * Hulten, KDD 2000): a tree seed grows a tree over nominal features (multiway splits, each used
 * once per path) and numeric ones in [0, 1] (binary splits at a random point of the range left),
 * with leaves of random classes at {@code maxDepth} or, from {@code firstLeafLevel} on, with
 * probability {@code leafFraction}. Examples draw each nominal feature uniformly over its values
 * and each numeric one uniformly in [0, 1], and take the class of the leaf they reach. Defaults
 * are MOA's: 2 classes, 5 nominal features of 5 values, 5 numeric, depth 5, leaves from level 3,
 * fraction 0.15. The same settings and seeds give MOA's stream.
 */
public final class RandomTree extends Generator {

  /** At most this many nodes, checked as the tree grows. */
  public static final int MAX_NODES = 1 << 22;

  private static final class Node {
    int label;
    int feature;
    double threshold;
    Node[] children;
  }

  private final int nominals;
  private final int values;
  private final Node root;
  private final int[] nodes = new int[1];

  private RandomTree(Builder b) {
    super("random-tree", schemaOfTree(b), b.seed);
    nominals = b.nominals;
    values = b.values;
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < b.nominals; i++) {
      candidates.add(i);
    }
    double[] min = new double[b.numerics];
    double[] max = new double[b.numerics];
    java.util.Arrays.fill(max, 1.0);
    root = grow(b, new Random(b.treeSeed), 0, candidates, min, max);
  }

  private static FeatureSchema schemaOfTree(Builder b) {
    String[] valueNames = new String[b.values];
    for (int i = 0; i < b.values; i++) {
      valueNames[i] = "value" + (i + 1);
    }
    List<FeatureSchema.Feature> features = new ArrayList<>();
    for (int i = 1; i <= b.nominals; i++) {
      features.add(FeatureSchema.nominal("nominal" + i, valueNames));
    }
    features.addAll(FeatureSchema.numeric("numeric", b.numerics));
    List<String> classes = new ArrayList<>();
    for (int i = 1; i <= b.classes; i++) {
      classes.add("class" + i);
    }
    return FeatureSchema.of(features, classes);
  }

  /** Grows a subtree depth first, drawing as MOA does; depth is bounded by the settings. */
  private Node grow(Builder b, Random random, int depth, List<Integer> candidates, double[] min,
      double[] max) {
    if (++nodes[0] > MAX_NODES) {
      throw new IllegalArgumentException("the tree would have more than " + MAX_NODES
          + " nodes: lower maxDepth or values");
    }
    Node node = new Node();
    if (depth >= b.maxDepth
        || (depth >= b.firstLeafLevel && b.leafFraction >= 1.0 - random.nextDouble())
        || candidates.size() + b.numerics == 0) { // every feature used: MOA fails here
      node.label = random.nextInt(b.classes);
      return node;
    }
    int chosen = random.nextInt(candidates.size() + b.numerics);
    if (chosen < candidates.size()) {
      node.feature = candidates.get(chosen);
      node.children = new Node[b.values];
      List<Integer> rest = new ArrayList<>(candidates);
      rest.remove(Integer.valueOf(node.feature));
      for (int i = 0; i < node.children.length; i++) {
        node.children[i] = grow(b, random, depth + 1, rest, min, max);
      }
    } else {
      int numeric = chosen - candidates.size();
      node.feature = b.nominals + numeric;
      node.threshold = (max[numeric] - min[numeric]) * random.nextDouble() + min[numeric];
      node.children = new Node[2];
      double[] lowerMax = max.clone();
      lowerMax[numeric] = node.threshold;
      node.children[0] = grow(b, random, depth + 1, candidates, min, lowerMax);
      double[] upperMin = min.clone();
      upperMin[numeric] = node.threshold;
      node.children[1] = grow(b, random, depth + 1, candidates, upperMin, max);
    }
    return node;
  }

  /** A builder with MOA's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Number of nodes of the concept tree. */
  public int nodeCount() {
    return nodes[0];
  }

  @Override
  double generate(double[] out) {
    for (int j = 0; j < out.length; j++) {
      out[j] = j < nominals ? random.nextInt(values) : random.nextDouble();
    }
    Node node = root;
    while (node.children != null) {
      node = node.children[node.feature < nominals ? (int) out[node.feature]
          : out[node.feature] < node.threshold ? 0 : 1];
    }
    return node.label;
  }

  /** Settings of {@link RandomTree}. */
  public static final class Builder extends Settings<Builder> {
    private long treeSeed = 1;
    private int classes = 2;
    private int nominals = 5;
    private int numerics = 5;
    private int values = 5;
    private int maxDepth = 5;
    private int firstLeafLevel = 3;
    private double leafFraction = 0.15;

    private Builder() {}

    /** The seed of the concept tree (MOA's {@code -r}); {@link #seed} drives the examples. */
    public Builder treeSeed(long treeSeed) {
      this.treeSeed = treeSeed;
      return this;
    }

    /** Number of classes, 2 to 2^16. */
    public Builder classes(int classes) {
      this.classes = requireBetween("classes", classes, 2, 1 << 16);
      return this;
    }

    /** Number of nominal features, 0 to 2^10. */
    public Builder nominalFeatures(int nominals) {
      this.nominals = requireBetween("nominalFeatures", nominals, 0, 1 << 10);
      return this;
    }

    /** Number of numeric features, 0 to 2^10. */
    public Builder numericFeatures(int numerics) {
      this.numerics = requireBetween("numericFeatures", numerics, 0, 1 << 10);
      return this;
    }

    /** Values of each nominal feature, 2 to 2^10. */
    public Builder valuesPerNominal(int values) {
      this.values = requireBetween("valuesPerNominal", values, 2, 1 << 10);
      return this;
    }

    /** Depth of the concept tree, 0 to 30. */
    public Builder maxDepth(int maxDepth) {
      this.maxDepth = requireBetween("maxDepth", maxDepth, 0, 30);
      return this;
    }

    /** The first level that may hold leaves before {@code maxDepth}. */
    public Builder firstLeafLevel(int firstLeafLevel) {
      this.firstLeafLevel = requireBetween("firstLeafLevel", firstLeafLevel, 0, 30);
      return this;
    }

    /** The chance, per node from {@code firstLeafLevel} on, that it is a leaf. */
    public Builder leafFraction(double leafFraction) {
      this.leafFraction = requireBetween("leafFraction", leafFraction, 0, 1);
      return this;
    }

    /** The generator. */
    public RandomTree build() {
      if (nominals + numerics == 0) {
        throw new IllegalArgumentException("the tree needs at least one feature");
      }
      return new RandomTree(this);
    }
  }
}
