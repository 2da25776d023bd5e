package dev.specbridge.processor.protocol.jsonwebsocket;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.diagnostics.Suggestions;
import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.generate.received.ReceivedMessagesGenerator;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.model.EntryOptions;
import dev.specbridge.processor.model.ProtocolSettings;
import dev.specbridge.processor.model.WireFormat;
import dev.specbridge.processor.protocol.EntrySection;
import dev.specbridge.processor.protocol.EnvelopeNames;
import dev.specbridge.processor.protocol.ProtocolPlugin;
import dev.specbridge.processor.validate.NodeCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code json-websocket}: JSON {@code {command, payload}} messages over a WebSocket, as CityTrips' (seed 003). Its
 * records travel as JSON. Its settings name a message's members and the session's messages; it generates the
 * received-message family with its handler and dispatcher, and a client with a typed send per sent message, over
 * the runtime's {@code SocketSession}.
 */
@AutoService(ProtocolPlugin.class)
public final class JsonWebSocketProtocol extends ProtocolPlugin {
  private static final String DIRECTION = "direction";
  private static final String REPLY = "reply";
  private static final List<String> DIRECTIONS = List.of("send", "receive");
  private static final EntrySection SECTION = new EntrySection("messages", "message",
      List.of(new EntrySection.Body("payload", "Message", "The payload of the message")), null, List.of(DIRECTION,
      REPLY), false, false);

  public JsonWebSocketProtocol() {
    super("json-websocket", SECTION, Set.of(WireFormat.JSON));
  }

  @Override
  public EntryOptions options(MapNode entry, Trail trail, NodeCheck check) {
    String reply = check.text(entry, REPLY, trail);
    if (!entry.has(DIRECTION)) {
      check.error(entry, trail, "'" + DIRECTION + "' is missing: send (client to server) or receive (server to"
          + " client)");
      return new MessageOptions(null, reply);
    }
    String direction = check.text(entry, DIRECTION, trail);
    if (direction != null && !DIRECTIONS.contains(direction)) {
      check.error(entry.get(DIRECTION), trail.then(DIRECTION), "must be send (client to server) or receive (server to"
          + " client), found '" + direction + "'" + Suggestions.didYouMean(direction, DIRECTIONS));
      direction = null;
    }
    return new MessageOptions(direction == null ? null
        : MessageOptions.Direction.valueOf(direction.toUpperCase(Locale.ROOT)), reply);
  }

  @Override
  public ProtocolSettings settings(MapNode protocol, Trail trail, NodeCheck check, Set<String> entryNames) {
    check.onlyKeys(protocol, trail, List.of("kind", EnvelopeNames.KEY));
    return new WebSocketSettings(EnvelopeNames.read(protocol, trail, check, WebSocketSettings.DEFAULTS,
        WebSocketSettings.DISTINCT));
  }

  /**
   * The session's messages and every reply name a message of the spec, going the right way: the client sends
   * {@code authenticate} and a reply, the server sends the others.
   */
  @Override
  public void checkEntries(MapNode entries, NodeCheck check, List<EntryModel> models, ProtocolSettings settings) {
    Map<String, MessageOptions.Direction> directions = new HashMap<>();
    models.forEach(model -> directions.put(model.wireName(), model.options(MessageOptions.class).direction()));
    if (settings instanceof WebSocketSettings session) {
      WebSocketSettings.SESSION.forEach((part, direction) -> {
        String message = session.envelope().get(part);
        boolean absentDefault = !directions.containsKey(message)
            && message.equals(WebSocketSettings.DEFAULTS.get(part)); // this API has no such message: none is used
        if (!absentDefault && directions.get(message) != direction) {
          String who = direction == MessageOptions.Direction.SEND ? "client" : "server";
          check.error(entries, Trail.root().then("protocol").then(EnvelopeNames.KEY).then(part), "'" + message
              + "' must name a message the " + who + " sends, " + (directions.containsKey(message)
              ? "and '" + message + "' is one the " + (who.equals("client") ? "server" : "client") + " sends"
              : "and the spec's messages have none of that name" + Suggestions.didYouMean(message,
              directions.keySet())));
        }
      });
    }
    for (EntryModel model : models) {
      String reply = model.options(MessageOptions.class).reply();
      if (reply != null && directions.get(reply) != MessageOptions.Direction.SEND
          && entries.get(model.wireName()) instanceof MapNode message) {
        check.error(message.get(REPLY), Trail.root().then(SECTION.singular(), model.wireName()).then(REPLY),
            "must name a message the client sends, found '" + reply + "'"
                + Suggestions.didYouMean(reply, directions.keySet()));
      }
    }
  }

  @Override
  public List<String> apiTypeNames(String apiJavaName) {
    String family = WebSocketApiGenerator.familyName(apiJavaName);
    String clientFamily = WebSocketApiGenerator.clientFamilyName(apiJavaName);
    return List.of(family, "Unknown" + family, apiJavaName + WebSocketApiGenerator.HANDLER,
        apiJavaName + WebSocketApiGenerator.CLIENT, ReceivedMessagesGenerator.routesName(apiJavaName), clientFamily,
        "Unknown" + clientFamily, apiJavaName + WebSocketApiGenerator.SERVER_HANDLER,
        apiJavaName + WebSocketApiGenerator.SERVER_ROUTES, apiJavaName + WebSocketApiGenerator.SERVER_CLIENT);
  }

  @Override
  public List<ClassName> recordInterfaces(ApiModel api, ApiTypes types, EntryModel entry) {
    if (entry.options(MessageOptions.class).direction() == MessageOptions.Direction.SEND) {
      return List.of(types.named(WebSocketApiGenerator.clientFamilyName(api.javaName())));
    }
    return WebSocketApiGenerator.received(api, api.settings(WebSocketSettings.class)).contains(entry)
        ? List.of(types.named(WebSocketApiGenerator.familyName(api.javaName()))) : List.of();
  }

  @Override
  public List<TypeSpec> generate(ApiModel api, ApiTypes types) {
    return new WebSocketApiGenerator(api, types).generate();
  }
}
