package dev.specbridge.runtime.websocket;

import dev.specbridge.runtime.value.RawJson;

/**
 * Supplies the payload of the authenticate message, as JSON text (a generated writer's output), each time the
 * session authenticates: after every connection and on every request of the server. It holds credentials: the
 * session never logs it, never shows it in a message or {@code toString()}, and asks for it only to send it.
 */
@FunctionalInterface
public interface SocketAuthenticator {
  /** The authenticate message's payload, such as {@code {"clientId":"…","apiKey":"…"}}. */
  RawJson payload();
}
