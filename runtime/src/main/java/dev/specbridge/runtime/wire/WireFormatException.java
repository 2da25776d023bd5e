package dev.specbridge.runtime.wire;

/**
 * A value on the wire that does not fit its declared type: a field that should be an int and is not, a body that
 * is not URL-encoded, JSON that does not parse. The message names the field and the rule, never a secret value;
 * transports wrap it in an exception that carries the whole raw payload.
 */
public class WireFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WireFormatException(String message) {
    super(message);
  }

  public WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A field's text that cannot be read as its type; the text is shown unless the field is secret. */
  public static WireFormatException badValue(String field, String expected, String text, boolean secret) {
    return new WireFormatException("field '" + field + "' should be " + expected + ", found "
        + (secret ? "a secret value" : "'" + text + "'"));
  }
}
