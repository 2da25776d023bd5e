package dev.specbridge.runtime.wire;

/**
 * A value on the wire that does not fit its declared type: a field that should be an int and is not, a body that
 * is not URL-encoded, JSON that does not parse. The message names the field and the rule, never a secret value;
 * transports wrap it in an exception that carries the whole raw payload.
 *
 * <p>An error inside a JSON value also names its {@linkplain #path() path}, such as {@code products[1].qty},
 * at the end of the message: {@code field 'qty' should be a whole number (int), found 'x' (at products[1].qty)}.
 */
public class WireFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final String path;

  public WireFormatException(String message) {
    this(message, null, null);
  }

  public WireFormatException(String message, Throwable cause) {
    this(message, null, cause);
  }

  /**
   * An error at {@code path}, such as {@code products[1].qty}; the message ends with {@code (at products[1].qty)}.
   *
   * @param path where in the value the error is; {@code null} or empty when unknown or the whole value
   */
  public WireFormatException(String message, String path, Throwable cause) {
    super(path == null || path.isEmpty() ? message : message + " (at " + path + ")", cause);
    this.reason = message;
    this.path = path == null || path.isEmpty() ? null : path;
  }

  /**
   * Where in a JSON value the error is, in the style {@code products[1].qty} (members joined by dots, array
   * elements by their index in brackets); {@code null} when unknown, or when the error is about the whole value.
   */
  public String path() {
    return path;
  }

  /**
   * This error as seen from an enclosing value: a copy whose path is {@code prefix} followed by this one's
   * ({@code products} and {@code [1].qty} make {@code products[1].qty}), with the same cause and stack trace. This
   * exception itself when {@code prefix} is null or empty.
   */
  public WireFormatException withPathPrefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return this;
    }
    WireFormatException prefixed = new WireFormatException(reason, joinPath(prefix, path), getCause());
    prefixed.setStackTrace(getStackTrace());
    return prefixed;
  }

  /** {@code a} and {@code b.c} make {@code a.b.c}; {@code a} and {@code [2]} make {@code a[2]}. */
  private static String joinPath(String outer, String inner) {
    if (outer == null || outer.isEmpty()) {
      return inner;
    }
    if (inner == null || inner.isEmpty()) {
      return outer;
    }
    return inner.charAt(0) == '[' ? outer + inner : outer + '.' + inner;
  }

  /** A field's text that cannot be read as its type; the text is shown unless the field is secret. */
  public static WireFormatException badValue(String field, String expected, String text, boolean secret) {
    return new WireFormatException("field '" + field + "' should be " + expected + ", found "
        + (secret ? "a secret value" : "'" + text + "'"));
  }
}
