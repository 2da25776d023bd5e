package dev.specbridge.processor.model;

/**
 * A wire format an API's records travel in. A protocol names the formats it uses, and only their codecs are
 * generated, as methods of each record that travels in them ({@code readForm}, {@code writeJson}…).
 */
public enum WireFormat {
  /** Name-value pairs ({@code application/x-www-form-urlencoded}); structured fields carry JSON. */
  FORM(false),
  /** JSON objects, on Jackson's streaming core. */
  JSON(true),
  /**
   * An object element whose fields are child elements with text ({@code <account><name>…</name></account>}), as
   * Centric's packets: read as a stream ({@code readXml}), written as name-value pairs in elements
   * ({@code writeXml}, through the record's form codec, which the protocol generates beside it).
   */
  XML(false);

  private final boolean nests;

  WireFormat(boolean nests) {
    this.nests = nests;
  }

  /**
   * Whether a value inside another travels in this format: JSON nests, name-value pairs do not (a structured
   * field of a form body is one pair whose value is JSON), so a record nested in a form body has no form codec.
   */
  public boolean nests() {
    return nests;
  }
}
