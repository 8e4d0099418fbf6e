package org.brookml.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.brookml.bayes.GaussianNaiveBayes;
import org.brookml.bayes.MixedNaiveBayes;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.drift.Adwin;
import org.brookml.drift.Cusum;
import org.brookml.drift.Ddm;
import org.brookml.drift.DriftAwareClassifier;
import org.brookml.drift.Eddm;
import org.brookml.drift.HddmA;
import org.brookml.drift.HddmW;
import org.brookml.drift.Kswin;
import org.brookml.drift.PageHinkley;
import org.brookml.ensemble.AdaptiveRandomForest;
import org.brookml.ensemble.LeveragingBagging;
import org.brookml.ensemble.OnlineAdaBoost;
import org.brookml.ensemble.OnlineBagging;
import org.brookml.ensemble.StreamingRandomPatches;
import org.brookml.learner.OnlineLearner;
import org.brookml.linear.RecursiveLeastSquares;
import org.brookml.linear.SgdClassifier;
import org.brookml.linear.SgdRegressor;
import org.brookml.linear.SoftmaxRegression;
import org.brookml.optim.LearningRate;
import org.brookml.optim.Losses;
import org.brookml.optim.Optimizer;
import org.brookml.multiclass.OneVsRest;
import org.brookml.preprocess.CategoryEncoder;
import org.brookml.preprocess.ClassifierPipeline;
import org.brookml.preprocess.FeatureHasher;
import org.brookml.preprocess.Imputer;
import org.brookml.preprocess.HashedClassifier;
import org.brookml.preprocess.MinMaxScaler;
import org.brookml.preprocess.Pipeline;
import org.brookml.preprocess.RegressorPipeline;
import org.brookml.preprocess.RobustScaler;
import org.brookml.preprocess.StandardScaler;
import org.brookml.svm.PegasosSvm;
import org.brookml.tree.ExtremelyFastDecisionTree;
import org.brookml.tree.HoeffdingAdaptiveTree;
import org.brookml.tree.HoeffdingTree;

/**
 * One trained model of every built-in model type (some types in two settings), with non-trivial
 * learned state: optimizer statistics, trees with splits, ensembles, pipelines. Shared by the codec
 * fuzz test and the stored snapshot fixtures.
 */
final class TrainedModels {

  private TrainedModels() {}

