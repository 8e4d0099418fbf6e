package org.brookml.ensemble;

import java.util.zip.CRC32C;
import org.brookml.eval.ClassificationMetrics;
import org.brookml.eval.Prequential;
import org.brookml.io.CsvReader;
import org.brookml.io.RealData;
import org.brookml.io.Snapshots;
import org.brookml.tree.HoeffdingTree;

/**
 * Run in a fresh JVM by {@link EnsembleRealDataTest}: trains AdaBoost over ten Hoeffding trees on
 * Elec2 three times, the first run mostly interpreted and the last compiled by C2, and prints the
 * CRC-32C of each final snapshot and its accuracy, one line per run.
 */
public final class ColdWarmProbe {

  private ColdWarmProbe() {}

  public static void main(String[] args) {
    for (int run = 0; run < 3; run++) {
      OnlineAdaBoost boost = OnlineAdaBoost.builder(HoeffdingTree.builder(8, 2).build()).build();
      ClassificationMetrics metrics;
      try (CsvReader rows = RealData.elec2()) {
        metrics = Prequential.classification(boost, rows, new ClassificationMetrics(2, 1_000));
      }
      CRC32C crc = new CRC32C();
      crc.update(Snapshots.write(boost));
      System.out.println(Long.toHexString(crc.getValue()) + " " + metrics.accuracy());
    }
  }
}
