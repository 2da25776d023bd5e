package dev.specbridge.processor.load;

import java.io.IOException;

/** Where spec files come from: the compiler's {@code Filer} in the processor, a map in tests. */
@FunctionalInterface
public interface SpecFiles {
  /** The text of the spec file at this resource path, or {@code null} when there is no such file. */
  String read(String path) throws IOException;
}
