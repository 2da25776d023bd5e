package dev.specbridge.processor.model;

import java.util.List;

/**
 * The kinds of entries a spec lists, one per section of the spec file, with the bodies each one has and the
 * suffix of the records generated for it.
 */
public enum EntryKind {
  /** A request/response command, as in the site service ({@code commands:}). */
  COMMAND("commands", "command", List.of("request", "response")),
  /** A server-to-client notification type ({@code notifications:}); its body is the message's {@code data}. */
  NOTIFICATION("notifications", "notification", List.of("data")),
  /** A CRM object of an XML packet protocol ({@code objects:}); the entry itself is the body. */
  OBJECT("objects", "object", List.of()),
  /** A message of a JSON message protocol ({@code messages:}); its body is the message's {@code payload}. */
  MESSAGE("messages", "message", List.of("payload"));

  private final String section;
  private final String singular;
  private final List<String> bodies;

  EntryKind(String section, String singular, List<String> bodies) {
    this.section = section;
    this.singular = singular;
    this.bodies = bodies;
  }

  /** The top-level key of the spec file that lists entries of this kind. */
  public String section() {
    return section;
  }

  /** The word used for one entry in error paths, e.g. {@code command create_lead}. */
  public String singular() {
    return singular;
  }

  /** The keys of an entry that hold a body; empty when the entry is its own body. */
  public List<String> bodies() {
    return bodies;
  }

  /** The suffix of the record generated for a body of this kind, e.g. {@code Request} or {@code Message}. */
  public String recordSuffix(String body) {
    return switch (this) {
      case COMMAND -> body.equals("request") ? "Request" : "Response";
      case NOTIFICATION -> "Notification";
      case OBJECT -> "";
      case MESSAGE -> "Message";
    };
  }

  public static EntryKind ofSection(String section) {
    for (EntryKind kind : values()) {
      if (kind.section.equals(section)) {
        return kind;
      }
    }
    return null;
  }
}
