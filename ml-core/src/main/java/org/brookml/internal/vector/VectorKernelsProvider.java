package org.brookml.internal.vector;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Chooses the kernel implementation once per JVM and hands out its narrow families (after Lucene's
 * {@code VectorizationProvider}): {@link #primitives()}, {@link #optimizerSteps()},
 * {@link #centroids()}, {@link #gaussians()} and {@link #splits()}.
 *
 * <p>The system property {@code brook.vector} says what to use: {@code auto} (the default) takes
 * the Vector API kernels when all of these hold, else the scalar ones: the module
 * {@code jdk.incubator.vector} is in the boot layer; the platform prefers vectors of at least 256
 * bits; the JIT is not limited to C1 or the interpreter; and the Java feature version is at most
 * {@value #NEWEST_TESTED_JAVA}. {@code panama} insists on the Vector API (any Java version) and
 * {@code scalar} on the scalar kernels. The choice and its reason are logged once, at level DEBUG.
 *
 * <p>The system property {@code brook.vector.bits} sets the Vector API kernels' lane width:
 * {@code auto} (the default) takes 512 bits where the platform prefers at least that, else 256;
 * {@code 256} or {@code 512} ask for that width (256-bit lanes were faster on an AVX-512 VM for
 * trees and in-cache linear steps). A width wider than the platform prefers cannot be honoured.
 *
 * <p>A value that is none of these, {@code panama} where the Vector API cannot run, or a width that
 * cannot be honoured where the Vector API kernels would run, is a configuration error: every call
 * for kernels throws an {@link IllegalStateException} saying so, each time, rather than failing a
 * class initializer once and leaving classes unusable. Callers therefore ask this class at each use
 * (the methods read constants and are free once compiled) instead of keeping a family in a static
 * field.
 */
public final class VectorKernelsProvider {

  /** Newest Java feature release the Vector API kernels were tested on. */
  static final int NEWEST_TESTED_JAVA = 25;

  private static final System.Logger LOG = System.getLogger(VectorKernelsProvider.class.getName());

  private static final String WIDTH_PROPERTY = "brook.vector.bits";

  // The Vector API kernels' lane width in bits, set once, before they load; PanamaSupport reads it
  // through panamaBits() when it initializes.
  private static int panamaBits;

  private VectorKernelsProvider() {}

  /**
   * The kernels chosen for this JVM.
   *
   * @throws IllegalStateException if {@code brook.vector} is invalid or cannot be honoured
   */
  public static KernelSet kernels() {
    if (Holder.ERROR != null) {
      throw new IllegalStateException(Holder.ERROR);
    }
    return Holder.KERNELS;
  }

  /** The chosen dense primitives; see {@link #kernels()}. */
  public static VectorPrimitives primitives() {
    if (Holder.ERROR != null) {
      throw new IllegalStateException(Holder.ERROR);
    }
    return Holder.PRIMITIVES;
  }

  /** The chosen optimizer steps; see {@link #kernels()}. */
  public static OptimizerKernels optimizerSteps() {
    return kernels().optimizerSteps();
  }

  /** The chosen nearest-centre search; see {@link #kernels()}. */
  public static CentroidKernels centroids() {
    return kernels().centroids();
  }

  /** The chosen Gaussian statistics kernels; see {@link #kernels()}. */
  public static GaussianKernels gaussians() {
    return kernels().gaussians();
  }

  /** The chosen split-scoring kernels; see {@link #kernels()}. */
  public static SplitKernels splits() {
    return kernels().splits();
  }

  /** The Vector API kernels if they can run here, or {@code null}; ignores {@code brook.vector}. */
  public static KernelSet panamaOrNull() {
    return Holder.PANAMA;
  }

  /** The lane width the Vector API kernels were loaded with: 256 or 512 (0 before they load). */
  static int panamaBits() {
    return panamaBits;
  }

  /** What {@link #choose} found: the kernels, or the configuration error; never both. */
  private static final class Choice {
    final KernelSet kernels;
    final KernelSet panama;
    final String error;

    Choice(KernelSet kernels, KernelSet panama, String error) {
      this.kernels = kernels;
      this.panama = panama;
      this.error = error;
    }
  }

  // Lazily initialized so that class-init order can never deadlock or touch the Vector API early.
  // Its initializer never throws: a configuration error is kept and reported by every call.
  private static final class Holder {
    static final Choice CHOICE = choose();
    static final KernelSet KERNELS = CHOICE.kernels;
    static final KernelSet PANAMA = CHOICE.panama;
    static final String ERROR = CHOICE.error;
    static final VectorPrimitives PRIMITIVES = KERNELS == null ? null : KERNELS.primitives();
  }

  private static Choice choose() {
    String mode = System.getProperty("brook.vector", "auto").trim().toLowerCase(Locale.ROOT);
    if (!mode.equals("auto") && !mode.equals("panama") && !mode.equals("scalar")) {
      return new Choice(null, null, "the system property brook.vector must be auto, panama or "
          + "scalar, got '" + mode + "'");
    }
    String width = System.getProperty(WIDTH_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    if (!width.equals("auto") && !width.equals("256") && !width.equals("512")) {
      return new Choice(null, null, "the system property " + WIDTH_PROPERTY + " must be auto, 256 "
          + "or 512, got '" + width + "'");
    }
    // reason[0]: why the Vector API cannot run; reason[1]: a width it cannot give, an error
    // wherever its kernels would run.
    String[] reason = new String[2];
    int requestedBits = width.equals("auto") ? 0 : Integer.parseInt(width);
    KernelSet panama = loadPanama(mode.equals("panama"), requestedBits, reason);
    if (reason[1] != null && !mode.equals("scalar")) {
      return new Choice(null, null, reason[1]);
    }
    if (mode.equals("panama") && panama == null) {
      return new Choice(null, null, "brook.vector=panama asks for the Vector API kernels, but "
          + "they cannot run: " + reason[0] + "; remove the property to fall back to scalar");
    }
    KernelSet chosen = mode.equals("scalar") || panama == null ? KernelSet.SCALAR : panama;
    LOG.log(System.Logger.Level.DEBUG, "Brook kernels: " + chosen.name() + " (brook.vector="
        + mode + (panama == null ? ", Vector API unavailable: "
            + (reason[0] != null ? reason[0] : reason[1]) : "") + ")");
    return new Choice(chosen, panama, null);
  }

  /**
   * The Vector API kernels with lanes of {@code requestedBits} (0: the platform's choice), or null
   * with {@code reason[0]} saying why they cannot run, or {@code reason[1]} that the width asked
   * for is wider than the platform prefers.
   */
  private static KernelSet loadPanama(boolean ignoreVersionBound, int requestedBits,
      String[] reason) {
    reason[0] = unavailableReason(ignoreVersionBound);
    if (reason[0] != null) {
      return null;
    }
    try {
      Module vectorModule = ModuleLayer.boot().findModule("jdk.incubator.vector").orElseThrow();
      VectorKernelsProvider.class.getModule().addReads(vectorModule);
      int preferredBits = preferredVectorBits();
      if (preferredBits < 256) {
        reason[0] = "the preferred vector size is " + preferredBits + " bits";
        return null;
      }
      int bits = requestedBits != 0 ? requestedBits : preferredBits >= 512 ? 512 : 256;
      if (bits > preferredBits) {
        reason[1] = WIDTH_PROPERTY + "=" + bits + " asks for " + bits + "-bit vectors, but the "
            + "platform prefers " + preferredBits + "-bit ones";
        return null;
      }
      panamaBits = bits;
      return new KernelSet("panama-" + bits,
          panama(VectorPrimitives.class), panama(OptimizerKernels.class),
          panama(CentroidKernels.class), panama(GaussianKernels.class), panama(SplitKernels.class));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      reason[0] = "the Vector API failed: " + e;
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
