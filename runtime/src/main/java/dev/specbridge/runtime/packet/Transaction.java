package dev.specbridge.runtime.packet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A transaction of a packet: its items run in order, all or none; its {@code <meta>} names the properties each
 * record of its answer carries (the projection: without it, records come back empty). Immutable; the methods
 * return changed copies.
 *
 * @param id the client's id of the transaction, echoed by its answer; {@code null} sends none
 * @param meta the properties of the answer's records, in order
 * @param items the items
 */
public record Transaction(Integer id, List<String> meta, List<PacketItem> items) {
  public Transaction {
    meta = List.copyOf(meta);
    items = List.copyOf(items);
  }

  /** An empty transaction with client id {@code id}. */
  public static Transaction withId(int id) {
    return new Transaction(id, List.of(), List.of());
  }

  /** This transaction, whose records carry {@code properties}. */
  public Transaction meta(String... properties) {
    return new Transaction(id, List.of(properties), items);
  }

  /** This transaction with {@code item} added last. */
  public Transaction item(PacketItem item) {
    List<PacketItem> more = new ArrayList<>(items);
    more.add(Objects.requireNonNull(item, "item"));
    return new Transaction(id, meta, more);
  }
}
