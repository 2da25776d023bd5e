package dev.specbridge.processor.load;

import dev.specbridge.processor.diagnostics.Location;
import java.util.List;

/** A YAML sequence. */
public record ListNode(Location location, List<Node> items) implements Node {
  public ListNode {
    items = List.copyOf(items);
  }
}
