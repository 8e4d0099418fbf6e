package org.brookml.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.brookml.learner.FeatureSchema;
import org.brookml.learner.SizeLimits;

/**
 * Random radial basis functions, as MOA's {@code RandomRBFGenerator} and
 * {@code RandomRBFGeneratorDrift}: a model seed draws centroids (a centre uniform in the unit
 * cube, a class, a standard deviation and a weight, each uniform); each example picks a centroid
 * by weight and lies at a Gaussian distance (that centroid's deviation) from its centre in a
 * uniformly random direction, with the centroid's class. With a drift speed, the first
 * {@code driftingCentroids} centres move that far per example along a random unit direction,
 * bouncing off the cube's faces. Defaults are MOA's: 10 features, 2 classes, 50 centroids, no
 * drift. The same settings and seeds give MOA's stream.
 */
public final class RandomRbf extends Generator {

  private final double[][] centres;
  private final int[] labels;
  private final double[] deviations;
  private final double[] weights;
  private final double weightSum;
  private final double[][] velocities;
  private final double speed;

  private RandomRbf(Builder b) {
    super("random-rbf", FeatureSchema.of(FeatureSchema.numeric("att", b.features),
        classNames(b.classes)), b.seed);
    Random model = new Random(b.modelSeed);
    centres = new double[b.centroids][b.features];
    labels = new int[b.centroids];
    deviations = new double[b.centroids];
    weights = new double[b.centroids];
    double sum = 0;
    for (int c = 0; c < b.centroids; c++) {
      for (int j = 0; j < b.features; j++) {
        centres[c][j] = model.nextDouble();
      }
      labels[c] = model.nextInt(b.classes);
      deviations[c] = model.nextDouble();
      weights[c] = model.nextDouble();
      sum += weights[c];
    }
    weightSum = sum;
    speed = b.speed;
    Random directions = new Random(b.modelSeed); // MOA draws them from a second, equal seed
    velocities = new double[Math.min(b.driftingCentroids, b.centroids)][b.features];
    for (double[] v : velocities) {
      double norm = 0;
      for (int j = 0; j < v.length; j++) {
        v[j] = directions.nextDouble();
        norm += v[j] * v[j];
      }
      norm = Math.sqrt(norm);
      for (int j = 0; j < v.length; j++) {
        v[j] /= norm;
      }
    }
  }

  private static List<String> classNames(int classes) {
    List<String> names = new ArrayList<>(classes);
    for (int i = 1; i <= classes; i++) {
      names.add("class" + i);
    }
    return names;
  }

  /** A builder with MOA's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The current centre of centroid {@code c} (a copy). */
  public double[] centre(int c) {
    return centres[c].clone();
  }

  /** The class of centroid {@code c}. */
  public int label(int c) {
    return labels[c];
  }

  @Override
  double generate(double[] out) {
    for (int c = 0; c < velocities.length; c++) {
      move(centres[c], velocities[c]);
    }
    int c = chooseByWeight();
    double magnitude = 0;
    for (int j = 0; j < out.length; j++) {
      out[j] = random.nextDouble() * 2.0 - 1.0;
      magnitude += out[j] * out[j];
    }
    double scale = random.nextGaussian() * deviations[c] / Math.sqrt(magnitude);
    for (int j = 0; j < out.length; j++) {
      out[j] = centres[c][j] + out[j] * scale;
    }
    return labels[c];
  }

  private void move(double[] centre, double[] velocity) {
    for (int j = 0; j < centre.length; j++) {
      centre[j] += velocity[j] * speed;
      if (centre[j] > 1) {
        centre[j] = 1;
        velocity[j] = -velocity[j];
      }
      if (centre[j] < 0) {
        centre[j] = 0;
        velocity[j] = -velocity[j];
      }
    }
  }

  private int chooseByWeight() {
    double target = random.nextDouble() * weightSum;
    double sum = 0;
    int index = 0;
    while (sum <= target && index < weights.length) {
      sum += weights[index++];
    }
    return index - 1;
  }

  /** Settings of {@link RandomRbf}. */
  public static final class Builder extends Settings<Builder> {
    private long modelSeed = 1;
    private int features = 10;
    private int classes = 2;
    private int centroids = 50;
    private double speed;
    private int driftingCentroids = 50;

    private Builder() {}

    /** The seed of the centroids (MOA's {@code -r}); {@link #seed} drives the examples. */
    public Builder modelSeed(long modelSeed) {
      this.modelSeed = modelSeed;
      return this;
    }

    /** Number of features, 1 to 2^16. */
    public Builder features(int features) {
      this.features = requireBetween("features", features, 1, 1 << 16);
      return this;
    }

    /** Number of classes, 2 to 2^16. */
    public Builder classes(int classes) {
      this.classes = requireBetween("classes", classes, 2, 1 << 16);
      return this;
    }

    /** Number of centroids, 1 to 2^16. */
    public Builder centroids(int centroids) {
      this.centroids = requireBetween("centroids", centroids, 1, 1 << 16);
      return this;
    }

    /** Distance a drifting centre moves per example, 0 (no drift) to 1. */
    public Builder speed(double speed) {
      this.speed = requireBetween("speed", speed, 0, 1);
      return this;
    }

    /** How many of the first centroids drift when the speed is above 0. */
    public Builder driftingCentroids(int driftingCentroids) {
      this.driftingCentroids = requireBetween("driftingCentroids", driftingCentroids, 0, 1 << 16);
      return this;
    }

    /** The generator. */
    public RandomRbf build() {
      SizeLimits.cells("centroid coordinates (centroids x features)", centroids, features);
      return new RandomRbf(this);
    }
  }
}
