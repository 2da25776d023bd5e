package dev.specbridge.runtime.packet;

import java.util.List;

/**
 * The records of a transaction's answer: those of its first item that gave any.
 *
 * @param name the element they came from ({@code account} for an insert, {@code accountList} for a select)
 * @param count how many records this answer has, as the server says
 * @param total how many records match a paged select in all, or {@code null} when not paged
 * @param records the records, in order
 */
public record RecordSet(String name, int count, Integer total, List<PacketRecord> records) {
  public RecordSet {
    records = List.copyOf(records);
  }
}
