package dev.specbridge.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors name a project's own spec as a path an IDE opens, not by its class-path name. */
class FilerSpecFilesTest {
  @Test
  void aSpecMavenCopiedIntoTheClassesIsNamedByItsSource(@TempDir Path project) throws Exception {
    Path source = Files.createDirectories(project.resolve("src/main/resources/myapi")).resolve("ext.yaml");
    Path copied = Files.createDirectories(project.resolve("target/classes/myapi")).resolve("ext.yaml");
    Files.writeString(source, "spec: 1\n");
    Files.writeString(copied, "spec: 1\n");
    assertEquals("src/main/resources/myapi/ext.yaml",
        FilerSpecFiles.openable("myapi/ext.yaml", copied.toUri(), project));
    assertEquals(source.toString(), FilerSpecFiles.openable("myapi/ext.yaml", copied.toUri(),
        Path.of("/elsewhere")), "outside the working directory: the full path");
    Files.delete(source); // copied from somewhere else: the file that was read
    assertEquals("target/classes/myapi/ext.yaml", FilerSpecFiles.openable("myapi/ext.yaml", copied.toUri(), project));
  }

  @Test
  void aSpecInAJarKeepsItsClassPathName() {
    assertEquals("apispec/citytrips.yaml", FilerSpecFiles.openable("apispec/citytrips.yaml",
        URI.create("jar:file:/repo/specbridge-api-spec.jar!/apispec/citytrips.yaml"), Path.of("/repo")));
    assertEquals("apispec/citytrips.yaml", FilerSpecFiles.openable("apispec/citytrips.yaml", null, Path.of("/")));
  }
}
