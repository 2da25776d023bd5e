package dev.specbridge.runtime.error;

/** No answer arrived: the connection failed or timed out. */
public class TransportException extends ApiException {
  private static final long serialVersionUID = 1L;

  public TransportException(String message, Throwable cause) {
    super(message, null, cause);
  }
}
