package org.brookml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.io.Snapshots;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.optim.Optimizer;
import org.brookml.linear.SgdClassifier;
import org.brookml.vector.SparseVector;
import org.junit.jupiter.api.Test;

class HashedClassifierTest implements OnlineLearnerContract<HashedClassifier> {

  private static final int BITS = 12;
  private static final String[] COLOURS = {"red", "green", "blue", "teal", "plum", "sand"};

  @Override
  public HashedClassifier newLearner() {
    return HashedClassifier.of(new FeatureHasher(BITS, true),
        SgdClassifier.builder(1 << BITS).optimizer(Optimizer.adaGrad(0.2, 0)).build());
  }

  /**
   * A record: a shop (one of 40), a colour and two numbers; the label is 1 for half of the shops,
   * for "blue", and when price exceeds 1.2 times the reference, by a noisy rule.
   */
  private static Map<String, Object> record(SplittableRandom random) {
    Map<String, Object> r = new HashMap<>();
    r.put("shop", "s" + random.nextInt(40));
    r.put("colour", COLOURS[random.nextInt(COLOURS.length)]);
    r.put("price", 1 + random.nextDouble());
    r.put("reference", 1 + random.nextDouble());
    return r;
  }

  private static int label(Map<String, Object> r, SplittableRandom random) {
    int shop = Integer.parseInt(((String) r.get("shop")).substring(1));
    double score = (shop % 2 == 0 ? 1.5 : -1.5) + ("blue".equals(r.get("colour")) ? 2 : 0)
        + 3 * ((Double) r.get("price") - 1.2 * (Double) r.get("reference"))
        + 0.3 * random.nextGaussian();
    return score > 0 ? 1 : 0;
  }

  @Override
  public void train(HashedClassifier model, int n, long dataSeed) {
    SplittableRandom random = new SplittableRandom(dataSeed);
    for (int i = 0; i < n; i++) {
      Map<String, Object> r = record(random);
      model.learn(r, label(r, random));
    }
  }

  @Override
  public double[] predictions(HashedClassifier model) {
    return model.predictProba(Map.of("shop", "s4", "colour", "blue", "price", 1.5,
        "reference", 1.1), new double[2]);
  }

  @Override
  public Map<String, Consumer<HashedClassifier>> badInputs() {
    Map<String, Consumer<HashedClassifier>> bad = new LinkedHashMap<>();
    bad.put("NaN feature", m -> m.learn(Map.of("shop", "s1", "price", Double.NaN), 1));
    bad.put("infinite feature", m -> m.learn(Map.of("price", Double.NEGATIVE_INFINITY), 0));
    bad.put("boolean feature", m -> m.learn(Map.of("shop", "s1", "member", true), 1));
    bad.put("null map", m -> m.learn((Map<String, ?>) null, 1));
    bad.put("label 2", m -> m.learn(Map.of("shop", "s1"), 2));
    bad.put("negative weight", m -> m.learn(Map.of("shop", "s1"), 1, -1));
    bad.put("hashed vector of another dimension", m -> m.learn(new double[3], 1));
    return bad;
  }

  @Test
  void records_areHashedAsScikitLearnHashesDicts() {
    // FeatureHasher(n_features=16).transform([{'user': '42', 'colour': 2.5, 'hello': -1.0}]):
    // 2.5 at slot 1, -1 at slot 2 and -1 at slot 7.
    HashedClassifier pipeline = HashedClassifier.of(new FeatureHasher(4, true),
        SgdClassifier.builder(16).build());
    SparseVector v = pipeline.hash(Map.of("user", "42", "colour", 2.5, "hello", -1.0),
        new SparseVector());
    assertThat(v.size()).isEqualTo(3);
    assertThat(new int[] {v.index(0), v.index(1), v.index(2)}).containsExactly(1, 2, 7);
    assertThat(new double[] {v.value(0), v.value(1), v.value(2)}).containsExactly(2.5, -1, -1);
  }

  @Test
  void collidingFeatures_becomeOneEntryHoldingTheirSum() {
    FeatureHasher hasher = new FeatureHasher(2, false); // 4 slots: 30 features must collide
    HashedClassifier pipeline = HashedClassifier.of(hasher, SgdClassifier.builder(4).build());
    Map<String, Object> record = new LinkedHashMap<>();
    SparseVector oneByOne = new SparseVector();
    for (int i = 0; i < 30; i++) {
      record.put("f" + i, i * 0.5);
      hasher.add(oneByOne, "f" + i, i * 0.5);
    }
    SparseVector v = pipeline.hash(record, new SparseVector());
    assertThat(v.size()).isLessThanOrEqualTo(4);
    for (int k = 1; k < v.size(); k++) {
      assertThat(v.index(k)).isGreaterThan(v.index(k - 1));
    }
    assertThat(v.toDense(new double[4])).containsExactly(oneByOne.toDense(new double[4]));
  }

  @Test
  void learningFromRecords_isLearningTheirHashedVectors() {
    HashedClassifier pipeline = newLearner();
    SgdClassifier direct = (SgdClassifier) pipeline.model().copy();
    FeatureHasher hasher = pipeline.hasher();
    SplittableRandom random = new SplittableRandom(5);
    SparseVector x = new SparseVector();
    for (int i = 0; i < 2_000; i++) {
      Map<String, Object> r = record(random);
      int label = label(r, random);
      pipeline.learn(r, label);
      x.clear();
      for (Map.Entry<String, Object> f : r.entrySet()) {
        if (f.getValue() instanceof String) {
          hasher.add(x, f.getKey(), (String) f.getValue());
        } else {
          hasher.add(x, f.getKey(), (Double) f.getValue());
        }
      }
      direct.learn(x.coalesce(), label);
    }
    assertThat(Snapshots.write(pipeline.model())).isEqualTo(Snapshots.write(direct));
  }

  @Test
  void categoricalRecords_areLearnedPrequentially() {
    HashedClassifier pipeline = newLearner();
    SplittableRandom random = new SplittableRandom(11);
    int correct = 0;
    int scored = 0;
    for (int i = 0; i < 30_000; i++) {
      Map<String, Object> r = record(random);
      int label = label(r, random);
      if (i >= 10_000) {
        correct += pipeline.predict(r) == label ? 1 : 0;
        scored++;
      }
      pipeline.learn(r, label);
    }
    double accuracy = correct / (double) scored;
    System.out.printf("hashed records, AdaGrad logistic regression over 2^%d slots: prequential "
        + "accuracy %.4f after 10,000 records%n", BITS, accuracy);
    assertThat(accuracy).isGreaterThan(0.9);
  }

  @Test
  void theSnapshotKeepsTheHasherSettings() {
    HashedClassifier pipeline = HashedClassifier.of(new FeatureHasher(6, false),
        SgdClassifier.builder(64).build());
    train(pipeline, 500, 3);
    HashedClassifier restored = Snapshots.read(Snapshots.write(pipeline), HashedClassifier.class);
    assertThat(restored.hasher().toString()).isEqualTo("FeatureHasher{bits=6, alternateSign=false}");
    Map<String, ?> r = Map.of("shop", "s3", "colour", "plum", "price", 1.7, "reference", 1.0);
    assertThat(restored.hash(r, new SparseVector()).toDense(new double[64]))
        .containsExactly(pipeline.hash(r, new SparseVector()).toDense(new double[64]));
    assertThatThrownBy(() -> HashedClassifier.of(new FeatureHasher(5, true),
        SgdClassifier.builder(64).build())).hasMessageContaining("32 slots");
  }
}
