package org.brookml.internal.vector;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Chooses the kernel implementation once per JVM and hands out its narrow families (after Lucene's
 * {@code VectorizationProvider}): {@link #primitives()}, {@link #optimizerSteps()},
 * {@link #centroids()}, {@link #gaussians()} and {@link #splits()}. The Vector API path is taken only when all of
 * these hold: the system property {@code brook.vector} is {@code auto} (default) or {@code panama};
 * the module {@code jdk.incubator.vector} is in the boot layer; the platform prefers vectors of at
 * least 256 bits; the JIT is not limited to C1 or the interpreter; and the Java feature version is
 * at most {@value #NEWEST_TESTED_JAVA} (checked; {@code panama} overrides this bound). Otherwise the
 * scalar kernels run and the reason is logged once at level INFO.
 */
public final class VectorKernelsProvider {

  /** Newest Java feature release the Vector API kernels were tested on. */
  static final int NEWEST_TESTED_JAVA = 25;

  private static final System.Logger LOG = System.getLogger(VectorKernelsProvider.class.getName());

  private VectorKernelsProvider() {}

  /** The kernels chosen for this JVM. */
  public static KernelSet kernels() {
    return Holder.KERNELS;
  }

  /** The chosen dense primitives. */
  public static VectorPrimitives primitives() {
    return Holder.KERNELS.primitives();
  }

  /** The chosen optimizer steps. */
  public static OptimizerKernels optimizerSteps() {
    return Holder.KERNELS.optimizerSteps();
  }

  /** The chosen nearest-centre search. */
  public static CentroidKernels centroids() {
    return Holder.KERNELS.centroids();
  }

  /** The chosen Gaussian statistics kernels. */
  public static GaussianKernels gaussians() {
    return Holder.KERNELS.gaussians();
  }

  /** The chosen split-scoring kernels. */
  public static SplitKernels splits() {
    return Holder.KERNELS.splits();
  }

  /** The Vector API kernels if they can run here, or {@code null}; ignores {@code brook.vector}. */
  public static KernelSet panamaOrNull() {
    return Holder.PANAMA;
  }

  // Lazily initialized so that class-init order can never deadlock or touch the Vector API early.
  private static final class Holder {
    static final KernelSet PANAMA = loadPanama(false);
    static final KernelSet KERNELS = choose();
  }

  private static KernelSet choose() {
    String mode = System.getProperty("brook.vector", "auto").trim().toLowerCase(Locale.ROOT);
    switch (mode) {
      case "scalar":
        LOG.log(System.Logger.Level.DEBUG, "Brook kernels: scalar (brook.vector=scalar)");
        return KernelSet.SCALAR;
      case "auto":
      case "panama":
        KernelSet panama = mode.equals("panama") ? loadPanama(true) : Holder.PANAMA;
        if (panama != null) {
          LOG.log(System.Logger.Level.DEBUG, "Brook kernels: " + panama.name());
          return panama;
        }
        return KernelSet.SCALAR;
      default:
        throw new IllegalArgumentException(
            "brook.vector must be auto, panama or scalar, got '" + mode + "'");
    }
  }

  private static KernelSet loadPanama(boolean ignoreVersionBound) {
    String reason = unavailableReason(ignoreVersionBound);
    if (reason != null) {
      LOG.log(System.Logger.Level.INFO, "Brook kernels: scalar, because " + reason);
      return null;
    }
    try {
      Module vectorModule = ModuleLayer.boot().findModule("jdk.incubator.vector").orElseThrow();
      VectorKernelsProvider.class.getModule().addReads(vectorModule);
      KernelSet kernels = new KernelSet("panama-" + preferredVectorBits(),
          panama(VectorPrimitives.class), panama(OptimizerKernels.class),
          panama(CentroidKernels.class), panama(GaussianKernels.class), panama(SplitKernels.class));
      int preferredBits = preferredVectorBits();
      if (preferredBits < 256) {
        LOG.log(System.Logger.Level.INFO,
            "Brook kernels: scalar, because the preferred vector size is " + preferredBits + " bits");
        return null;
      }
      return kernels;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.log(System.Logger.Level.INFO, "Brook kernels: scalar, because the Vector API failed: " + e);
      return null;
    }
  }

  /** The Vector API implementation of a family, {@code PanamaFamily}, loaded by name. */
  private static <F> F panama(Class<F> family) throws ReflectiveOperationException {
    Class<?> type = Class.forName("org.brookml.internal.vector.Panama" + family.getSimpleName());
    return family.cast(type.getDeclaredConstructor().newInstance());
  }

  private static int preferredVectorBits() throws ReflectiveOperationException {
    // Read through reflection so this class never links against the incubator module itself.
    Class<?> doubleVector = Class.forName("jdk.incubator.vector.DoubleVector");
    Object species = doubleVector.getField("SPECIES_PREFERRED").get(null);
    Class<?> speciesType = Class.forName("jdk.incubator.vector.VectorSpecies");
    return (Integer) speciesType.getMethod("vectorBitSize").invoke(species);
  }

  private static String unavailableReason(boolean ignoreVersionBound) {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return "the module jdk.incubator.vector is absent (start with --add-modules jdk.incubator.vector)";
    }
    int feature = Runtime.version().feature();
    if (!ignoreVersionBound && feature > NEWEST_TESTED_JAVA) {
      return "Java " + feature + " is newer than the newest tested (" + NEWEST_TESTED_JAVA
          + "); set -Dbrook.vector=panama to use it anyway";
    }
    String vmInfo = System.getProperty("java.vm.info", "");
    if (vmInfo.contains("interpreted")) {
      return "the JVM runs interpreted only";
    }
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-XX:TieredStopAtLevel=") && !arg.endsWith("=4")) {
        return "C2 is disabled (" + arg + ")";
      }
    }
    return null;
  }
}
