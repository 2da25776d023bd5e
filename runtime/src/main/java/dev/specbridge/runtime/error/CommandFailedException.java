package dev.specbridge.runtime.error;

import dev.specbridge.runtime.value.Redaction;
import java.util.Collection;
import java.util.List;

/**
 * The server answered, and its {@code status} says the command failed. Carries the status (as a number when
 * it is one, and always as it was written), every status message, and the raw answer. Its message shows the
 * status messages with any credential they echo hidden, and at most {@value Redaction#MAX_SHOWN} characters of
 * them; {@link #messages()} has them whole.
 */
public class CommandFailedException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final String command;
  private final String rawStatus;
  private final transient List<String> messages;

  public CommandFailedException(String command, String rawStatus, List<String> messages, String rawBody) {
    this(command, rawStatus, messages, rawBody, List.of());
  }

  /** @param hidden names whose values an echo in the messages hides, beyond those that say they are credentials */
  public CommandFailedException(String command, String rawStatus, List<String> messages, String rawBody,
      Collection<String> hidden) {
    super(Redaction.shown("command " + command + " failed with status " + rawStatus
        + (messages.isEmpty() ? "" : ": " + String.join("; ", messages)), hidden), rawBody, null);
    this.command = command;
    this.rawStatus = rawStatus;
    this.messages = List.copyOf(messages);
  }

  public String command() {
    return command;
  }

  /** The status as a number, or {@code null} when the server wrote something else. */
  public Integer status() {
    try {
      return Integer.valueOf(rawStatus.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The status exactly as the server wrote it. */
  public String rawStatus() {
    return rawStatus;
  }

  /** Every {@code status_message}, in index order. */
  public List<String> messages() {
    return messages;
  }
}
