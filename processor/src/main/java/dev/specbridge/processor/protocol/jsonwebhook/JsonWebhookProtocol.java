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
import dev.specbridge.processor.protocol.EnvelopeNames;
import dev.specbridge.processor.protocol.ProtocolPlugin;
import dev.specbridge.processor.validate.NodeCheck;
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
  private static final EntrySection SECTION = new EntrySection("notifications", "notification",
      List.of(new EntrySection.Body(WebhookApiGenerator.BODY, "Notification", "The data of the notification type")),
      null, List.of(), true, false);

  public JsonWebhookProtocol() {
    super("json-webhook", SECTION, Set.of(WireFormat.JSON));
  }

  @Override
  public ProtocolSettings settings(MapNode protocol, Trail trail, NodeCheck check, Set<String> entryNames) {
    check.onlyKeys(protocol, trail, List.of("kind", EnvelopeNames.KEY));
    Map<String, String> envelope = EnvelopeNames.read(protocol, trail, check, WebhookSettings.DEFAULTS,
        WebhookSettings.DISTINCT);
    if (envelope.get("status").equals(WebhookSettings.ERROR_MESSAGE)) {
      check.error(protocol.property(EnvelopeNames.KEY), trail.then(EnvelopeNames.KEY), "'status' cannot be named '"
          + WebhookSettings.ERROR_MESSAGE + "': an error answer carries its message in that member");
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
