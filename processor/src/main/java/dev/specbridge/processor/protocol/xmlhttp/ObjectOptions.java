package dev.specbridge.processor.protocol.xmlhttp;

import dev.specbridge.processor.model.EntryOptions;
import java.util.List;

/**
 * What a CRM object says beyond its fields.
 *
 * @param actions the actions a packet may perform on it ({@code insert}, {@code select}…), in the spec's order;
 *     empty when the spec does not say
 */
public record ObjectOptions(List<String> actions) implements EntryOptions {
  public ObjectOptions {
    actions = List.copyOf(actions);
  }
}
