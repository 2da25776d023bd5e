package dev.specbridge.runtime.form;

/**
 * Where generated code writes a record as name-value pairs: a URL-encoded body ({@link FormWriter}), or the JSON
 * object of one command in a batch. Writers skip absent (null) values.
 */
public interface FormSink {
  void add(String name, String value);
}
