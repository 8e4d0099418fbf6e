package org.brookml.examples.evaluate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.brookml.bayes.GaussianNaiveBayes;
import org.brookml.bayes.MixedNaiveBayes;
import org.brookml.drift.Adwin;
import org.brookml.drift.Cusum;
import org.brookml.drift.Ddm;
import org.brookml.drift.DriftAwareClassifier;
import org.brookml.drift.DriftDetector;
import org.brookml.drift.Eddm;
import org.brookml.drift.HddmA;
import org.brookml.drift.HddmW;
import org.brookml.drift.Kswin;
import org.brookml.drift.PageHinkley;
import org.brookml.ensemble.AdaptiveRandomForest;
import org.brookml.ensemble.DriftAwareForest;
import org.brookml.ensemble.LeveragingBagging;
import org.brookml.ensemble.OnlineAdaBoost;
import org.brookml.ensemble.OnlineBagging;
import org.brookml.ensemble.OnlineEnsemble;
import org.brookml.ensemble.StreamingRandomPatches;
import org.brookml.learner.FeatureSchema;
import org.brookml.learner.OnlineClassifier;
import org.brookml.linear.SgdClassifier;
import org.brookml.linear.SoftmaxRegression;
import org.brookml.multiclass.OneVsRest;
import org.brookml.optim.LearningRate;
import org.brookml.optim.Optimizer;
import org.brookml.preprocess.Pipeline;
import org.brookml.preprocess.StandardScaler;
import org.brookml.svm.PegasosSvm;
import org.brookml.tree.ExtremelyFastDecisionTree;
import org.brookml.tree.HoeffdingAdaptiveTree;
import org.brookml.tree.HoeffdingTree;

/**
 * The classifiers the evaluator builds by name, with their settings; defaults are the library's.
 * An unknown name or setting is refused with the list of what exists.
 */
final class Learners {

  /** Builds a classifier from a spec, for rows of the features and classes of a schema. */
  private interface Factory {
    OnlineClassifier build(Spec spec, FeatureSchema schema);
  }

  private record Entry(String settings, Factory factory) {}

  private static final Map<String, Entry> ALL = new LinkedHashMap<>();

