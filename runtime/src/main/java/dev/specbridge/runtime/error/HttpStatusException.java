package dev.specbridge.runtime.error;

/** The HTTP exchange failed: an error status, or a redirect the protocol does not follow. */
public class HttpStatusException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;

  public HttpStatusException(String message, int httpStatus, String rawBody) {
    super(message, rawBody, null);
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
