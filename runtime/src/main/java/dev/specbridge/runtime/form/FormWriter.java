package dev.specbridge.runtime.form;

import java.nio.charset.StandardCharsets;

/** Builds an {@code application/x-www-form-urlencoded} body, pair by pair, in the order written. */
public final class FormWriter implements FormSink {
  private final StringBuilder body;

  public FormWriter() {
    this(128);
  }

  public FormWriter(int capacity) {
    body = new StringBuilder(capacity);
  }

  /** Adds {@code name=value}; a null value is skipped, an empty one is written as {@code name=}. */
  @Override
  public void add(String name, String value) {
    if (value == null) {
      return;
    }
    if (body.length() > 0) {
      body.append('&');
    }
    FormEncoding.encode(name, body);
    body.append('=');
    FormEncoding.encode(value, body);
  }

  public boolean isEmpty() {
    return body.length() == 0;
  }

  /** The body as text (ASCII only, since everything else is escaped). */
  public String body() {
    return body.toString();
  }

  public byte[] toBytes() {
    return body.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Only the size: a body carries credentials. */
  @Override
  public String toString() {
    return "FormWriter[" + body.length() + " characters]";
  }
}
