/**
 * Brook core: online learners, the kernels they run on, snapshots, and evaluation.
 *
 * <p>The Vector API kernels are used when the JVM is started with
 * {@code --add-modules jdk.incubator.vector}; without it the scalar kernels run and nothing fails.
 * Packages under {@code org.brookml.internal} are not exported.
 */
module org.brookml.core {
  requires java.management;

  exports org.brookml.vector;
  exports org.brookml.learner;
  exports org.brookml.cluster;
  exports org.brookml.optim;
  exports org.brookml.linear;
  exports org.brookml.preprocess;
  exports org.brookml.svm;
  exports org.brookml.bayes;
  exports org.brookml.tree;
  exports org.brookml.ensemble;
  exports org.brookml.multiclass;
  exports org.brookml.drift;
  exports org.brookml.stream;
  exports org.brookml.io;
  exports org.brookml.eval;
  exports org.brookml.data;

  uses org.brookml.io.ModelCodec;

  // Brook's own snapshot codecs; META-INF/services/org.brookml.io.ModelCodec lists the same for
  // class-path users (ServiceDeclarationsTest keeps the two equal).
  provides org.brookml.io.ModelCodec with
      org.brookml.bayes.GaussianNaiveBayesCodec,
      org.brookml.bayes.MixedNaiveBayesCodec,
      org.brookml.cluster.MiniBatchKMeansCodec,
      org.brookml.drift.AdwinCodec,
      org.brookml.drift.CusumCodec,
      org.brookml.drift.DriftAwareClassifierCodec,
      org.brookml.drift.DdmCodec,
      org.brookml.drift.EddmCodec,
      org.brookml.drift.HddmACodec,
      org.brookml.drift.HddmWCodec,
      org.brookml.drift.KswinCodec,
      org.brookml.drift.PageHinkleyCodec,
      org.brookml.ensemble.AdaptiveRandomForestCodec,
      org.brookml.ensemble.StreamingRandomPatchesCodec,
      org.brookml.ensemble.LeveragingBaggingCodec,
      org.brookml.ensemble.OnlineAdaBoostCodec,
      org.brookml.ensemble.OnlineBaggingCodec,
      org.brookml.linear.RecursiveLeastSquaresCodec,
      org.brookml.linear.SgdClassifierCodec,
      org.brookml.linear.SgdRegressorCodec,
      org.brookml.linear.SoftmaxRegressionCodec,
      org.brookml.multiclass.OneVsRestCodec,
      org.brookml.preprocess.CategoryEncoderCodec,
      org.brookml.preprocess.ClassifierPipelineCodec,
      org.brookml.preprocess.HashedClassifierCodec,
      org.brookml.preprocess.ImputerCodec,
      org.brookml.preprocess.MinMaxScalerCodec,
      org.brookml.preprocess.RegressorPipelineCodec,
      org.brookml.preprocess.RobustScalerCodec,
      org.brookml.preprocess.ScaledClassifierCodec,
      org.brookml.preprocess.ScaledRegressorCodec,
      org.brookml.preprocess.StandardScalerCodec,
      org.brookml.svm.PegasosSvmCodec,
      org.brookml.tree.ExtremelyFastDecisionTreeCodec,
      org.brookml.tree.HoeffdingAdaptiveTreeCodec,
      org.brookml.tree.HoeffdingTreeCodec;
}
