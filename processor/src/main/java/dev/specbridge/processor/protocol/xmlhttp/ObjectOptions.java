package dev.specbridge.processor.protocol.xmlhttp;

import dev.specbridge.processor.model.EntryOptions;
import dev.specbridge.processor.model.ScalarKind;
import java.util.List;

/**
 * What a CRM object says beyond its fields.
 *
 * @param actions the actions a packet may perform on it ({@code insert}, {@code select}…), in the spec's order;
 *     empty when the spec does not say. {@code select} and {@code sync} are performed on its {@link #list} form
 * @param list the element name of its list form ({@code accountList}), on which the server selects and syncs
 *     records; {@code null} when the server has none, or when the spec does not say
 * @param filters the filters of its list form (the list's own properties: {@code accountName},
 *     {@code ownerId}…), in the spec's order; empty when the spec names none
 */
public record ObjectOptions(List<String> actions, String list, List<Filter> filters) implements EntryOptions {
  /**
   * A filter of a list form.
   *
   * @param name its element name, also its method's
   * @param type its value's type: a string, a number or a boolean
   * @param doc what it does, or {@code null}
   */
  public record Filter(String name, ScalarKind type, String doc) {}

  public ObjectOptions {
    actions = List.copyOf(actions);
    filters = List.copyOf(filters);
  }

  /** An object's options without filters. */
  public ObjectOptions(List<String> actions, String list) {
    this(actions, list, List.of());
  }
}
