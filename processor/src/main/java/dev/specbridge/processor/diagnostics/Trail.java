package dev.specbridge.processor.diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * Where in the spec's structure an error is, read as a path: {@code command create_lead › request › field email}.
 */
public final class Trail {
  private static final Trail ROOT = new Trail(List.of());

  private final List<String> steps;

  private Trail(List<String> steps) {
    this.steps = steps;
  }

  public static Trail root() {
    return ROOT;
  }

  /** This trail one step deeper, for example {@code then("field", "email")}. */
  public Trail then(String kind, String name) {
    return then(kind + " " + name);
  }

  public Trail then(String step) {
    List<String> more = new ArrayList<>(steps);
    more.add(step);
    return new Trail(List.copyOf(more));
  }

  /** The last step, or {@code null} at the root. */
  public String last() {
    return steps.isEmpty() ? null : steps.get(steps.size() - 1);
  }

  /** This trail one step shorter (the root stays the root). */
  public Trail parent() {
    return steps.isEmpty() ? this : new Trail(List.copyOf(steps.subList(0, steps.size() - 1)));
  }

  public int depth() {
    return steps.size();
  }

  public boolean isRoot() {
    return steps.isEmpty();
  }

  @Override
  public String toString() {
    return String.join(" › ", steps);
  }
}
