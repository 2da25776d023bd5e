package dev.specbridge.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated code as a reviewer reads it: every public member documented is checked by every compile of the
 * tests ({@code -Xdoclint:all/protected -Werror}, see {@link SpecCompiler}); this checks the rest of the house
 * style on the golden files and on the code of every bundled spec.
 */
class GeneratedStyleTest {
  private static final Pattern CONSTANT = Pattern.compile("\\bstatic final [\\w.<>, ?]+ (\\w+) =");
  private static final Pattern QUALIFIED_LINK = Pattern.compile("\\{@link(plain)? +[a-z]+\\.[a-z]+\\.");
  private static final Pattern BLOCK_TAG = Pattern.compile("^\\s*\\* @\\w+");

  @Test
  void generatedCodeFollowsTheHouseStyle() throws IOException {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> golden = Files.walk(Path.of("src/test/golden"))) {
      golden.filter(p -> p.toString().endsWith(".java"))
          .forEach(p -> check(p.toString(), read(p), problems));
    }
    for (String spec : List.of("apispec/site-service.yaml", "apispec/site-notifications.yaml",
        "apispec/citytrips.yaml", "apispec/centric-crm.yaml")) {
      Compilation compilation = SpecCompiler.compile("style", spec);
      assertThat(compilation).succeededWithoutWarnings();
      for (JavaFileObject file : compilation.generatedSourceFiles()) {
        check(file.getName(), file.getCharContent(false).toString(), problems);
      }
    }
    assertEquals(List.of(), problems);
  }

  /** Adds to {@code problems} each line of {@code source} that breaks a rule, with its file and line. */
  static void check(String file, String source, List<String> problems) {
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String where = file + ":" + (i + 1) + ": ";
      if (line.length() > 120) {
        problems.add(where + "longer than 120 characters: " + line);
      }
      if (!line.equals(line.stripTrailing())) {
        problems.add(where + "trailing spaces");
      }
      String code = line.stripLeading();
      if (!(code.startsWith("*") || code.startsWith("/*") || code.startsWith("//"))
          && !line.chars().allMatch(c -> c < 128)) {
        problems.add(where + "code that is not ASCII, which would depend on the build's source encoding");
      }
      if (line.contains("== null ? null :")) {
        problems.add(where + "a null check that returns what it checked");
      }
      Matcher constant = CONSTANT.matcher(line);
      if (constant.find() && !constant.group(1).matches("[A-Z][A-Z0-9_]*")) {
        problems.add(where + "a constant not in UPPER_CASE: " + constant.group(1));
      }
      if (QUALIFIED_LINK.matcher(line).find()) {
        problems.add(where + "a fully qualified name in Javadoc");
      }
      if (line.strip().equals("/**") && i + 1 < lines.length && lines[i + 1].strip().startsWith("* <p>")) {
        problems.add(where + "a Javadoc summary that starts with <p>");
      }
      if (i > 0 && BLOCK_TAG.matcher(lines[i - 1]).find() && line.strip().startsWith("* ")
          && !BLOCK_TAG.matcher(line).find() && !line.startsWith(lines[i - 1].substring(0,
          lines[i - 1].indexOf('*')) + "*     ")) {
        problems.add(where + "a block tag's continuation not indented");
      }
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
