package dev.specbridge.runtime.packet;

import dev.specbridge.runtime.value.UnknownFields;

/**
 * What the server answered for one transaction ({@code <response id="1">}): its status, its error text, its
 * records, and any element the protocol does not name, kept. A failed transaction is reported on itself; the
 * others of its packet stand.
 *
 * @param id the transaction's id as echoed, or {@code null} when the answer has none
 * @param status {@code 0} for success, else the server's error status ({@code 1})
 * @param errorText the server's error text, lines joined by {@code \n}; {@code ""} when none
 * @param recordSet the records, or {@code null} when the answer has none (always so for a failure)
 * @param unknown elements of the answer the protocol does not name, as XML
 */
public record TransactionResult(Integer id, int status, String errorText, RecordSet recordSet,
    UnknownFields unknown) {
  /** Whether the transaction succeeded. */
  public boolean ok() {
    return status == 0;
  }
}
