package dev.specbridge.processor.model;

import java.util.List;
import java.util.stream.Stream;

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
   * The names of the API-level types generated beside the records ({@code SiteService} gives
   * {@code SiteServiceClient}), so that the validator can keep them free.
   */
  public List<String> apiTypeNames(String apiJavaName) {
    return switch (this) {
      case FORM_HTTP -> Stream.of("Json", "Form", "Commands", "Client", "Handler").map(s -> apiJavaName + s).toList();
      case JSON_WEBHOOK -> List.of(apiJavaName + "Json", apiJavaName + "Handler", notificationFamily(apiJavaName),
          "Unknown" + notificationFamily(apiJavaName));
      default -> List.of(apiJavaName + "Json");
    };
  }

  /**
   * The sealed interface over a webhook's notification records: {@code SiteNotifications} gives
   * {@code SiteNotification}, {@code Notices} gives {@code NoticesNotification}.
   */
  public static String notificationFamily(String apiJavaName) {
    return apiJavaName.endsWith("Notifications") ? apiJavaName.substring(0, apiJavaName.length() - 1)
        : apiJavaName + "Notification";
  }

  /** The kind of entry this protocol exchanges. */
  public EntryKind entries() {
    return entries;
  }
}
