package dev.specbridge.runtime.packet;

/**
 * Thrown by an item's handler to fail its transaction with the server's error text ({@code Transaction failed},
 * {@code Object validation error…}): nothing of the transaction is kept, and the other transactions stand.
 */
public class ItemRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param errorText the transaction's error text, lines joined by {@code \n} */
  public ItemRefusedException(String errorText) {
    super(errorText);
  }

  /** The transaction's error text. */
  public String errorText() {
    return getMessage();
  }
}
