package dev.specbridge.processor;

import dev.specbridge.processor.load.SpecFiles;
import java.io.IOException;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.StandardLocation;

/**
 * Reads spec files through the compiler: from the class path first (a spec bundled in a jar), then the
 * source path, then the compiled classes' folder (where Maven has copied {@code src/main/resources}).
 */
final class FilerSpecFiles implements SpecFiles {
  private static final List<JavaFileManager.Location> WHERE =
      List.of(StandardLocation.CLASS_PATH, StandardLocation.SOURCE_PATH, StandardLocation.CLASS_OUTPUT);

  private final Filer filer;

  FilerSpecFiles(Filer filer) {
    this.filer = filer;
  }

  @Override
  public String read(String path) throws IOException {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    for (JavaFileManager.Location location : WHERE) {
      try {
        FileObject file = filer.getResource(location, "", relative);
        return file.getCharContent(true).toString();
      } catch (IOException | IllegalArgumentException e) {
        // not in this location (or the compiler has no such location): try the next one
      }
    }
    return null;
  }
}
