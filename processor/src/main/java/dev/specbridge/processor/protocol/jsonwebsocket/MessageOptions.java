package dev.specbridge.processor.protocol.jsonwebsocket;

import dev.specbridge.processor.model.EntryOptions;

/**
 * What a message says beyond its payload.
 *
 * @param direction who sends it
 * @param reply the message the client answers it with (a received message's reply, which the generated handler's
 *     method returns the payload of), or {@code null}
 */
public record MessageOptions(Direction direction, String reply) implements EntryOptions {
  /** A message without a reply. */
  public MessageOptions(Direction direction) {
    this(direction, null);
  }

  /** Who sends a message. */
  public enum Direction {
    /** The client sends it to the server. */
    SEND,
    /** The server sends it to the client. */
    RECEIVE
  }
}
