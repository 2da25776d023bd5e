package dev.specbridge.runtime.http;

import okhttp3.Request;

/**
 * One call a protocol's client makes through an {@link HttpTransport}: the request to send, built anew for each
 * attempt (a signed request needs a new nonce every time), what its answer means, and how its texts are shown
 * with their secrets hidden.
 *
 * @param <T> what the call gives when its answer is read
 */
public interface HttpCall<T> {
  /** What the call is called in messages, tags and {@link CallEvent}s: a command's or an object's name. */
  String name();

  /** The call as messages name it: {@code command create_lead}; its {@link #name()} unless it says more. */
  default String what() {
    return name();
  }

  /** Whether the call may be sent again after a failure: only when the spec says so. */
  boolean idempotent();

  /** The request of one attempt; the transport adds the {@link CommandTag}. */
  Request request();

  /**
   * Reads an answer whose HTTP status is 2xx. What it throws is what the call throws: an
   * {@link dev.specbridge.runtime.error.ApiException} as it is, anything else as it is too (the transport never
   * wraps a protocol's own errors).
   */
  T read(HttpAnswer answer);

  /**
   * A request or answer text as people may see it: every credential and field the spec marks {@code secret}
   * hidden as {@code ██}. What a {@link CallEvent} shows; the exceptions of a protocol hide the same way.
   */
  String shown(String text);
}
