package dev.specbridge.runtime.wire;

/**
 * The wire format a value came in, so that it can be written back in another one correctly: an unknown field
 * read from name-value pairs and written as JSON becomes a JSON string, not bare text.
 */
public enum WireFormat {
  /** A value as decoded text, as name-value pairs carry it ({@code hello world}, {@code 3}). */
  TEXT,
  /** JSON text: a string with its quotes ({@code "hello world"}), a number, an object, an array… */
  JSON,
  /** XML text. */
  XML
}
