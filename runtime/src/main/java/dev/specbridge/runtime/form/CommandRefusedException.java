package dev.specbridge.runtime.form;

import java.util.List;

/**
 * Thrown by a server-side command handler to answer with a non-zero {@code status} and its messages, which the
 * endpoint writes as {@code status_message} (or {@code status_message[n]} for several).
 */
public class CommandRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String status;
  private final transient List<String> messages;

  public CommandRefusedException(int status, String... messages) {
    this(Integer.toString(status), List.of(messages));
  }

  public CommandRefusedException(String status, List<String> messages) {
    super("status " + status + (messages.isEmpty() ? "" : ": " + String.join("; ", messages)));
    this.status = status;
    this.messages = List.copyOf(messages);
  }

  /** The command is in the spec but this server does not implement it. */
  public static CommandRefusedException notSupported(String command) {
    return new CommandRefusedException(1, "Command " + command + " is not supported by this server");
  }

  public String status() {
    return status;
  }

  public List<String> messages() {
    return messages;
  }
}
