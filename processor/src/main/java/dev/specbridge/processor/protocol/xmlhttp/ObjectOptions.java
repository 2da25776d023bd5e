package dev.specbridge.processor.protocol.xmlhttp;

import dev.specbridge.processor.model.EntryOptions;
import java.util.List;

/**
 * What a CRM object says beyond its fields.
 *
 * @param actions the actions a packet may perform on it ({@code insert}, {@code select}…), in the spec's order;
 *     empty when the spec does not say. {@code select} and {@code sync} are performed on its {@link #list} form
 * @param list the element name of its list form ({@code accountList}), on which the server selects and syncs
 *     records; {@code null} when the server has none, or when the spec does not say
 */
public record ObjectOptions(List<String> actions, String list) implements EntryOptions {
  public ObjectOptions {
    actions = List.copyOf(actions);
  }
}
