package dev.specbridge.processor.model;

/**
 * A wire format an API's records travel in. A protocol names the formats it uses, and only their codecs are
 * generated: {@code <Api>Form} for name-value pairs, {@code <Api>Json} for JSON.
 */
public enum WireFormat {
  /** Name-value pairs ({@code application/x-www-form-urlencoded}); structured fields carry JSON. */
  FORM("Form"),
  /** JSON objects, on Jackson's streaming core. */
  JSON("Json");

  private final String codecSuffix;

  WireFormat(String codecSuffix) {
    this.codecSuffix = codecSuffix;
  }

  /** The suffix of the generated codec class: {@code SiteService} + {@code Json}. */
  public String codecSuffix() {
    return codecSuffix;
  }
}
