package org.brookml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.brookml.learner.OnlineLearner;
import org.brookml.tree.HoeffdingTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Brook's codecs are found by the service loader on the module path and on the class path alike:
 * {@code module-info.java} and {@code META-INF/services} declare the same codecs, every codec class
 * in the source tree is declared, and {@link Snapshots} knows each declared model type.
 */
class ServiceDeclarationsTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Path SERVICES =
      Path.of("src/main/resources/META-INF/services/org.brookml.io.ModelCodec");

  private static TreeSet<String> moduleInfoProviders() throws IOException {
    String moduleInfo = Files.readString(SOURCES.resolve("module-info.java"));
    Matcher provides = Pattern
        .compile("provides\\s+org\\.brookml\\.io\\.ModelCodec\\s+with([^;]*);")
        .matcher(moduleInfo);
    assertThat(provides.find()).as("module-info.java provides ModelCodec").isTrue();
    TreeSet<String> names = new TreeSet<>();
    for (String name : provides.group(1).split(",")) {
      names.add(name.strip());
    }
    return names;
  }

  private static TreeSet<String> serviceFileProviders() throws IOException {
    return Files.readAllLines(SERVICES, StandardCharsets.UTF_8).stream()
        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Every concrete codec class in the sources: a public class named *Codec, a ModelCodec. */
  private static TreeSet<String> codecClassesInSources() throws IOException {
    Pattern declaration = Pattern.compile(
        "public final class (\\w+Codec)\\s+(implements ModelCodec<|extends \\w*ModelCodec<)");
    try (Stream<Path> files = Files.walk(SOURCES)) {
      TreeSet<String> names = new TreeSet<>();
      for (Path file : files.filter(f -> f.toString().endsWith("Codec.java")).toList()) {
        Matcher m = declaration.matcher(Files.readString(file));
        if (m.find()) {
          String relative = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
          names.add(relative + "." + m.group(1));
        }
      }
      return names;
    }
  }

  @Test
  void moduleInfoAndServicesFile_declareTheSameCodecs_andEveryCodecInTheSources() throws Exception {
    TreeSet<String> declared = moduleInfoProviders();
    assertThat(serviceFileProviders()).isEqualTo(declared);
    assertThat(codecClassesInSources()).isEqualTo(declared);
    assertThat(declared).hasSize(36);
  }

  @Test
  void serviceLoader_findsEveryDeclaredCodec_andSnapshotsKnowsEachType() throws Exception {
    TreeSet<String> found = ServiceLoader.load(ModelCodec.class).stream()
        .map(provider -> provider.type().getName())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(found).isEqualTo(moduleInfoProviders());
    for (ModelCodec<?> codec : ServiceLoader.load(ModelCodec.class)) {
      assertThat(Snapshots.knownTypes()).contains(codec.modelType());
    }
  }

  @Test
  void classPathUsers_findTheCodecsThroughTheServicesFile() throws Exception {
    URL classes = Snapshots.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader classPath =
        new URLClassLoader(new URL[] {classes}, null)) {
      Class<?> service = classPath.loadClass(ModelCodec.class.getName());
      assertThat(service.getModule().isNamed()).as("loaded as a class-path class").isFalse();
      TreeSet<String> found = ServiceLoader.load(service, classPath).stream()
          .map(provider -> provider.type().getName())
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(found).isEqualTo(moduleInfoProviders());
    }
  }

  @Test
  void unknownModelType_namesTheTypeAndHowToDeclareItsCodec() {
    byte[] bytes = Snapshots.write(HoeffdingTree.builder(2, 2).build());
    String known = "brook.tree.HoeffdingTree";
    String unknown = "brook.tree.HoeffdingTreX"; // same length: the header stays well formed
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf(known);
    System.arraycopy(unknown.getBytes(StandardCharsets.US_ASCII), 0, bytes, at, unknown.length());
    SnapshotBytes.resign(bytes);
    assertThatThrownBy(() -> Snapshots.read(bytes))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("unknown model type '" + unknown + "'")
        .hasMessageContaining("META-INF/services/org.brookml.io.ModelCodec")
        .hasMessageContaining("Snapshots.register")
        .hasMessageContaining(known);
  }

  @Test
  void unregisteredModelClass_cannotBeWritten_andTheMessageSaysHow() {
    OnlineLearner unknown = new UnregisteredLearner();
    assertThatThrownBy(() -> Snapshots.write(unknown))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(UnregisteredLearner.class.getName())
        .hasMessageContaining("META-INF/services/org.brookml.io.ModelCodec")
        .hasMessageContaining("Snapshots.register");
  }

  /** A learner with no codec anywhere. */
  private static final class UnregisteredLearner implements OnlineLearner {
    @Override
    public int dimension() {
      return 1;
    }

    @Override
    public long samplesSeen() {
      return 0;
    }

    @Override
    public OnlineLearner copy() {
      return this;
    }

    @Override
    public void reset() {}
  }

  @Test
  void aBrokenDeclaration_isReported_andTheOtherCodecsStillLoad(@TempDir Path dir)
      throws Exception {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve("org.brookml.io.ModelCodec"),
        "com.example.MissingCodec\n");
    try (URLClassLoader withBrokenJar = new URLClassLoader(
        new URL[] {dir.toUri().toURL()}, Snapshots.class.getClassLoader())) {
      List<String> failures = new ArrayList<>();
      List<ModelCodec<?>> codecs = Snapshots.loadCodecs(withBrokenJar, failures);
      assertThat(failures).singleElement().asString().contains("com.example.MissingCodec");
      assertThat(codecs).hasSize(moduleInfoProviders().size());
    }
  }
}
