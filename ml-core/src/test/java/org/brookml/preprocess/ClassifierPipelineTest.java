package org.brookml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.eval.ClassificationMetrics;
import org.brookml.eval.Prequential;
import org.brookml.io.CsvReader;
import org.brookml.io.RealData;
import org.brookml.io.Snapshots;
import org.brookml.learner.LabelEncoder;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.linear.SgdClassifier;
import org.brookml.linear.SoftmaxRegression;
import org.brookml.optim.Optimizer;
import org.brookml.svm.PegasosSvm;
import org.brookml.vector.SparseVector;
import org.junit.jupiter.api.Test;

class ClassifierPipelineTest implements OnlineLearnerContract<ClassifierPipeline> {

  @Override
  public ClassifierPipeline newLearner() {
    return Pipeline.of(new StandardScaler(3), SgdClassifier.builder(3).build());
  }

  @Override
  public void train(ClassifierPipeline model, int n, long dataSeed) {
    SplittableRandom random = new SplittableRandom(dataSeed);
    double[] x = new double[3];
    for (int i = 0; i < n; i++) {
      x[0] = 1000 + 50 * random.nextGaussian();
      x[1] = 0.01 * random.nextGaussian();
      x[2] = random.nextGaussian();
      int label = (x[0] - 1000) / 50 + x[1] / 0.01 > 0 ? 1 : 0;
      model.learn(x, label);
    }
  }

  @Override
  public double[] predictions(ClassifierPipeline model) {
    return model.predictProba(new double[] {1010, 0.002, 0.5}, new double[2]);
  }

  @Override
  public Map<String, Consumer<ClassifierPipeline>> badInputs() {
    Map<String, Consumer<ClassifierPipeline>> bad = new LinkedHashMap<>();
    bad.put("NaN", m -> m.learn(new double[] {Double.NaN, 0, 0}, 1));
    bad.put("wrong dimension", m -> m.learn(new double[2], 1));
    bad.put("label 2 (the scaler must not learn the example either)",
        m -> m.learn(new double[] {5, 5, 5}, 2));
    bad.put("negative weight", m -> m.learn(new double[3], 1, -1));
    return bad;
  }

  @Test
  void scaling_letsPlainSgdLearnFeaturesOfVeryDifferentScales() {
    ClassifierPipeline model = newLearner();
    train(model, 20_000, 1);
    SplittableRandom test = new SplittableRandom(2);
    int correct = 0;
    double[] x = new double[3];
    for (int i = 0; i < 5_000; i++) {
      x[0] = 1000 + 50 * test.nextGaussian();
      x[1] = 0.01 * test.nextGaussian();
      x[2] = test.nextGaussian();
      int label = (x[0] - 1000) / 50 + x[1] / 0.01 > 0 ? 1 : 0;
      correct += model.predict(x) == label ? 1 : 0;
    }
    assertThat(correct / 5_000.0).isGreaterThan(0.95);
  }

  /** Elec2 with default settings plus standard scaling; River's published figure is 0.822. */
  @Test
  void elec2_withScaling_prequentialAccuracyAtLeastRivers() {
    try (CsvReader rows = RealData.elec2()) {
      ClassifierPipeline model = Pipeline.of(new StandardScaler(rows.dimension()),
          SgdClassifier.builder(rows.dimension()).build());
      ClassificationMetrics m =
          Prequential.classification(model, rows, new ClassificationMetrics(2, 1_000));
      System.out.println("Elec2 scaled logistic regression, prequential: " + m);
      // The README's figure (deterministic; 0.0002 allows a few near-ties between kernel modes);
      // River's logistic regression on the same file: 0.822, Brook unscaled: 0.8447.
      assertThat(m.accuracy()).isCloseTo(0.9164, within(0.0002));
    }
  }

