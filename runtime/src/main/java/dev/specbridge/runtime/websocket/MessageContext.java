package dev.specbridge.runtime.websocket;

import dev.specbridge.runtime.value.RawJson;
import java.util.Objects;

/**
 * Where a received message came from, for its handler, and the way back: {@link #reply} sends a message on the
 * session it came on.
 *
 * @param command the message's command as sent
 * @param payload its payload as it came, raw JSON
 * @param replies sends a message back ({@code session::send}), or {@code null} when the message came through no
 *     session
 */
public record MessageContext(String command, RawJson payload, Sender replies) {
  /** Sends a message: a command and its payload as JSON text. */
  @FunctionalInterface
  public interface Sender {
    void send(String command, String payloadJson);
  }

  /** The context of a message that came through no session: it cannot be answered. */
  public MessageContext(String command, RawJson payload) {
    this(command, payload, null);
  }

  /**
   * Sends {@code command} with {@code payloadJson} back on the session the message came on.
   *
   * @throws IllegalStateException when it came through no session
   */
  public void reply(String command, String payloadJson) {
    if (replies == null) {
      throw new IllegalStateException("the message " + this.command + " came through no session: no reply goes back");
    }
    replies.send(Objects.requireNonNull(command, "command"), payloadJson);
  }

  @Override
  public String toString() {
    return "MessageContext[" + command + "]"; // the payload may hold a user's data
  }
}
