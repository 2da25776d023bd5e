package dev.specbridge.runtime.error;

/**
 * Something went wrong talking to an API. Subclasses say what: the server refused the command
 * ({@link CommandFailedException}), its answer could not be read ({@link MalformedResponseException}), HTTP
 * failed ({@link HttpStatusException}) or the connection did ({@link TransportException}). Messages never
 * contain credentials or secret fields; the raw answer, when there was one, is kept for inspection.
 */
public abstract class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient String rawBody;

  protected ApiException(String message, String rawBody, Throwable cause) {
    super(message, cause);
    this.rawBody = rawBody;
  }

  /** The answer exactly as it arrived, or {@code null} when none did. */
  public String rawBody() {
    return rawBody;
  }
}