  /** Shuttle softmax with scaling; majority class rate 0.786. */
  @Test
  void shuttle_scaledSoftmax_prequential() {
    LabelEncoder<String> classes = LabelEncoder.of("Rad.Flow", "High", "Bypass", "Fpv.Open",
        "Fpv.Close", "Bpv.Open", "Bpv.Close");
    try (CsvReader rows = CsvReader.builder(RealData.shared("shuttle/shuttle.csv")).header(true)
        .labels(classes).open()) {
      ClassifierPipeline model =
          Pipeline.of(new StandardScaler(9),
              SoftmaxRegression.builder(9, 7).optimizer(Optimizer.adaGrad(0.5, 0)).build());
      ClassificationMetrics m =
          Prequential.classification(model, rows, new ClassificationMetrics(7, 1_000));
      System.out.println("shuttle scaled softmax (AdaGrad), prequential: " + m);
      assertThat(m.accuracy()).isCloseTo(0.9593, within(0.0002));
    }
  }

  @Test
  void aPartThatRefuses_leavesEveryStageAsItWas() {
    StandardScaler scaler = new StandardScaler(2);
    MinMaxScaler minMax = new MinMaxScaler(2);
    ClassifierPipeline pipeline = Pipeline.of(scaler, minMax, PegasosSvm.builder(2, 2).build());
    pipeline.learn(new double[] {1, 2}, 1);
    byte[] before = Snapshots.write(pipeline);
    // Pegasos takes weights 0 and 1 only: it refuses 0.5 after both scalers prepared the row.
    assertThatThrownBy(() -> pipeline.learn(new double[] {3, 4}, 1, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight");
    assertThat(Snapshots.write(pipeline)).isEqualTo(before);
    assertThat(scaler.samplesSeen()).isEqualTo(1);
    assertThat(minMax.samplesSeen()).isEqualTo(1);
    pipeline.learn(new double[] {3, 4}, 0);
    assertThat(scaler.samplesSeen()).isEqualTo(2);
    assertThat(minMax.samplesSeen()).isEqualTo(2);
  }

  @Test
  void twoStages_learnInRiversOrder_andTransformWithTheStatisticsThatIncludeTheRow() {
    StandardScaler scaler = new StandardScaler(1);
    MinMaxScaler minMax = new MinMaxScaler(1);
    SgdClassifier model = SgdClassifier.builder(1).build();
    ClassifierPipeline pipeline = Pipeline.of(scaler, minMax, model);
    SgdClassifier byHand = SgdClassifier.builder(1).build();
    StandardScaler handScaler = new StandardScaler(1);
    MinMaxScaler handMinMax = new MinMaxScaler(1);
    double[] z1 = new double[1];
    double[] z2 = new double[1];
    SplittableRandom random = new SplittableRandom(4);
    for (int i = 0; i < 500; i++) {
      double[] x = {10 + 3 * random.nextGaussian()};
      int label = x[0] > 10 ? 1 : 0;
      pipeline.learn(x, label);
      handScaler.learn(x);
      handScaler.transform(x, z1);
      handMinMax.learn(z1);
      byHand.learn(handMinMax.transform(z1, z2), label);
    }
    assertThat(Snapshots.write(model)).isEqualTo(Snapshots.write(byHand));
    double[] probe = {12};
    assertThat(pipeline.predictProba(probe, new double[2])).containsExactly(byHand.predictProba(
        handMinMax.transform(handScaler.transform(probe, z1), z2), new double[2]));
  }

  @Test
  void stagesMustChain_andSparseRowsAreRefused() {
    assertThatThrownBy(() -> Pipeline.of(new StandardScaler(3), SgdClassifier.builder(2).build()))
        .hasMessageContaining("stage 0").hasMessageContaining("the learner takes 2");
    assertThatThrownBy(() -> Pipeline.of(List.of(), SgdClassifier.builder(2).build()))
        .hasMessageContaining("1 to 64 stages");
    ClassifierPipeline pipeline = newLearner();
    assertThatThrownBy(() -> pipeline.learn(new SparseVector(), 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
