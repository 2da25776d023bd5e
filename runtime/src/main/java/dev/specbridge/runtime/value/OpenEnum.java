package dev.specbridge.runtime.value;

/**
 * A value of an enum the spec declares, which stays open: a value the server sends that the spec does not
 * list is kept as it is (with {@link #isKnown()} false) instead of failing the whole message.
 */
public interface OpenEnum {
  /** The value exactly as it is spelled on the wire. */
  String wireValue();

  /** Whether the spec lists this value. */
  boolean isKnown();
}
