package dev.specbridge.processor.protocol.jsonwebsocket;

import dev.specbridge.processor.model.EntryOptions;

/**
 * What a message says beyond its payload.
 *
 * @param direction who sends it
 */
public record MessageOptions(Direction direction) implements EntryOptions {
  /** Who sends a message. */
  public enum Direction {
    /** The client sends it to the server. */
    SEND,
    /** The server sends it to the client. */
    RECEIVE
  }
}
