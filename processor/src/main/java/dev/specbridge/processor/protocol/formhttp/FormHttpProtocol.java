package dev.specbridge.processor.protocol.formhttp;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.diagnostics.Suggestions;
import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.generate.RouteTable;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.model.EntryOptions;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.model.RecordModel;
import dev.specbridge.processor.model.ProtocolSettings;
import dev.specbridge.processor.model.WireFormat;
import dev.specbridge.processor.protocol.EntrySection;
import dev.specbridge.processor.protocol.EnvelopeNames;
import dev.specbridge.processor.protocol.ProtocolPlugin;
import dev.specbridge.processor.validate.NodeCheck;
import java.util.List;
import java.util.Map;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code form-http}: commands POSTed as form name-value pairs and answered in URL-encoded name-value pairs, as the
 * dealer website's API Service (seeds 000/001). Its records travel as name-value pairs, with structured fields as
 * JSON; it generates a typed client, and a handler with its dispatcher. Each command's request record carries
 * the command's {@code COMMAND}.
 */
@AutoService(ProtocolPlugin.class)
public final class FormHttpProtocol extends ProtocolPlugin {
  static final String PATH = "path";
  static final String BATCH_COMMAND = "batchCommand";
  private static final EntrySection SECTION = new EntrySection("commands", "command", List.of(
      new EntrySection.Body("request", "Request", "The request of the command"),
      new EntrySection.Body("response", "Response", "The response of the command")),
      null, List.of("idempotent", "successStatus"), true, true);

  public FormHttpProtocol() {
    super("form-http", SECTION, Set.of(WireFormat.FORM, WireFormat.JSON), Set.of(WireFormat.FORM));
  }

  @Override
  public ProtocolSettings settings(MapNode protocol, Trail trail, NodeCheck check, Set<String> entryNames) {
    check.onlyKeys(protocol, trail, List.of("kind", PATH, BATCH_COMMAND, EnvelopeNames.KEY));
    String path = check.text(protocol, PATH, trail);
    if (path != null && !path.startsWith("/")) {
      check.error(protocol.get(PATH), trail.then(PATH), "must start with '/', found '" + path + "'");
    }
    String batch = check.text(protocol, BATCH_COMMAND, trail);
    if (batch != null && !entryNames.contains(batch)) {
      check.error(protocol.get(BATCH_COMMAND), trail.then(BATCH_COMMAND), "names no command of this API: '" + batch
          + "'" + Suggestions.didYouMean(batch, entryNames));
      batch = null;
    }
    Map<String, String> envelope = EnvelopeNames.read(protocol, trail, check, FormHttpSettings.DEFAULTS,
        FormHttpSettings.DISTINCT);
    checkHeaders(protocol, trail, check, envelope);
    return new FormHttpSettings(path, batch, envelope);
  }

  /** What an HTTP header's name, and an authorization scheme, may hold (RFC 9110's token). */
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /**
   * The signed request's scheme and headers: each a token (a space or ':' fails only when the first signed request
   * is built, or splits {@code Authorization: scheme user:signature} wrongly on the server), the two headers
   * different whatever their case (one header to HTTP, and the last written wins), and neither the
   * {@code Authorization} that carries the signature.
   */
  private static void checkHeaders(MapNode protocol, Trail trail, NodeCheck check, Map<String, String> envelope) {
    MapNode.Property property = protocol.property(EnvelopeNames.KEY);
    if (property == null || !(property.value() instanceof MapNode written)) {
      return; // the defaults are right
    }
    Trail at = trail.then(EnvelopeNames.KEY);
    for (String part : List.of("authorization", "commandHeader", "nonceHeader")) {
      String wire = envelope.get(part);
      if (!wire.isBlank() && !TOKEN.matcher(wire).matches()) {
        check.error(written.has(part) ? written.get(part) : property.value(), at.then(part), "must be an HTTP token"
            + " (letters, digits and !#$%&'*+-.^_`|~), found '" + wire + "'");
      }
    }
    String command = envelope.get("commandHeader");
    String nonce = envelope.get("nonceHeader");
    if (!command.equals(nonce) && command.equalsIgnoreCase(nonce)) { // equal ones are EnvelopeNames' error
      check.error(property, at, "'commandHeader' and 'nonceHeader' are headers of one request and both named '"
          + nonce + "' (header names ignore case); give them different names");
    }
    for (String part : List.of("commandHeader", "nonceHeader")) {
      if (envelope.get(part).equalsIgnoreCase("Authorization")) {
        check.error(property, at, "'" + part + "' is named '" + envelope.get(part) + "', the header of a signed"
            + " request's signature; give it another name");
      }
    }
  }

  /**
   * A command's own fields may not take the envelope's names: a request field named as a credential or the command
   * pair would be read as the envelope's (and hidden from the handler), a response field named as the status or its
   * message would be taken as the answer's status. The user's token stays allowed in a request, where a command
   * documents it as its own ({@code user_login_token_update}).
   */
  @Override
  public void checkEntries(MapNode entries, NodeCheck check, List<EntryModel> models, ProtocolSettings settings) {
    if (!(settings instanceof FormHttpSettings form)) {
      return;
    }
    Map<String, List<String>> reserved = Map.of("request", List.of("command", "loginId", "password", "sitecomToken"),
        "response", List.of("status", "statusMessage"));
    for (EntryModel command : models) {
      reserved.forEach((body, parts) -> {
        RecordModel record = command.body(body);
        if (record == null) {
          return;
        }
        for (FieldModel field : record.fields()) {
          for (String part : parts) {
            if (field.wireName().equals(form.envelope().get(part))
                && entries.get(command.wireName()) instanceof MapNode entry
                && entry.get(body) instanceof MapNode bodyNode && bodyNode.get("fields") instanceof MapNode fields) {
              check.error(fields.property(field.wireName()), Trail.root().then(SECTION.singular(), command.wireName())
                  .then(body).then("field", field.wireName()), "'" + field.wireName() + "' is the envelope's " + part
                  + " (protocol › envelope › " + part + "); the " + body + "'s own field cannot take its name");
            }
          }
        }
      });
    }
  }

  @Override
  public EntryOptions options(MapNode entry, Trail trail, NodeCheck check) {
    return new CommandOptions(check.flag(entry, "idempotent", trail, false),
        check.text(entry, "successStatus", trail));
  }

  @Override
  public List<String> apiTypeNames(String apiJavaName) {
    return List.of(apiJavaName + FormApiGenerator.CLIENT, apiJavaName + FormApiGenerator.HANDLER,
        apiJavaName + RouteTable.SUFFIX);
  }

  @Override
  public List<FieldSpec> bodyConstants(ApiModel api, ApiTypes types, EntryModel entry, String body) {
    return body.equals("request") ? List.of(FormApiGenerator.command(api, types, entry)) : List.of();
  }

  @Override
  public List<TypeSpec> generate(ApiModel api, ApiTypes types) {
    FormApiGenerator generator = new FormApiGenerator(api, types);
    return List.of(generator.client(), generator.handler(), generator.routes());
  }
}
