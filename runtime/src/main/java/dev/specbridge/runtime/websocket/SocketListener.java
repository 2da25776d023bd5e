package dev.specbridge.runtime.websocket;

import dev.specbridge.runtime.value.RawJson;

/**
 * What a {@link SocketSession} receives. {@link #onMessage} gets every message that is not one of the session's
 * own commands ({@link SocketEnvelope#isSessionCommand}); the other methods say what happened to the session, and
 * do nothing by default. Every method runs on the connection's reader thread, one at a time and in the order of
 * the frames; a method that blocks holds up the frames after it. What a method other than {@code onMessage} throws
 * is logged (its class only) and the session goes on.
 */
public interface SocketListener {
  /**
   * A message of the API: its command and its payload as JSON text, for a generated reader ({@code null} when the
   * frame had no payload member is read as the JSON {@code null}). What it throws goes to
   * {@link #onHandlerFailure}, and the session goes on.
   */
  void onMessage(String command, RawJson payload) throws Exception;

  /** The server accepted the authentication; messages waiting in the queue are on their way. */
  default void onAuthenticated() {}

  /** The server refused the authentication, with its payload (such as {@code {"reason":"…"}}). */
  default void onAuthError(RawJson payload) {}

  /** The server sent its generic error, with its payload. */
  default void onServerError(RawJson payload) {}

  /**
   * A frame that is not a message: not JSON, not an object, without a command, a member written twice, or a
   * binary frame. {@code reason} says which and never quotes the frame; {@code frame} is the frame as it came.
   */
  default void onMalformed(String frame, String reason) {}

  /** {@link #onMessage} threw {@code failure} for a message of {@code command}. */
  default void onHandlerFailure(String command, Throwable failure) {}

  /**
   * The connection is gone (or could not be made): {@code reason} is the close reason or the failure's class,
   * {@code failure} the failure when there was one. A reconnection follows unless the session is closed or gives up.
   */
  default void onDisconnected(String reason, Throwable failure) {}

  /** A reconnection is due in {@code delay}; {@code attempt} counts from 1 since the last authentication. */
  default void onReconnecting(int attempt, java.time.Duration delay) {}

  /** The session made its maximum number of attempts without authenticating again, and is now closed. */
  default void onGaveUp(int attempts) {}
}
