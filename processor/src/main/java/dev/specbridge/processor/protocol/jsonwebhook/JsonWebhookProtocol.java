package dev.specbridge.processor.protocol.jsonwebhook;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.generate.received.ReceivedMessagesGenerator;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.model.ProtocolSettings;
import dev.specbridge.processor.model.WireFormat;
import dev.specbridge.processor.protocol.EntrySection;
import dev.specbridge.processor.protocol.ProtocolPlugin;
import dev.specbridge.processor.validate.NodeCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code json-webhook}: server-to-client JSON notifications POSTed to the client's endpoint in deliveries, with
 * key challenges, as the dealer website sends them (seed 001). Its records travel as JSON; it generates the
 * received-message family (with the envelope's wire names), the unknown-type record, and the handler with its
 * dispatcher and endpoint.
 */
@AutoService(ProtocolPlugin.class)
public final class JsonWebhookProtocol extends ProtocolPlugin {
  static final String ENVELOPE = "envelope";
  private static final EntrySection SECTION = new EntrySection("notifications", "notification",
      List.of(new EntrySection.Body(WebhookApiGenerator.BODY, "Notification", "The data of the notification type")),
      null, List.of(), true, false);

  public JsonWebhookProtocol() {
    super("json-webhook", SECTION, Set.of(WireFormat.JSON));
  }

  @Override
  public ProtocolSettings settings(MapNode protocol, Trail trail, NodeCheck check, Set<String> entryNames) {
    check.onlyKeys(protocol, trail, List.of("kind", ENVELOPE));
    Map<String, String> envelope = new LinkedHashMap<>(WebhookSettings.DEFAULTS);
    MapNode.Property property = protocol.property(ENVELOPE);
    MapNode written = property == null ? null : check.map(property.value(), trail.then(ENVELOPE));
    if (written == null) {
      return new WebhookSettings(envelope);
    }
    Trail envelopeTrail = trail.then(ENVELOPE);
    check.onlyKeys(written, envelopeTrail, WebhookSettings.DEFAULTS.keySet());
    for (MapNode.Property part : written.entries()) {
      String wire = check.text(written, part.key(), envelopeTrail);
      if (wire != null && wire.isBlank()) {
        check.error(part.value(), envelopeTrail.then(part.key()), "must not be empty");
      } else if (wire != null && envelope.containsKey(part.key())) {
        envelope.put(part.key(), wire);
      }
    }
    if (envelope.get("status").equals(WebhookSettings.ERROR_MESSAGE)) {
      check.error(property, envelopeTrail, "'status' cannot be named '" + WebhookSettings.ERROR_MESSAGE + "': an"
          + " error answer carries its message in that member");
    }
    // members of one object must differ, or one would be read as the other
    for (List<String> members : WebhookSettings.SIBLINGS) {
      Map<String, String> byWire = new LinkedHashMap<>();
      for (String part : members) {
        String other = byWire.putIfAbsent(envelope.get(part), part);
        if (other != null) {
          check.error(property, envelopeTrail, "'" + other + "' and '" + part + "' are " + (members.contains("delivery")
              ? "values of one member" : "members of one object") + " and both named '" + envelope.get(part)
              + "'; give them different names");
        }
      }
    }
    return new WebhookSettings(envelope);
  }

  @Override
  public List<String> apiTypeNames(String apiJavaName) {
    String family = WebhookApiGenerator.familyName(apiJavaName);
    return List.of(apiJavaName + WebhookApiGenerator.HANDLER, family, "Unknown" + family,
        ReceivedMessagesGenerator.routesName(apiJavaName));
  }

  @Override
  public List<ClassName> recordInterfaces(ApiModel api, ApiTypes types, EntryModel entry) {
    return List.of(types.named(WebhookApiGenerator.familyName(api.javaName())));
  }

  @Override
  public List<MethodSpec> bodyMethods(ApiModel api, ApiTypes types, EntryModel entry, String body) {
    return List.of(WebhookApiGenerator.toMessage(entry));
  }

  @Override
  public List<TypeSpec> generate(ApiModel api, ApiTypes types) {
    return new WebhookApiGenerator(api, types).generate();
  }
}
