package dev.specbridge.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specbridge.processor.protocol.ProtocolPlugin;
import dev.specbridge.processor.protocol.Protocols;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The seams of the processor, checked on its sources: the pipeline knows no protocol by name (each is a plug-in
 * in a package of its own), and the load stage does not depend on the model.
 */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/specbridge/processor");

  @Test
  void everyProtocolIsAPlugInInAPackageOfItsOwn() {
    List<String> packages = Protocols.all().stream().map(p -> p.getClass().getPackageName()).distinct().toList();
    assertEquals(Protocols.all().size(), packages.size());
    assertEquals(List.of("form-http", "json-webhook", "json-websocket", "xml-http"), Protocols.names());
    for (ProtocolPlugin protocol : Protocols.all()) {
      assertEquals(protocol, Protocols.ofSection(protocol.section().key()));
    }
  }

  @Test
  void theValidatorAndTheGeneratorNameNoProtocol() {
    List<String> mentions = new ArrayList<>();
    for (String stage : List.of("validate", "generate", "model", "load")) {
      for (Path file : javaFiles(SOURCES.resolve(stage))) {
        String text = read(file);
        for (ProtocolPlugin protocol : Protocols.all()) {
          if (text.contains("\"" + protocol.name() + "\"") || text.contains(protocol.getClass().getPackageName())) {
            mentions.add(file + " names " + protocol.name());
          }
        }
      }
    }
    assertEquals(List.of(), mentions);
  }

  @Test
  void theLoadStageDoesNotDependOnTheModel() {
    List<String> imports = new ArrayList<>();
    for (Path file : javaFiles(SOURCES.resolve("load"))) {
      if (read(file).contains("dev.specbridge.processor.model")) {
        imports.add(file.toString());
      }
    }
    assertEquals(List.of(), imports);
  }

  private static List<Path> javaFiles(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
