package org.brookml.learner;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brookml.bayes.GaussianNaiveBayes;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.ensemble.OnlineBagging;
import org.brookml.linear.RecursiveLeastSquares;
import org.brookml.linear.SgdClassifier;
import org.brookml.linear.SgdRegressor;
import org.brookml.linear.SoftmaxRegression;
import org.brookml.preprocess.RobustScaler;
import org.brookml.preprocess.StandardScaler;
import org.brookml.svm.PegasosSvm;
import org.brookml.tree.HoeffdingTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Sizes far too large fail at once with an IllegalArgumentException that names the setting,
 * before anything is allocated: no OutOfMemoryError, ArithmeticException or index overflow.
 */
class SizeLimitsTest {

  @Test
  void everyBuilder_refusesSizesBeyondTheLimits_namingTheSetting() {
    int huge = Integer.MAX_VALUE;
    List<Map.Entry<String, Executable>> builds = new ArrayList<>();
    builds.add(Map.entry("dimension", () -> SgdClassifier.builder(huge).build()));
    builds.add(Map.entry("dimension", () -> SgdRegressor.builder(huge).build()));
    builds.add(Map.entry("numClasses x dimension",
        () -> SoftmaxRegression.builder(1 << 20, 1 << 16)));
    builds.add(Map.entry("numClasses x dimension",
        () -> HoeffdingTree.builder(65_536, 65_536)));
    builds.add(Map.entry("dimension", () -> HoeffdingTree.builder(huge, 2)));
    builds.add(Map.entry("dimension", () -> MiniBatchKMeans.builder(1, 1 << 28)));
    builds.add(Map.entry("k x dimension", () -> MiniBatchKMeans.builder(1 << 16, 1 << 16)));
    builds.add(Map.entry("numClasses x dimension",
        () -> GaussianNaiveBayes.builder(1 << 16, 1 << 16)));
    builds.add(Map.entry("dimension", () -> GaussianNaiveBayes.builder(huge, 2)));
    builds.add(Map.entry("numClasses", () -> PegasosSvm.builder(2, huge)));
    builds.add(Map.entry("numClasses x dimension",
        () -> PegasosSvm.builder(1 << 20, 1 << 16)));
    builds.add(Map.entry("dimension", () -> new StandardScaler(huge)));
    builds.add(Map.entry("dimension", () -> new RobustScaler(huge)));
    builds.add(Map.entry("dimension", () -> RecursiveLeastSquares.builder(16_384)));
    builds.add(Map.entry("ensemble size",
        () -> OnlineBagging.builder(SgdClassifier.builder(2).build()).size(huge).build()));
    for (int i = 0; i < builds.size(); i++) {
      Map.Entry<String, Executable> build = builds.get(i);
      assertThatThrownBy(build.getValue()::execute).as("case %d", i)
          .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(build.getKey());
    }
  }
}
