package dev.specbridge.processor.model;

import java.util.Map;

/** The protocol of an API and its settings as written (e.g. the service path), for the transports. */
public record Protocol(ProtocolKind kind, Map<String, String> settings) {
  public Protocol {
    settings = Map.copyOf(settings);
  }
}
