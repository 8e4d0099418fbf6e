package org.brookml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AdwinTest {

  /**
   * The exponential histogram keeps exact sums: after every update the estimate and the variance
   * equal the mean and the population variance of the last {@code width()} values, computed here
   * from the raw stream, and the window really is the newest values (it only ever drops the
   * oldest).
   */
  @Test
  void windowStatistics_equalThoseOfTheNewestValues() {
    Adwin adwin = Adwin.create();
    SplittableRandom random = new SplittableRandom(1);
    List<Double> stream = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double value = i < 12_000 ? random.nextDouble() : 3 + random.nextDouble();
      stream.add(value);
      adwin.update(value);
      if (i % 97 == 0 || i == 12_100) {
        int width = (int) adwin.width();
        double sum = 0;
        for (int k = stream.size() - width; k < stream.size(); k++) {
          sum += stream.get(k);
        }
        double mean = sum / width;
        double squares = 0;
        for (int k = stream.size() - width; k < stream.size(); k++) {
          squares += (stream.get(k) - mean) * (stream.get(k) - mean);
        }
        assertThat(adwin.estimation()).as("mean at %d", i).isCloseTo(mean, within(1e-9));
        assertThat(adwin.variance()).as("variance at %d", i)
            .isCloseTo(squares / width, within(1e-7));
      }
    }
    assertThat(adwin.detections()).isPositive();
    assertThat(adwin.width()).isLessThan(8_000 + 1);
  }

  @Test
  void stationaryStream_raisesAlmostNoFalseAlarms() {
    long alarms = 0;
    for (int run = 0; run < 10; run++) {
      Adwin adwin = Adwin.create();
      SplittableRandom random = new SplittableRandom(100 + run);
      for (int i = 0; i < 100_000; i++) {
        adwin.update(random.nextDouble() < 0.2 ? 1 : 0);
      }
      alarms += adwin.detections();
      assertThat(adwin.width()).as("run %d keeps a long window", run).isGreaterThan(20_000);
    }
    System.out.println("ADWIN false alarms on 10 x 100,000 Bernoulli(0.2) values: " + alarms);
    assertThat(alarms).isLessThanOrEqualTo(5);
  }

  @Test
  void abruptChange_isDetectedQuickly() {
    int[] delays = new int[10];
    int[] smallDelays = new int[10];
    for (int run = 0; run < 10; run++) {
      delays[run] = delayAfterChange(0.2, 0.8, run);
      smallDelays[run] = delayAfterChange(0.2, 0.4, run);
    }
    System.out.println("ADWIN detection delays, error 0.2 -> 0.8: "
        + Arrays.toString(delays) + "; 0.2 -> 0.4: " + Arrays.toString(smallDelays));
    for (int run = 0; run < 10; run++) {
      assertThat(delays[run]).isBetween(1, 200);
      assertThat(smallDelays[run]).isBetween(1, 2_000);
    }
  }

  /** Values seen after the change up to the first detection (tests run every 32 values). */
  private static int delayAfterChange(double before, double after, int seed) {
    Adwin adwin = Adwin.create();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 10_000; i++) {
      adwin.update(random.nextDouble() < before ? 1 : 0);
    }
    assertThat(adwin.detections()).isZero();
    for (int i = 1; i <= 50_000; i++) {
      if (adwin.update(random.nextDouble() < after ? 1 : 0) == DriftDetector.State.DRIFT) {
        assertThat(adwin.estimation()).isGreaterThan(before);
        return i;
      }
    }
    return -1;
  }

  @Test
  void memory_growsLogarithmically() {
    Adwin adwin = Adwin.create();
    for (int i = 0; i < 1_000_000; i++) {
      adwin.update(i % 2);
    }
    assertThat(adwin.width()).isEqualTo(1_000_000);
    assertThat(adwin.toString()).contains("buckets=");
    int buckets = Integer.parseInt(adwin.toString().replaceAll(".*buckets=(\\d+).*", "$1"));
    assertThat(buckets).isLessThanOrEqualTo(Adwin.MAX_BUCKETS * 20);
  }

  @Test
  void nonFiniteValue_isRejectedAndChangesNothing() {
    Adwin adwin = Adwin.create();
    for (int i = 0; i < 100; i++) {
      adwin.update(i % 3);
    }
    Adwin before = adwin.copy();
    assertThatThrownBy(() -> adwin.update(Double.NaN)).hasMessageContaining("not finite");
    assertThatThrownBy(() -> adwin.update(Double.NEGATIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(adwin.width()).isEqualTo(before.width());
    assertThat(adwin.estimation()).isEqualTo(before.estimation());
    assertThatThrownBy(() -> new Adwin(0)).hasMessageContaining("delta");
  }

  @Test
  void copy_continuesIdentically() {
    Adwin original = Adwin.create();
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 5_000; i++) {
      original.update(random.nextDouble() < (i < 3_000 ? 0.1 : 0.6) ? 1 : 0);
    }
    Adwin copy = original.copy();
    for (int i = 0; i < 5_000; i++) {
      double v = random.nextDouble() < 0.3 ? 1 : 0;
      assertThat(copy.update(v)).isEqualTo(original.update(v));
    }
    assertThat(copy.toString()).isEqualTo(original.toString());
    original.reset();
    assertThat(original.width()).isZero();
    assertThat(original.detections()).isZero();
  }
}
