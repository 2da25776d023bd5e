package dev.specbridge.runtime.websocket;

/**
 * A message could not wait for the connection: the session's queue already holds its capacity of messages. The
 * message was not queued and nothing was dropped; send it again later, or raise the capacity.
 */
public final class SocketQueueFullException extends RuntimeException {
  private final String command;
  private final int capacity;

  SocketQueueFullException(String command, int capacity) {
    super("the queue of messages waiting for the connection is full (" + capacity + "); '" + command
        + "' was not sent");
    this.command = command;
    this.capacity = capacity;
  }

  /** The command of the message that was not sent. */
  public String command() {
    return command;
  }

  /** The queue's capacity. */
  public int capacity() {
    return capacity;
  }
}