  static {
    ALL.put("hoeffding-tree", new Entry("grace=200, delta=1e-7, tie=0.05, "
        + "leaf=nba|nb|mc, split=info-gain|gini", Learners::tree));
    ALL.put("hoeffding-adaptive-tree", new Entry("grace=200, delta=1e-7, tie=0.05, "
        + "leaf=nba|nb|mc, split=info-gain|gini, drift=0.002, bootstrap=true, seed=1",
        (s, f) -> HoeffdingAdaptiveTree.builder(treeSettings(s, f))
            .driftDelta(s.number("drift", 0.002)).bootstrap(s.flag("bootstrap", true))
            .seed(s.integer("seed", 1)).build()));
    ALL.put("extremely-fast-decision-tree", new Entry("grace=200, delta=1e-7, tie=0.05, "
        + "leaf=nba|nb|mc, split=info-gain|gini, reevaluation=2000",
        (s, f) -> ExtremelyFastDecisionTree.builder(treeSettings(s, f))
            .reevaluationPeriod(s.integer("reevaluation", 2000)).build()));
    ALL.put("naive-bayes", new Entry("(none; mixed with nominal features)",
        (s, f) -> hasNominal(f) ? MixedNaiveBayes.builder(f).build()
            : GaussianNaiveBayes.builder(f.dimension(), classes(f)).build()));
    ALL.put("sgd-logistic", new Entry("optimizer=sgd|averaged|adagrad|adam|ftrl, alpha=1e-4 "
        + "(one-vs-rest beyond two classes)", Learners::logistic));
    ALL.put("softmax", new Entry("optimizer=adagrad|adam|sgd|averaged|ftrl, alpha=1e-4",
        (s, f) -> SoftmaxRegression.builder(f.dimension(), classes(f)).optimizer(optimizer(s, "adagrad")).build()));
    ALL.put("pegasos", new Entry("lambda=1e-4",
        (s, f) -> PegasosSvm.builder(f.dimension(), classes(f)).lambda(s.number("lambda", 1e-4)).build()));
    ALL.put("scaled", new Entry("model=<learner> (standard scaling in front)",
        (s, f) -> Pipeline.of(new StandardScaler(f.dimension()), build(s.spec("model", "sgd-logistic"), f))));
    ALL.put("adaboost", new Entry("base=<learner>, size=10, adwin=<delta>|none, seed=1",
        (s, f) -> ensemble(OnlineAdaBoost.builder(build(s.spec("base", "hoeffding-tree"), f)), s, 0).build()));
    ALL.put("bagging", new Entry("base=<learner>, size=10, adwin=<delta>|none, seed=1",
        (s, f) -> ensemble(OnlineBagging.builder(build(s.spec("base", "hoeffding-tree"), f)), s, 0).build()));
    ALL.put("leveraging-bagging", new Entry("base=<learner>, size=10, lambda=6, "
        + "adwin=<delta>|none (0.002), codes=false, seed=1", (s, f) -> {
          LeveragingBagging.Builder b = LeveragingBagging.builder(
              build(s.spec("base", "hoeffding-tree"), f)).lambda(s.number("lambda", 6))
              .outputCodes(s.flag("codes", false));
          ensemble(b, s, 0.002);
          return b.build();
        }));
    ALL.put("adaptive-random-forest", new Entry("size=100, subset=0 (round(sqrt(d))+1), "
        + "lambda=6, warning=0.01, drift=0.001, weighted=true, seed=1, threads=1",
        (s, f) -> forest(AdaptiveRandomForest.builder(f.dimension(),
            classes(f)).tree(forestTree(f)).featureSubset(s.integer("subset", 0)), s, 0.01, 0.001).build()));
    ALL.put("streaming-random-patches", new Entry("size=100, subspace=60 (percent), lambda=6, "
        + "warning=1e-4, drift=1e-5, weighted=true, seed=1, threads=1",
        (s, f) -> forest(StreamingRandomPatches.builder(f.dimension(),
            classes(f)).tree(forestTree(f)).subspacePercent(s.integer("subspace", 60)), s, 1e-4, 1e-5).build()));
    ALL.put("drift-aware", new Entry("base=<learner>, detector=ddm|eddm|hddm-a|hddm-w|adwin|"
        + "page-hinkley|cusum|kswin", (s, f) -> DriftAwareClassifier.of(
            build(s.spec("base", "hoeffding-tree"), f), detector(s))));
  }

  private Learners() {}

  /** The settings both forests share, from the spec, with the forest's detector defaults. */
  private static <B extends DriftAwareForest.Builder<B>> B forest(B builder, Spec s,
      double warning, double drift) {
    return builder.size(s.integer("size", 100)).lambda(s.number("lambda", 6))
        .warningDelta(s.number("warning", warning)).driftDelta(s.number("drift", drift))
        .weightedVote(s.flag("weighted", true)).seed(s.integer("seed", 1))
        .threads(s.integer("threads", 1));
  }

  /** Every learner with its settings, one per line. */
  static String catalogue() {
    StringBuilder sb = new StringBuilder();
    ALL.forEach((name, e) -> sb.append("  ").append(name).append('(').append(e.settings())
        .append(")\n"));
    return sb.toString();
  }

  /** Builds the learner {@code spec} names, for the features and classes of {@code schema}. */
  static OnlineClassifier build(Spec spec, FeatureSchema schema) {
    Entry entry = ALL.get(spec.name());
    if (entry == null) {
      throw new IllegalArgumentException("no learner named '" + spec.name() + "'; learners:\n"
          + catalogue());
    }
    OnlineClassifier model = entry.factory().build(spec, schema);
    spec.requireAllRead(entry.settings());
    return model;
  }

