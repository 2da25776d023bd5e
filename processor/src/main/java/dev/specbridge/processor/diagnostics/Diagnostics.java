package dev.specbridge.processor.diagnostics;

import java.util.ArrayList;
import java.util.List;

/** Collects every spec mistake of a run, so that all of them are reported at once. */
public final class Diagnostics {
  private final List<Diagnostic> errors = new ArrayList<>();

  public void error(Location location, Trail trail, String message) {
    errors.add(new Diagnostic(location, trail, message));
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** How many errors so far: a check can compare it before and after, to stay silent after a first error. */
  public int count() {
    return errors.size();
  }

  public List<Diagnostic> errors() {
    return List.copyOf(errors);
  }
}
