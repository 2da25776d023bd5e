package dev.specbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Builds a separate project with real Maven, as a user of specbridge would: its pom is the README's snippet as
 * written, its spec extends a bundled one, and the artifacts it uses are the ones this build has just packaged.
 * Between builds the spec is edited, and a plain {@code mvn compile} must generate again, or fail on a mistake
 * with the spec's file, line and column.
 *
 * <p>Run by the failsafe plugin in the integration-test phase of {@code mvn verify}, which passes the system
 * properties read here (see this module's pom and README).
 */
class ConsumerBuildIT {
  private static final String GROUP_PATH = "dev/specbridge";
  private static final List<String> ARTIFACTS =
      List.of("specbridge-runtime", "specbridge-api-spec", "specbridge-processor");
  private static final String SNIPPET_MARKER = "<!-- README SNIPPET -->";
  private static final String SPEC = "src/main/resources/myapi/site-service-ext.yaml";

  private final String version = property("specbridge.version");
  private final Path work = Path.of(property("specbridge.work"));
  private final Path consumer = work.resolve("consumer");
  private final Path logs = work.resolve("logs");
  private final Path settings = work.resolve("settings.xml");
  private final Path repository = Path.of(property("specbridge.repository"));

  @Test
  void aPlainMvnCompileRegeneratesAfterEachSpecEdit() throws Exception {
    prepare();
    Path spec = consumer.resolve(SPEC);
    Path packageInfo = consumer.resolve("target/classes/com/example/site/package-info.class");
    Path leadClass = consumer.resolve("target/classes/com/example/site/CreateLeadRequest.class");

    // 1. The first build generates the extended API, and this project's code calls it.
    Build first = mvn("1-first-build", "compile");
    first.assertSucceeded();
    assertEquals(List.of("status=0&score=93", "status=0&lead_id=1001", "teal", "[shoe_size]"), check(first),
        first.explain("the answers to the command the extension adds and to create_lead, the field the extension"
            + " adds to create_lead, and the pair it does not declare"));

    // 2. Nothing changed: nothing is compiled again.
    FileTime compiled = Files.getLastModifiedTime(leadClass);
    Build unchanged = mvn("2-nothing-changed", "compile");
    unchanged.assertSucceeded();
    assertEquals(compiled, Files.getLastModifiedTime(leadClass),
        unchanged.explain("a second build with no change compiled the generated code again"));

    // 3. The spec declares the pair it did not: the next plain build generates the field.
    String declared = Files.readString(spec).replace("\r\n", "\n");
    String edited = declared.replace(
        "        favourite_colour: string\n", "        favourite_colour: string\n        shoe_size: int\n");
    assertNotEquals(declared, edited, "the template spec no longer has the line this test extends");
    edit(spec, edited, packageInfo);
    Build regenerated = mvn("3-spec-edited", "compile");
    regenerated.assertSucceeded();
    assertEquals(List.of("status=0&score=93", "status=0&lead_id=1001", "teal", "[]"), check(regenerated),
        regenerated.explain("after the edit, shoe_size should be a field of CreateLeadRequest, not an unknown pair"));
    assertEquals(42, shoeSize(regenerated), regenerated.explain("CreateLeadRequest.shoeSize()"));

    // 4. A mistake in the spec fails the build, naming the spec as a path an IDE opens, with line and column.
    String mistake = "        eye_colour: strng";
    String broken = edited.replace(
        "        shoe_size: int\n", "        shoe_size: int\n" + mistake + "\n");
    edit(spec, broken, packageInfo);
    List<String> lines = broken.lines().toList();
    String location = SPEC + ":" + (lines.indexOf(mistake) + 1) + ":" + (mistake.indexOf("strng") + 1) + ":";
    Build failed = mvn("4-spec-mistake", "compile");
    failed.assertFailedWith(location, "'strng'");

    // 5. ...and keeps failing until the mistake is fixed: a failed build leaves nothing that looks up to date.
    Build again = mvn("5-same-mistake", "compile");
    again.assertFailedWith(location, "'strng'");
  }

  // --- the consumer project, its repository and settings

  private void prepare() throws IOException {
    deleteTree(work);
    Files.createDirectories(logs);
    copyTree(Path.of(property("specbridge.template")), consumer);
    // Its own .mvn folder makes the consumer the top of its build: no .mvn/ of an enclosing folder applies.
    Files.createDirectories(consumer.resolve(".mvn"));
    Path pom = consumer.resolve("pom.xml");
    String template = Files.readString(pom);
    assertTrue(template.contains(SNIPPET_MARKER), "the consumer's pom template has no " + SNIPPET_MARKER);
    Files.writeString(pom, template.replace(SNIPPET_MARKER, readmeSnippet()));

    installArtifacts();
    writeSettings();
  }

  /** The first xml block of the README's "Use it in your Maven project" section, as written. */
  private String readmeSnippet() throws IOException {
    Path readme = Path.of(property("specbridge.readme"));
    String text = Files.readString(readme).replace("\r\n", "\n");
    int section = text.indexOf("\n## Use it in your Maven project\n");
    assertTrue(section >= 0, readme + " has no section \"## Use it in your Maven project\"");
    int nextSection = text.indexOf("\n## ", section + 1);
    int open = text.indexOf("\n```xml\n", section);
    assertTrue(open >= 0 && (nextSection < 0 || open < nextSection),
        readme + ": the section \"Use it in your Maven project\" has no ```xml block");
    int start = open + "\n```xml\n".length();
    int close = text.indexOf("\n```", start);
    String snippet = text.substring(start, close + 1);
    assertTrue(snippet.contains("<version>" + version + "</version>"),
        readme + ": the snippet does not use this build's version " + version + ":\n" + snippet);
    return snippet;
  }

  /**
   * Lays this build's runtime, api-spec and processor (jar and pom) and the parent pom out in the consumer's
   * local repository as {@code mvn install} would. The jars are the ones on this test's class path, that is the
   * modules the reactor has just packaged; each one's pom is the copy Maven put in the jar.
   */
  private void installArtifacts() throws IOException {
    for (String artifactId : ARTIFACTS) {
      String descriptor = "META-INF/maven/dev.specbridge/" + artifactId + "/pom.xml";
      URL url = ConsumerBuildIT.class.getClassLoader().getResource(descriptor);
      assertNotNull(url, descriptor + " is on no jar of the class path: " + artifactId
          + " is not packaged. Run the integration tests with `mvn verify` from the root, which packages it first.");
      assertEquals("jar", url.getProtocol(), "not a jar: " + url);
      Path jar;
      try {
        jar = Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
      } catch (java.net.URISyntaxException e) {
        throw new IOException(e);
      }
      Path dir = install(artifactId);
      Files.copy(jar, dir.resolve(artifactId + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
      try (var pom = url.openStream()) {
        Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path parent = install("specbridge-parent");
    Files.copy(Path.of(property("specbridge.parentPom")), parent.resolve("specbridge-parent-" + version + ".pom"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private Path install(String artifactId) throws IOException {
    Path dir = repository.resolve(GROUP_PATH).resolve(artifactId).resolve(version);
    deleteTree(dir);
    return Files.createDirectories(dir);
  }

  /**
   * Settings that let the consumer take released artifacts from this build's own local repository, read as a
   * plain file:// remote repository (so what this machine already downloaded is copied, not downloaded again),
   * and anything missing there from Maven Central as usual. Snapshots are never taken from it: the only
   * specbridge artifacts the consumer sees are the ones {@link #installArtifacts} laid out.
   */
  private void writeSettings() throws IOException {
    String url = Path.of(property("specbridge.outerRepository")).toUri().toString();
    String policies = "<releases><checksumPolicy>ignore</checksumPolicy></releases>"
        + "<snapshots><enabled>false</enabled></snapshots>";
    Files.writeString(settings, String.join("\n",
        "<settings>",
        "  <profiles>",
        "    <profile>",
        "      <id>this-machine</id>",
        "      <repositories>",
        "        <repository><id>this-machine</id><url>" + url + "</url>" + policies + "</repository>",
        "      </repositories>",
        "      <pluginRepositories>",
        "        <pluginRepository><id>this-machine</id><url>" + url + "</url>" + policies + "</pluginRepository>",
        "      </pluginRepositories>",
        "    </profile>",
        "  </profiles>",
        "  <activeProfiles><activeProfile>this-machine</activeProfile></activeProfiles>",
        "</settings>",
        ""));
  }

  // --- running Maven, and the consumer's code

  private Build mvn(String step, String... goals) throws IOException, InterruptedException {
    boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
    Path mvn = Path.of(property("maven.home"), "bin", windows ? "mvn.cmd" : "mvn");
    List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "--no-transfer-progress",
        "-s", settings.toString(), "-Dmaven.repo.local=" + repository));
    command.addAll(List.of(goals));
    Path log = logs.resolve(step + ".log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(consumer.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    // Short runs on few cores: the C1 compiler alone starts Maven and javac sooner (about 40% here).
    String options = builder.environment().getOrDefault("MAVEN_OPTS", "");
    builder.environment().put("MAVEN_OPTS", (options + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC").strip());
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail(step + ": " + String.join(" ", command) + " took over 5 minutes\n" + Files.readString(log));
    }
    return new Build(step, String.join(" ", command), process.exitValue(), Files.readString(log));
  }

  /** Calls the consumer's {@code Check.run()} on the classes its build has just compiled. */
  private List<String> check(Build build) throws Exception {
    try (URLClassLoader classes = consumerClasses()) {
      Object result = classes.loadClass("com.example.app.Check").getMethod("run").invoke(null);
      return ((List<?>) result).stream().map(String::valueOf).toList();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new AssertionError(build.explain("calling the consumer's Check.run()"), e);
    }
  }

  /** The {@code shoeSize} component of the consumer's {@code Check.lead()}: the field the edit added. */
  private Object shoeSize(Build build) throws Exception {
    try (URLClassLoader classes = consumerClasses()) {
      Object lead = classes.loadClass("com.example.app.Check").getMethod("lead").invoke(null);
      RecordComponent[] components = lead.getClass().getRecordComponents();
      RecordComponent shoeSize = Arrays.stream(components)
          .filter(c -> c.getName().equals("shoeSize"))
          .findFirst()
          .orElseThrow(() -> new AssertionError(build.explain(
              "CreateLeadRequest has no component shoeSize: " + Arrays.toString(components))));
      return shoeSize.getAccessor().invoke(lead);
    }
  }

  /** The consumer's classes, over this test's class path (which holds the runtime they were compiled against). */
  private URLClassLoader consumerClasses() throws IOException {
    URL classes = consumer.resolve("target/classes").toUri().toURL();
    return new URLClassLoader(new URL[] {classes}, ConsumerBuildIT.class.getClassLoader());
  }

  /**
   * Rewrites a spec as a user would, and makes sure its time is later than {@code compiled}'s even on a file
   * system that keeps whole seconds: the build compares the two.
   */
  private static void edit(Path file, String content, Path compiled) throws IOException, InterruptedException {
    Files.writeString(file, content);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (Files.exists(compiled)
        && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(compiled)) <= 0) {
      assertTrue(System.nanoTime() < deadline, file + " stays older than " + compiled);
      Thread.sleep(200);
      Files.writeString(file, content);
    }
  }

  /** One Maven run: its command, exit code and output (also kept in target/it/logs). */
  private record Build(String step, String command, int exitCode, String output) {
    String explain(String what) {
      return step + ": " + what + "\n--- " + command + " (exit code " + exitCode + ")\n" + output;
    }

    void assertSucceeded() {
      assertEquals(0, exitCode, () -> explain("the consumer's build failed"));
    }

    void assertFailedWith(String... expected) {
      assertNotEquals(0, exitCode, () -> explain("the consumer's build passed; it should have failed"));
      for (String text : expected) {
        assertTrue(output.contains(text), () -> explain("the failed build's output does not say " + text));
      }
    }
  }

  // --- files

  private static String property(String name) {
    String value = System.getProperty(name);
    assertTrue(value != null && !value.isBlank(),
        "system property " + name + " is not set: run this test through Maven (mvn verify), whose failsafe"
            + " configuration passes it");
    return value;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