  private static OnlineClassifier tree(Spec s, FeatureSchema f) {
    return treeSettings(s, f).build();
  }

  /** The trees forests grow by default (grace period 50, delta 0.01), nominal features kept. */
  private static HoeffdingTree forestTree(FeatureSchema f) {
    return HoeffdingTree.builder(f).gracePeriod(50).delta(0.01).build();
  }

  private static int classes(FeatureSchema f) {
    return f.classes().size();
  }

  private static boolean hasNominal(FeatureSchema f) {
    for (int j = 0; j < f.dimension(); j++) {
      if (f.isNominal(j)) {
        return true;
      }
    }
    return false;
  }

  private static HoeffdingTree.Builder treeSettings(Spec s, FeatureSchema f) {
    String leaf = s.word("leaf", "nba", "nba", "nb", "mc");
    return HoeffdingTree.builder(f).gracePeriod(s.integer("grace", 200))
        .delta(s.number("delta", 1e-7)).tieThreshold(s.number("tie", 0.05))
        .leafPrediction(leaf.equals("nba") ? HoeffdingTree.LeafPrediction.NAIVE_BAYES_ADAPTIVE
            : leaf.equals("nb") ? HoeffdingTree.LeafPrediction.NAIVE_BAYES
            : HoeffdingTree.LeafPrediction.MAJORITY_CLASS)
        .splitCriterion(s.word("split", "info-gain", "info-gain", "gini").equals("gini")
            ? HoeffdingTree.SplitCriterion.GINI : HoeffdingTree.SplitCriterion.INFO_GAIN);
  }

  private static OnlineClassifier logistic(Spec s, FeatureSchema f) {
    SgdClassifier binary = SgdClassifier.builder(f.dimension()).optimizer(optimizer(s, "sgd"))
        .build();
    return classes(f) == 2 ? binary : OneVsRest.builder(binary, classes(f)).build();
  }

  private static Optimizer optimizer(Spec s, String fallback) {
    double alpha = s.number("alpha", 1e-4);
    switch (s.word("optimizer", fallback, "sgd", "averaged", "adagrad", "adam", "ftrl")) {
      case "averaged":
        return Optimizer.averagedSgd(LearningRate.optimal(alpha), alpha, 0, 1);
      case "adagrad":
        return Optimizer.adaGrad();
      case "adam":
        return Optimizer.adam();
      case "ftrl":
        return Optimizer.ftrl(0.1, 1, alpha, alpha);
      default:
        return Optimizer.sgd(LearningRate.optimal(alpha), alpha, 0, 1);
    }
  }

  /** Size, seed and ADWIN ({@code adwinDefault} 0: off unless given; "none" turns it off). */
  private static <B extends OnlineEnsemble.Builder<B>> B ensemble(B builder, Spec s,
      double adwinDefault) {
    builder.size(s.integer("size", 10)).seed(s.integer("seed", 1));
    Object adwin = s.settings().getOrDefault("adwin", adwinDefault > 0 ? "" : "none");
    if ("none".equals(String.valueOf(adwin))) {
      s.word("adwin", "none", "none");
      builder.adwin(0);
    } else {
      builder.adwin(s.number("adwin", adwinDefault)); // ADWIN's confidence delta
    }
    return builder;
  }

  private static DriftDetector detector(Spec s) {
    switch (s.word("detector", "ddm", "ddm", "eddm", "hddm-a", "hddm-w", "adwin",
        "page-hinkley", "cusum", "kswin")) {
      case "eddm":
        return Eddm.builder().build();
      case "hddm-a":
        return HddmA.builder().build();
      case "hddm-w":
        return HddmW.builder().build();
      case "adwin":
        return Adwin.create();
      case "page-hinkley":
        return PageHinkley.builder().build();
      case "cusum":
        return Cusum.builder().build();
      case "kswin":
        return Kswin.builder().build();
      default:
        return Ddm.builder().build();
    }
  }
}
