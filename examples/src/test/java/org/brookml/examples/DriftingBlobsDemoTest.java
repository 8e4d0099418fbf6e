package org.brookml.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.brookml.examples.DriftingBlobsDemo.Result;
import org.brookml.examples.DriftingBlobsDemo.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftingBlobsDemoTest {

  @Test
  void forgettingTracksTheDrift_andTheChartIsWritten(@TempDir Path dir) throws Exception {
    DriftingBlobsDemo.main(new String[] {"points=200000", "out=" + dir});
    assertThat(dir.resolve("drifting-blobs.png")).exists();
    assertThat(Files.size(dir.resolve("drifting-blobs.png"))).isGreaterThan(10_000);

    Result result = DriftingBlobsDemo.run(DriftingBlobsDemo.Settings.parse(
        new String[] {"points=200000"}), false);
    Row last = result.rows().get(result.rows().size() - 1);
    assertThat(last.errorForgetting()).isLessThan(0.5);
    assertThat(last.errorRunningMean()).isGreaterThan(3 * last.errorForgetting());
    assertThat(last.inertiaForgetting()).isLessThan(last.inertiaRunningMean());
    assertThat(result.paths().truth()).isNotEmpty();
  }
}
