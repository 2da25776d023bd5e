package dev.specbridge.processor.load;

import dev.specbridge.processor.diagnostics.Location;

/** A YAML node that remembers where it was written, so that every later error can point at it. */
public sealed interface Node permits MapNode, ListNode, ScalarNode {
  Location location();

  /** What kind of node this is, in words for error messages. */
  default String describe() {
    if (this instanceof MapNode) {
      return "a mapping";
    }
    if (this instanceof ListNode) {
      return "a list";
    }
    return ((ScalarNode) this).isNull() ? "null" : "a scalar";
  }
}
