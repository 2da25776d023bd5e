package dev.specbridge.runtime.error;

/**
 * The server's answer cannot be read as the protocol says: not URL-encoded pairs, an HTML page, an empty body,
 * no {@code status}, a field that does not fit its type. The raw answer is attached.
 */
public class MalformedResponseException extends ApiException {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(String message, String rawBody, Throwable cause) {
    super(message, rawBody, cause);
  }
}
