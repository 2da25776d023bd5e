package dev.specbridge.runtime.packet;

import java.util.List;

/**
 * The server's answer to a packet: a result per transaction sent, in order, and the answers that belong to no
 * transaction (an error about the whole packet, such as {@code Error: …} after a database failure).
 *
 * @param transactions a result per transaction sent, in the order sent; fewer when the server stopped before the
 *     others, and then a packet error says why
 * @param packetErrors answers beyond one per transaction, or without the id of the transaction they would answer:
 *     errors about the packet as a whole
 */
public record PacketAnswer(List<TransactionResult> transactions, List<TransactionResult> packetErrors) {
  public PacketAnswer {
    transactions = List.copyOf(transactions);
    packetErrors = List.copyOf(packetErrors);
  }

  /** The result of the {@code index}th transaction sent, from 0. */
  public TransactionResult transaction(int index) {
    return transactions.get(index);
  }

  /** Whether every transaction succeeded and nothing went wrong with the packet as a whole. */
  public boolean ok() {
    return packetErrors.isEmpty() && transactions.stream().allMatch(TransactionResult::ok);
  }
}
