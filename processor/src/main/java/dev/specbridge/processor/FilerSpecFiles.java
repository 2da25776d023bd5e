package dev.specbridge.processor;

import dev.specbridge.processor.load.SpecFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.StandardLocation;

/**
 * Reads spec files through the compiler: from the class path first (a spec bundled in a jar), then the
 * source path, then the compiled classes' folder (where Maven has copied {@code src/main/resources}). It remembers
 * where each file was, so that an error can name a project's own spec as a path an IDE opens.
 */
final class FilerSpecFiles implements SpecFiles {
  /** A build's output folder, and the sources Maven copies into it. */
  private static final Map<Path, Path> COPIED_FROM = Map.of(
      Path.of("target", "classes"), Path.of("src", "main", "resources"),
      Path.of("target", "test-classes"), Path.of("src", "test", "resources"));

  private static final List<JavaFileManager.Location> WHERE =
      List.of(StandardLocation.CLASS_PATH, StandardLocation.SOURCE_PATH, StandardLocation.CLASS_OUTPUT);

  private final Filer filer;
  private final Map<String, URI> found = new HashMap<>();

  FilerSpecFiles(Filer filer) {
    this.filer = filer;
  }

  @Override
  public String read(String path) throws IOException {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    for (JavaFileManager.Location location : WHERE) {
      try {
        FileObject file = filer.getResource(location, "", relative);
        String text = file.getCharContent(true).toString();
        found.put(path, file.toUri());
        return text;
      } catch (IOException | IllegalArgumentException e) {
        // not in this location (or the compiler has no such location): try the next one
      }
    }
    return null;
  }

  /**
   * The spec at {@code path} as a path the user can open: a file in a jar keeps its class-path name; a file on
   * disk is named relative to the working directory (else in full), and one Maven copied into
   * {@code target/classes} by its source in {@code src/main/resources}.
   */
  String openable(String path) {
    return openable(path, found.get(path), Path.of("").toAbsolutePath());
  }

  static String openable(String path, URI uri, Path here) {
    if (uri == null || !"file".equalsIgnoreCase(uri.getScheme())) {
      return path;
    }
    Path file = Path.of(uri).normalize();
    Path relative = Path.of(path.startsWith("/") ? path.substring(1) : path);
    Path folder = file;
    for (int i = 0; i < relative.getNameCount() && folder != null; i++) {
      folder = folder.getParent();
    }
    for (Map.Entry<Path, Path> output : COPIED_FROM.entrySet()) {
      if (folder != null && folder.endsWith(output.getKey())) {
        Path source = folder.getParent().getParent().resolve(output.getValue()).resolve(relative);
        file = Files.isRegularFile(source) ? source : file;
      }
    }
    return (file.startsWith(here) ? here.relativize(file) : file).toString().replace('\\', '/');
  }
}
