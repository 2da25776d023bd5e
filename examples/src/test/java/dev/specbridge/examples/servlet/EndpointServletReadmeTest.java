package dev.specbridge.examples.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The servlet that runtime/README.md tells users to copy is {@link EndpointServlet}, the one {@link JettySiteTest}
 * runs: the README's block equals its source without the package line, whatever the block's indentation.
 */
class EndpointServletReadmeTest {
  private static final String SECTION = "Mounting the endpoint elsewhere";

  @Test
  void theReadmesServletSnippetIsTheTestedAdapter() throws IOException {
    String source = read("specbridge.endpointServlet");
    String withoutPackage = source.substring(source.indexOf('\n', source.indexOf("package ")) + 1).strip();
    assertEquals(withoutPackage, snippet(read("specbridge.runtimeReadme")),
        "runtime/README.md's servlet snippet differs from EndpointServlet.java: copy the file (less its package"
            + " line) into the README's block");
  }

  /** The first java block after the section's title, its indentation removed. */
  private static String snippet(String readme) {
    int section = readme.indexOf(SECTION);
    assertTrue(section >= 0, "runtime/README.md has no \"" + SECTION + "\"");
    int open = readme.indexOf("```java\n", section);
    assertTrue(open >= 0, "runtime/README.md has no ```java block after \"" + SECTION + "\"");
    int start = open + "```java\n".length();
    return readme.substring(start, readme.indexOf("```", start)).stripIndent().strip();
  }

  /** A file that Maven names in a system property (see this module's pom), with \n line ends. */
  private static String read(String property) throws IOException {
    String path = System.getProperty(property);
    assertNotNull(path, "no system property " + property + ": run this test with Maven, whose pom sets it");
    return Files.readString(Path.of(path)).replace("\r\n", "\n");
  }
}
