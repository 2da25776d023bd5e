package dev.specbridge.processor.diagnostics;

/** One spec mistake: where it is, in the file and in the spec's structure, and what is wrong. */
public record Diagnostic(Location location, Trail trail, String message) {
  /** {@code file:line:col: path: message}, the form every spec error is reported in. */
  @Override
  public String toString() {
    return location + ": " + (trail.isRoot() ? "" : trail + ": ") + message;
  }
}
