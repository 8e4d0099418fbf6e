package org.brookml.bench.moa;

import com.yahoo.labs.samoa.instances.Instance;
import java.util.List;
import java.util.function.Supplier;
import moa.options.ClassOption;
import moa.streams.InstanceStream;
import org.brookml.data.Agrawal;
import org.brookml.data.ConceptDrift;
import org.brookml.data.Generator;
import org.brookml.data.Hyperplane;
import org.brookml.data.Led;
import org.brookml.data.Mixed;
import org.brookml.data.RandomRbf;
import org.brookml.data.RandomTree;
import org.brookml.data.Sea;
import org.brookml.data.Sine;
import org.brookml.data.Stagger;
import org.brookml.data.Waveform;

/**
 * Brook's generators beside MOA 2024.07's with the same settings and seeds: the first 100,000
 * examples of each pair must agree value for value (features and class). Exits non-zero on the
 * first difference. MOA is only on the class path of the {@code moa} profile. Run:
 * {@code ./mvnw -q -pl ml-bench -am -Pmoa -DskipTests package exec:exec@generator-comparison}.
 */
public final class GeneratorComparison {

  private static final int EXAMPLES = 100_000;

  private GeneratorComparison() {}

  private record Pair(String moaCli, Supplier<Generator> brook) {}

  public static void main(String[] args) throws Exception {
    List<Pair> pairs = List.of(
        new Pair("generators.SEAGenerator", () -> Sea.builder().build()),
        new Pair("generators.SEAGenerator -f 3 -p 20 -b -i 7",
            () -> Sea.builder().concept(3).noisePercent(20).balance(true).seed(7).build()),
        new Pair("generators.STAGGERGenerator -f 2 -i 3",
            () -> Stagger.builder().concept(2).seed(3).build()),
        new Pair("generators.STAGGERGenerator -f 3 -b",
            () -> Stagger.builder().concept(3).balance(true).build()),
        new Pair("generators.HyperplaneGenerator", () -> Hyperplane.builder().build()),
        new Pair("generators.HyperplaneGenerator -a 20 -k 5 -t 0.001 -n 10 -s 20 -i 4",
            () -> Hyperplane.builder().features(20).driftFeatures(5).magnitude(0.001)
                .noisePercent(10).reversePercent(20).seed(4).build()),
        new Pair("generators.SineGenerator -f 3", () -> Sine.builder().concept(3).build()),
        new Pair("generators.SineGenerator -f 2 -s -b -i 9",
            () -> Sine.builder().concept(2).irrelevantFeatures(false).balance(true).seed(9)
                .build()),
        new Pair("generators.MixedGenerator -f 2 -b -i 5",
            () -> Mixed.builder().concept(2).balance(true).seed(5).build()),
        new Pair("generators.AgrawalGenerator", () -> Agrawal.builder().build()),
        new Pair("generators.AgrawalGenerator -f 4 -b -i 2",
            () -> Agrawal.builder().function(4).balance(true).seed(2).build()),
        new Pair("generators.AgrawalGenerator -f 10 -p 0.2",
            () -> Agrawal.builder().function(10).perturbation(0.2).build()),
        new Pair("generators.LEDGenerator", () -> Led.builder().build()),
        new Pair("generators.LEDGeneratorDrift -d 7 -n 5 -i 3",
            () -> Led.builder().driftingFeatures(7).noisePercent(5).seed(3).build()),
        new Pair("generators.WaveformGenerator -n -i 6",
            () -> Waveform.builder().noiseFeatures(true).seed(6).build()),
        new Pair("generators.RandomRBFGenerator", () -> RandomRbf.builder().build()),
        new Pair("generators.RandomRBFGeneratorDrift -s 0.001 -k 10 -c 5 -a 7 -n 20 -r 3 -i 4",
            () -> RandomRbf.builder().speed(0.001).driftingCentroids(10).classes(5).features(7)
                .centroids(20).modelSeed(3).seed(4).build()),
        new Pair("generators.RandomTreeGenerator", () -> RandomTree.builder().build()),
        new Pair("generators.RandomTreeGenerator -r 7 -i 3 -c 4 -o 3 -u 6 -v 4 -d 8 -l 2 -f 0.3",
            () -> RandomTree.builder().treeSeed(7).seed(3).classes(4).nominalFeatures(3)
                .numericFeatures(6).valuesPerNominal(4).maxDepth(8).firstLeafLevel(2)
                .leafFraction(0.3).build()),
        new Pair("ConceptDriftStream -s (generators.SEAGenerator -f 1) "
            + "-d (generators.SEAGenerator -f 4 -i 2) -p 50000 -w 10000 -r 3",
            () -> ConceptDrift.between(Sea.builder().build(),
                Sea.builder().concept(4).seed(2).build()).position(50_000).width(10_000).seed(3)
                .build()));
    int failures = 0;
    for (Pair pair : pairs) {
      InstanceStream moa = (InstanceStream) ClassOption.cliStringToObject(pair.moaCli(),
          InstanceStream.class, null);
      if (moa instanceof moa.options.OptionHandler) {
        ((moa.options.OptionHandler) moa).prepareForUse();
      }
      Generator brook = pair.brook().get();
      String verdict = "same " + EXAMPLES + " examples";
      for (int i = 0; i < EXAMPLES; i++) {
        Instance expected = moa.nextInstance().getData();
        brook.next();
        String difference = difference(expected, brook);
        if (difference != null) {
          verdict = "DIFFERENT at example " + (i + 1) + ": " + difference;
          failures++;
          break;
        }
      }
      System.out.printf("%-95s %s%n", pair.moaCli(), verdict);
    }
    if (failures > 0) {
      throw new IllegalStateException(failures + " generators differ from MOA's");
    }
  }

  private static String difference(Instance moa, Generator brook) {
    double[] x = brook.features();
    if (moa.numAttributes() - 1 != x.length) {
      return "MOA has " + (moa.numAttributes() - 1) + " features, Brook " + x.length;
    }
    for (int j = 0; j < x.length; j++) {
      int attribute = j < moa.classIndex() ? j : j + 1;
      if (Double.compare(moa.value(attribute), x[j]) != 0) {
        return "feature " + j + ": MOA " + moa.value(attribute) + ", Brook " + x[j];
      }
    }
    if (Double.compare(moa.classValue(), brook.target()) != 0) {
      return "class: MOA " + moa.classValue() + ", Brook " + brook.target();
    }
    return null;
  }
}