  /** Each model type at least once, trained on the same seeded rows, by fixture name. */
  static Map<String, OnlineLearner> all() {
    SplittableRandom random = new SplittableRandom(1);
    double[] x = new double[4];
    SgdClassifier logistic = SgdClassifier.builder(4)
        .optimizer(Optimizer.averagedSgd(LearningRate.optimal(1e-3), 1e-3, 0.3, 1)).build();
    SgdClassifier ftrl = SgdClassifier.builder(4).optimizer(Optimizer.ftrl(0.1, 1, 0.01, 0.01))
        .build();
    SgdRegressor poisson = SgdRegressor.builder(4).loss(Losses.poisson())
        .optimizer(Optimizer.adam(0.01, 0.9, 0.999, 0)).build();
    SoftmaxRegression softmax =
        SoftmaxRegression.builder(4, 3).optimizer(Optimizer.adaGrad(0.1, 0)).build();
    RecursiveLeastSquares rls = RecursiveLeastSquares.builder(4).forgetting(0.99).delta(100)
        .build();
    PegasosSvm pegasos = PegasosSvm.builder(4, 3).averaging(true).build();
    ClassifierPipeline scaled =
        Pipeline.of(new StandardScaler(4), SgdClassifier.builder(4).build());
    RegressorPipeline scaledRegression = Pipeline.of(new RobustScaler(4), new MinMaxScaler(4),
        SgdRegressor.builder(4).build());
    StandardScaler standard = new StandardScaler(4);
    Imputer imputer = Imputer.builder(4).mostFrequent(3).maxValues(4).build();
    MixedNaiveBayes mixed = MixedNaiveBayes.builder(4, 3).nominal(2, 5).build();
    MinMaxScaler minMax = new MinMaxScaler(4);
    RobustScaler robust = new RobustScaler(4);
    CategoryEncoder encoder = CategoryEncoder.builder(3).categorical(0, 2)
        .encoding(CategoryEncoder.Encoding.ONE_HOT).maxCategories(4)
        .unseen(CategoryEncoder.Unseen.OTHER).build();
    double[] encoded = new double[encoder.outputDimension()];
    String[] words = {"north", "south", "east", "west", "up"};
    HashedClassifier hashed = HashedClassifier.of(new FeatureHasher(3, true),
        SgdClassifier.builder(8).optimizer(Optimizer.adaGrad(0.1, 0)).build());
    MiniBatchKMeans kmeans = MiniBatchKMeans.builder(3, 4).initBufferSize(20).build();
    GaussianNaiveBayes bayes = GaussianNaiveBayes.builder(4, 3).build();
    HoeffdingTree tree = HoeffdingTree.builder(4, 2).gracePeriod(20).build();
    HoeffdingTree nominalTree = HoeffdingTree.builder(4, 3).nominal(2, 5).gracePeriod(20).build();
    HoeffdingAdaptiveTree adaptiveTree = HoeffdingAdaptiveTree.builder(HoeffdingTree.builder(4, 3)
        .nominal(2, 5).gracePeriod(20)).seed(4).build();
    ExtremelyFastDecisionTree anytimeTree = ExtremelyFastDecisionTree.builder(HoeffdingTree
        .builder(4, 3).nominal(2, 5).gracePeriod(20).delta(0.01)).reevaluationPeriod(30).build();
    HoeffdingTree subspaces = HoeffdingTree.builder(4, 2).gracePeriod(20).featureSubset(2)
        .seed(8).build();
    OnlineBagging bagging = OnlineBagging.builder(HoeffdingTree.builder(4, 2).gracePeriod(20)
        .build()).size(2).adwin(0.01).build();
    OneVsRest oneVsRest = OneVsRest.builder(SgdClassifier.builder(4).build(), 3).build();
    Ddm ddm = Ddm.builder().build();
    Eddm eddm = Eddm.builder().build();
    HddmA hddmA = HddmA.builder().build();
    HddmW hddmW = HddmW.builder().twoSided(true).build();
    Kswin kswin = Kswin.builder().windowSize(40).statSize(10).seed(3).build();
    DriftAwareClassifier driftAware = DriftAwareClassifier.of(
        GaussianNaiveBayes.builder(4, 2).build(), HddmA.builder().build());
    PageHinkley pageHinkley = PageHinkley.builder().build();
    Cusum cusum = Cusum.builder().build();
    Adwin adwin = Adwin.create();
    OnlineAdaBoost boost = OnlineAdaBoost.builder(GaussianNaiveBayes.builder(4, 2).build())
        .size(2).build();
    AdaptiveRandomForest forest = AdaptiveRandomForest.builder(4, 2).size(3).tree(
        HoeffdingTree.builder(4, 2).gracePeriod(20).delta(0.01).build()).seed(5).build();
    StreamingRandomPatches patches = StreamingRandomPatches.builder(4, 2).size(3).tree(
        HoeffdingTree.builder(4, 2).gracePeriod(20).delta(0.01).build()).seed(6)
        .warningDelta(0.01).driftDelta(0.001).build();
    LeveragingBagging leveraging = LeveragingBagging.builder(HoeffdingTree.builder(4, 3)
        .gracePeriod(20).build()).size(3).outputCodes(true).build();
    for (int i = 0; i < 200; i++) {
      for (int j = 0; j < 4; j++) {
        x[j] = random.nextGaussian();
      }
      int label = x[0] > 0 ? 1 : 0;
      logistic.learn(x, label);
      ftrl.learn(x, label);
      poisson.learn(x, random.nextInt(4));
      softmax.learn(x, random.nextInt(3));
      rls.learn(x, x[0] + 2 * x[1]);
      pegasos.learn(x, random.nextInt(3));
      scaled.learn(x, label);
      scaledRegression.learn(x, x[2]);
      standard.learn(x);
      minMax.learn(x);
      robust.learn(x);
      encoder.learn(new Object[] {words[random.nextInt(5)], x[1], label == 1 ? "yes" : "no"},
          encoded);
      hashed.learn(Map.of("a", x[0], "b", x[1] > 0 ? "up" : "down"), label);
      kmeans.learn(x);
      bayes.learn(x, random.nextInt(3));
      tree.learn(x, label);
      bagging.learn(x, label);
      boost.learn(x, label);
      leveraging.learn(x, (label + (x[2] > 0.5 ? 1 : 0)) % 3);
      forest.learn(x, i < 120 ? label : 1 - label); // a flip: warnings and drifts
      patches.learn(x, i < 120 ? label : 1 - label);
      subspaces.learn(x, label);
      int value = i % 5;
      nominalTree.learn(new double[] {i % 6 == 0 ? Double.NaN : x[0], x[1],
          i % 7 == 0 ? Double.NaN : value, x[3]}, value < 2 ? 0 : value == 2 ? label : 2);
      if (adaptiveTree.alternatesStarted() == 0 || adaptiveTree.samplesSeen() % 10 != 0) {
        // a change at 110, then learning stops on the tenth example after an alternate started
        adaptiveTree.learn(new double[] {x[0], x[1], i % 7 == 0 ? Double.NaN : value, x[3]},
            i < 110 ? label : (value + 1) % 3);
      }
      anytimeTree.learn(new double[] {x[0], i % 9 == 0 ? Double.NaN : x[1], value, x[3]},
          i < 100 ? label : value % 3); // a change of concept: splits are revised
      mixed.learn(new double[] {i % 6 == 0 ? Double.NaN : x[0], x[1], i % 5, x[3]},
          (label + i % 2) % 3);
      imputer.learn(new double[] {i % 5 == 0 ? Double.NaN : x[0], x[1], x[2], i % 7 == 0
          ? Double.NaN : (i % 3)});
      oneVsRest.learn(x, x[3] > 0.5 ? 2 : label);
      double error = x[1] > 1 ? 1 : 0; // about 16% errors
      ddm.update(error);
      eddm.update(error);
      hddmA.update(error);
      hddmW.update(error);
      kswin.update(x[1] + (i > 120 ? 3 : 0)); // a shift in the mean
      driftAware.learn(x, i < 100 ? label : 1 - label); // the concept flips halfway
      pageHinkley.update(0.1 * x[2]);
      cusum.update(0.1 * x[3]);
      adwin.update(error);
    }
    Map<String, OnlineLearner> models = new LinkedHashMap<>();
    models.put("sgd-classifier-averaged-sgd", logistic);
    models.put("sgd-classifier-ftrl", ftrl);
    models.put("sgd-regressor-poisson-adam", poisson);
    models.put("softmax-regression-adagrad", softmax);
    models.put("recursive-least-squares", rls);
    models.put("pegasos-averaged-three-classes", pegasos);
    models.put("standard-scaled-sgd", scaled);
    models.put("robust-minmax-scaled-sgd", scaledRegression);
    models.put("standard-scaler", standard);
    models.put("minmax-scaler", minMax);
    models.put("robust-scaler", robust);
    models.put("one-hot-encoder", encoder);
    models.put("hashed-classifier", hashed);
    models.put("minibatch-kmeans", kmeans);
    models.put("gaussian-naive-bayes", bayes);
    models.put("hoeffding-tree", tree);
    models.put("hoeffding-tree-feature-subsets", subspaces);
    models.put("hoeffding-tree-nominal-missing", nominalTree);
    models.put("hoeffding-adaptive-tree-alternates", adaptiveTree);
    models.put("extremely-fast-decision-tree-revised", anytimeTree);
    models.put("bagging-adwin-trees", bagging);
    models.put("leveraging-bagging-output-codes", leveraging);
    models.put("adaptive-random-forest", forest);
    models.put("streaming-random-patches", patches);
    models.put("imputer", imputer);
    models.put("mixed-naive-bayes", mixed);
    models.put("adaboost-naive-bayes", boost);
    models.put("one-vs-rest-logistic", oneVsRest);
    models.put("ddm", ddm);
    models.put("eddm", eddm);
    models.put("hddm-a", hddmA);
    models.put("hddm-w", hddmW);
    models.put("kswin", kswin);
    models.put("drift-aware-naive-bayes", driftAware);
    models.put("page-hinkley", pageHinkley);
    models.put("cusum", cusum);
    models.put("adwin", adwin);
    return models;
  }
}
