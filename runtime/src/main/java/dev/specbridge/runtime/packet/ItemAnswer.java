package dev.specbridge.runtime.packet;

import java.util.List;

/**
 * What an item's handler answers: its records with every field it has (the endpoint keeps the transaction's
 * {@code <meta>} properties of each, in meta order), and, for a paged select, how many records match in all.
 * The first record's {@code id} is the key a {@code shareKey="true"} item shares as {@code $C{element.id}}.
 *
 * @param records the records, each with its action ({@code processed}, {@code select}…)
 * @param total how many records match in all, or {@code null} when the select was not paged
 */
public record ItemAnswer(List<PacketRecord> records, Integer total) {
  public ItemAnswer {
    records = List.copyOf(records);
  }

  /** One record. */
  public static ItemAnswer of(PacketRecord record) {
    return new ItemAnswer(List.of(record), null);
  }
}
