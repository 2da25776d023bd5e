package dev.specbridge.processor.diagnostics;

/** A place in a spec file: the resource path as the user named it, and a 1-based line and column. */
public record Location(String file, int line, int column) {
  /** The place of a file as a whole, for errors about the file itself. */
  public static Location ofFile(String file) {
    return new Location(file, 1, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
