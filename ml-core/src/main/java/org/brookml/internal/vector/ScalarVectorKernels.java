package org.brookml.internal.vector;

/**
 * Plain-Java kernels. Element-wise loops are left simple so that C2 vectorizes them; reductions use
 * four independent accumulators, because floating-point addition is not associative and the JIT will
 * not split a single-accumulator sum by itself.
 */
public final class ScalarVectorKernels implements VectorKernels {

  public static final ScalarVectorKernels INSTANCE = new ScalarVectorKernels();

  private ScalarVectorKernels() {}

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    int bound = n & ~3;
    for (; i < bound; i += 4) {
      s0 += a[aOff + i] * b[bOff + i];
      s1 += a[aOff + i + 1] * b[bOff + i + 1];
      s2 += a[aOff + i + 2] * b[bOff + i + 2];
      s3 += a[aOff + i + 3] * b[bOff + i + 3];
    }
    for (; i < n; i++) {
      s0 += a[aOff + i] * b[bOff + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  @Override
  public void scale(double alpha, double[] x, int off, int n) {
    for (int i = 0; i < n; i++) {
      x[off + i] *= alpha;
    }
  }

  @Override
  public double squaredDistance(double[] a, int aOff, double[] b, int bOff, int n) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    int bound = n & ~3;
    for (; i < bound; i += 4) {
      double d0 = a[aOff + i] - b[bOff + i];
      double d1 = a[aOff + i + 1] - b[bOff + i + 1];
      double d2 = a[aOff + i + 2] - b[bOff + i + 2];
      double d3 = a[aOff + i + 3] - b[bOff + i + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; i < n; i++) {
      double d0 = a[aOff + i] - b[bOff + i];
      s0 += d0 * d0;
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public int nearestCenter(
      double[] x, int xOff, int d, double[] transposedCenters, double[] norms, int stride,
      double[] scratch) {
    // scratch[c] = x . centre c, accumulated coordinate by coordinate: the inner loop runs across
    // centres with unit stride, which C2 vectorizes.
    for (int c = 0; c < stride; c++) {
      scratch[c] = 0;
    }
    for (int j = 0; j < d; j++) {
      double xj = x[xOff + j];
      int row = j * stride;
      for (int c = 0; c < stride; c++) {
        scratch[c] += xj * transposedCenters[row + c];
      }
    }
    int best = 0;
    double bestScore = Double.POSITIVE_INFINITY;
    for (int c = 0; c < stride; c++) {
      double score = norms[c] - 2 * scratch[c];
      if (score < bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return best;
  }
}
