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
import dev.specbridge.processor.model.ProtocolSettings;
import dev.specbridge.processor.model.WireFormat;
import dev.specbridge.processor.protocol.EntrySection;
import dev.specbridge.processor.protocol.EnvelopeNames;
import dev.specbridge.processor.protocol.ProtocolPlugin;
import dev.specbridge.processor.validate.NodeCheck;
import java.util.List;
import java.util.Set;

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
    return new FormHttpSettings(path, batch, EnvelopeNames.read(protocol, trail, check, FormHttpSettings.DEFAULTS,
        FormHttpSettings.DISTINCT));
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
