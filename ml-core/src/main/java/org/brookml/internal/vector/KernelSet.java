package org.brookml.internal.vector;

/**
 * One implementation of every kernel family, scalar or Vector API, as {@link VectorKernelsProvider}
 * hands them out: primitives, optimizer steps, centroid search, Gaussian statistics and split
 * scoring. Each family is a narrow interface with its own scalar and Vector API classes, so that a
 * new optimizer step or split criterion touches its own family only.
 */
public final class KernelSet {

  /** The plain-Java kernels, always available. */
  public static final KernelSet SCALAR = new KernelSet("scalar", ScalarVectorPrimitives.INSTANCE,
      ScalarOptimizerKernels.INSTANCE, ScalarCentroidKernels.INSTANCE,
      ScalarGaussianKernels.INSTANCE, ScalarSplitKernels.INSTANCE);

  private final String name;
  private final VectorPrimitives primitives;
  private final OptimizerKernels optimizerSteps;
  private final CentroidKernels centroids;
  private final GaussianKernels gaussians;
  private final SplitKernels splits;

  KernelSet(String name, VectorPrimitives primitives, OptimizerKernels optimizerSteps,
      CentroidKernels centroids, GaussianKernels gaussians, SplitKernels splits) {
    this.name = name;
    this.primitives = primitives;
    this.optimizerSteps = optimizerSteps;
    this.centroids = centroids;
    this.gaussians = gaussians;
    this.splits = splits;
  }

  /** Short name of this implementation, for logs and benchmark reports. */
  public String name() {
    return name;
  }

  /** Dot products, axpy, scaling, distances. */
  public VectorPrimitives primitives() {
    return primitives;
  }

  /** AdaGrad and FTRL-Proximal steps. */
  public OptimizerKernels optimizerSteps() {
    return optimizerSteps;
  }

  /** Nearest-centre search. */
  public CentroidKernels centroids() {
    return centroids;
  }

  /** Weighted normal statistics and naive-Bayes log-likelihoods. */
  public GaussianKernels gaussians() {
    return gaussians;
  }

  /** Hoeffding-tree split scoring. */
  public SplitKernels splits() {
    return splits;
  }
}
