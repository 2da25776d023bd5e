package dev.specbridge.runtime.error;

/**
 * The server refused the login: a wrong password or code, a disabled user or client. Carries the server's own
 * words and the raw answer; never the credentials.
 */
public class NotAuthorizedException extends ApiException {
  private static final long serialVersionUID = 1L;

  public NotAuthorizedException(String message, String rawBody) {
    super(message, rawBody, null);
  }
}
