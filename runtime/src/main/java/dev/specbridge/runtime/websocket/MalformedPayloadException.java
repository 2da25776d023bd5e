package dev.specbridge.runtime.websocket;

import dev.specbridge.runtime.wire.WireFormatException;

/**
 * A received message's payload does not fit its command's record: thrown by {@link MessageDispatcher} before any
 * handler runs, so that a {@link SocketSession} reports it to {@link SocketListener#onMalformed} with the frame,
 * not as a handler's failure. Its message quotes nothing of the payload.
 */
public final class MalformedPayloadException extends WireFormatException {
  private static final long serialVersionUID = 1L;

  MalformedPayloadException(String command, WireFormatException cause) {
    super("the payload of '" + command + "' does not fit: " + cause.getMessage(), cause);
  }
}
