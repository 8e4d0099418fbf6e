package org.brookml.bench.vector;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.brookml.internal.vector.KernelSet;
import org.brookml.internal.vector.VectorKernelsProvider;
import org.brookml.internal.vector.VectorPrimitives;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scalar against Vector API kernels, same JVM flags for both (the module is added to every fork),
 * so the only difference is the implementation. Sizes include odd ones to exercise the tails.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class VectorKernelsBenchmark {

  @Param({"16", "100", "1000", "1023"})
  int size;

  @Param({"scalar", "panama"})
  String impl;

  private VectorPrimitives kernels;
  private double[] a;
  private double[] b;
  private double alpha = 1e-9;

  @Setup
  public void setUp() {
    KernelSet set = impl.equals("scalar") ? KernelSet.SCALAR : VectorKernelsProvider.panamaOrNull();
    if (set == null) {
      throw new IllegalStateException("Vector API kernels unavailable in this JVM");
    }
    kernels = set.primitives();
    SplittableRandom random = new SplittableRandom(size);
    a = random.doubles(size, -1, 1).toArray();
    b = random.doubles(size, -1, 1).toArray();
  }

  @Benchmark
  public double dot() {
    return kernels.dot(a, 0, b, 0, size);
  }

  @Benchmark
  public double squaredDistance() {
    return kernels.squaredDistance(a, 0, b, 0, size);
  }

  @Benchmark
  public double[] axpy() {
    // alpha flips sign each call so b stays bounded.
    alpha = -alpha;
    kernels.axpy(alpha, a, 0, b, 0, size);
    return b;
  }
}
