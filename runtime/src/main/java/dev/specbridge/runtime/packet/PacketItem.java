package dev.specbridge.runtime.packet;

import dev.specbridge.runtime.form.FormSink;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One item of a transaction: an object element ({@code <account action="insert">}) with its fields, each a child
 * element written through a {@link FormSink} ({@code sink.add("name", "Dark Horse Ventures")}), so that a
 * generated record's {@code writeForm} writes it. Immutable; the methods return changed copies.
 *
 * @param element the object's element name ({@code account}, or {@code accountList} for a select)
 * @param action its action ({@code insert}, {@code update}, {@code delete}, {@code select}…)
 * @param shareKey whether later items of its transaction may use its new key as {@code $C{account.id}}
 * @param offset the first record of a select's page, or {@code null}
 * @param items how many records a select's page has ({@code -1}: all), or {@code null}
 * @param fields writes the item's fields (a select's filters)
 */
public record PacketItem(String element, String action, boolean shareKey, Integer offset, Integer items,
    Consumer<FormSink> fields) {
  public PacketItem {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(fields, "fields");
  }

  /** An item of {@code action} on {@code element} whose fields {@code fields} writes. */
  public static PacketItem of(String element, String action, Consumer<FormSink> fields) {
    return new PacketItem(element, action, false, null, null, fields);
  }

  /** This item, its new key shared with later items of its transaction ({@code shareKey="true"}). */
  public PacketItem sharingKey() {
    return new PacketItem(element, action, true, offset, items, fields);
  }

  /** This select, for the page of {@code items} records from {@code offset} ({@code items} -1: all of them). */
  public PacketItem page(int offset, int items) {
    return new PacketItem(element, action, shareKey, offset, items, fields);
  }

  /**
   * This item, its field {@code field} set to the key an earlier {@code shareKey} item of its transaction shares:
   * {@code OrganizationPhoneNumber.insert(phone).referencing("orgId", Account.ELEMENT)} sends
   * {@code <orgId>$C{account.id}</orgId>}, whatever the typed record holds there.
   */
  public PacketItem referencing(String field, String element) {
    Objects.requireNonNull(field, "field");
    String reference = reference(element, "id");
    Consumer<FormSink> written = fields;
    return new PacketItem(this.element, action, shareKey, offset, items, out -> {
      written.accept((name, value) -> {
        if (!name.equals(field)) {
          out.add(name, value);
        }
      });
      out.add(field, reference);
    });
  }

  /** The reference a later item of the same transaction puts in a field: {@code $C{account.id}}. */
  public static String reference(String element, String key) {
    return "$C{" + element + "." + key + "}";
  }
}
