package dev.specbridge.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The code generated from the sample specs (one uses every feature of the spec language with a name-value
 * API, one every part of a webhook) is compared with the golden files in {@code src/test/golden}. After an intended change to the generated code, regenerate
 * them with {@value #REGENERATE} and review the diff.
 */
class GoldenFilesTest {
  static final String REGENERATE = "mvn -pl processor -am test -Dtest=GoldenFilesTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true";
  private static final Path GOLDEN = Path.of("src/test/golden");

  @ParameterizedTest(name = "{1}")
  @CsvSource({
      "golden.everything, specs/everything.yaml",
      "golden.webhook, specs/webhook.yaml"
  })
  void generatedSourcesMatchTheGoldenFiles(String packageName, String spec) throws IOException {
    Compilation compilation = SpecCompiler.compile(packageName, spec);
    assertThat(compilation).succeededWithoutWarnings();
    boolean update = Boolean.getBoolean("golden.update");
    Path folder = GOLDEN.resolve(packageName.replace('.', '/'));
    Set<String> generated = new TreeSet<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String name = Path.of(file.toUri().getPath()).getFileName().toString();
      generated.add(name);
      String actual = file.getCharContent(true).toString();
      Path golden = folder.resolve(name);
      if (update) {
        Files.createDirectories(folder);
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      } else if (!Files.exists(golden)) {
        fail("no golden file " + golden + " for the generated " + name + "; create it with: " + REGENERATE);
      } else {
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
            name + " differs from its golden file; if the change is intended, run: " + REGENERATE);
      }
    }
    try (Stream<Path> files = Files.list(folder)) {
      Set<String> stale = files.map(p -> p.getFileName().toString()).filter(n -> !generated.contains(n))
          .collect(Collectors.toCollection(TreeSet::new));
      if (!stale.isEmpty()) {
        if (update) {
          for (String name : stale) {
            Files.delete(folder.resolve(name));
          }
        } else {
          fail("golden files no longer generated: " + stale + "; remove them with: " + REGENERATE);
        }
      }
    }
  }
}
