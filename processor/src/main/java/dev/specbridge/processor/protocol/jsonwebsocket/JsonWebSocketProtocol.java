package dev.specbridge.processor.protocol.jsonwebsocket;

import com.google.auto.service.AutoService;
import dev.specbridge.processor.diagnostics.Suggestions;
import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.model.EntryOptions;
import dev.specbridge.processor.model.WireFormat;
import dev.specbridge.processor.protocol.EntrySection;
import dev.specbridge.processor.protocol.ProtocolPlugin;
import dev.specbridge.processor.validate.NodeCheck;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code json-websocket}: JSON {@code {command, payload}} messages over a WebSocket, as CityTrips' (seed 003). Its
 * records travel as JSON. Today it generates the messages' records and their JSON codec; the session (and the
 * received-message family it will reuse from the webhook) come with the CityTrips work, so it has no settings yet.
 */
@AutoService(ProtocolPlugin.class)
public final class JsonWebSocketProtocol extends ProtocolPlugin {
  private static final String DIRECTION = "direction";
  private static final List<String> DIRECTIONS = List.of("send", "receive");
  private static final EntrySection SECTION = new EntrySection("messages", "message",
      List.of(new EntrySection.Body("payload", "Message", "The payload of the message")), null, List.of(DIRECTION),
      false, false);

  public JsonWebSocketProtocol() {
    super("json-websocket", SECTION, Set.of(WireFormat.JSON));
  }

  @Override
  public EntryOptions options(MapNode entry, Trail trail, NodeCheck check) {
    if (!entry.has(DIRECTION)) {
      check.error(entry, trail, "'" + DIRECTION + "' is missing: send (client to server) or receive (server to"
          + " client)");
      return new MessageOptions(null);
    }
    String direction = check.text(entry, DIRECTION, trail);
    if (direction != null && !DIRECTIONS.contains(direction)) {
      check.error(entry.get(DIRECTION), trail.then(DIRECTION), "must be send (client to server) or receive (server to"
          + " client), found '" + direction + "'" + Suggestions.didYouMean(direction, DIRECTIONS));
      direction = null;
    }
    return new MessageOptions(direction == null ? null
        : MessageOptions.Direction.valueOf(direction.toUpperCase(Locale.ROOT)));
  }
}
