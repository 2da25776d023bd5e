package dev.specbridge.runtime.error;

import java.time.Duration;
import java.util.Optional;

/** The HTTP exchange failed: an error status, or a redirect the protocol does not follow. */
public class HttpStatusException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final Duration retryAfter;

  public HttpStatusException(String message, int httpStatus, String rawBody) {
    this(message, httpStatus, rawBody, null);
  }

  /** @param retryAfter how long the server asked to wait before trying again ({@code Retry-After}), or null */
  public HttpStatusException(String message, int httpStatus, String rawBody, Duration retryAfter) {
    super(message, rawBody, null);
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** How long the server asked to wait before trying again (its {@code Retry-After}), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
