package dev.specbridge.processor.model;

/** How an API talks; each protocol carries one kind of entry. */
public enum ProtocolKind {
  /** Commands POSTed as form name-value pairs, answered in URL-encoded name-value pairs. */
  FORM_HTTP("form-http", EntryKind.COMMAND),
  /** Server-to-client JSON notifications POSTed to the client's webhook. */
  JSON_WEBHOOK("json-webhook", EntryKind.NOTIFICATION),
  /** XML packets of transactions on CRM objects POSTed over HTTP. */
  XML_HTTP("xml-http", EntryKind.OBJECT),
  /** JSON {@code {command, payload}} messages over a WebSocket. */
  JSON_WEBSOCKET("json-websocket", EntryKind.MESSAGE);

  private final String specName;
  private final EntryKind entries;

  ProtocolKind(String specName, EntryKind entries) {
    this.specName = specName;
    this.entries = entries;
  }

  /** The name written in a spec's {@code protocol: kind:}. */
  public String specName() {
    return specName;
  }

  /**
   * The suffixes of the API-level types generated beside the records ({@code SiteService} + {@code Client}), so
   * that the validator can keep their names free.
   */
  public java.util.List<String> apiTypeSuffixes() {
    return this == FORM_HTTP ? java.util.List.of("Json", "Form", "Commands", "Client", "Handler")
        : java.util.List.of("Json");
  }

  /** The kind of entry this protocol exchanges. */
  public EntryKind entries() {
    return entries;
  }
}
