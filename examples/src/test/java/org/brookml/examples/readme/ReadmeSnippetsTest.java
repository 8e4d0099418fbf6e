package org.brookml.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README cannot rot: every {@code java} code block in it is preceded by a marker
 * {@code <!-- snippet: PATH#NAME -->}, and equals, line for line (indentation removed), the region
 * of that source file between {@code // README:NAME} and {@code // README:end}. The regions are
 * compiled with their module and run by its tests ({@link ReadmeExamplesTest} for the library's
 * snippets; the engine examples' tests for theirs).
 */
class ReadmeSnippetsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern MARKER =
      Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->");

  @Test
  void everyJavaBlockInTheReadme_isARegionOfCompiledAndTestedCode() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    int blocks = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals("```java")) {
        continue;
      }
      blocks++;
      int markerLine = i - 1;
      while (markerLine >= 0 && lines.get(markerLine).isBlank()) {
        markerLine--;
      }
      Matcher marker = MARKER.matcher(markerLine >= 0 ? lines.get(markerLine).strip() : "");
      assertThat(marker.matches()).as("README line %d: a java block needs a snippet marker above"
          + " it, not '%s'", i + 1, markerLine >= 0 ? lines.get(markerLine) : "").isTrue();
      List<String> block = new ArrayList<>();
      for (i++; !lines.get(i).strip().equals("```"); i++) {
        block.add(lines.get(i));
      }
      assertThat(dedent(block)).as("README block '%s' against %s", marker.group(2),
          marker.group(1)).isEqualTo(region(ROOT.resolve(marker.group(1)), marker.group(2)));
    }
    assertThat(blocks).as("java blocks in the README").isGreaterThanOrEqualTo(7);
  }

  private static List<String> region(Path file, String name) throws IOException {
    List<String> lines = Files.readAllLines(file);
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("// README:" + name)) {
        start = i + 1;
      } else if (start >= 0 && lines.get(i).strip().equals("// README:end")) {
        return dedent(lines.subList(start, i));
      }
    }
    throw new AssertionError("no region README:" + name + " ... README:end in " + file);
  }

  private static List<String> dedent(List<String> lines) {
    int indent = lines.stream().filter(line -> !line.isBlank())
        .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.add(line.isBlank() ? "" : line.substring(indent).stripTrailing());
    }
    return out;
  }
}
