package dev.specbridge.processor.validate;

import dev.specbridge.processor.diagnostics.Diagnostics;
import dev.specbridge.processor.diagnostics.Suggestions;
import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.load.ListNode;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.load.Node;
import dev.specbridge.processor.load.ScalarNode;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryKind;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.model.EnumModel;
import dev.specbridge.processor.model.Protocol;
import dev.specbridge.processor.model.ProtocolKind;
import dev.specbridge.processor.model.RecordModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The validate stage: checks a loaded spec and resolves it into an {@link ApiModel}. Every mistake is
 * collected, with its place in the file and its path in the spec, before anything is generated.
 */
public final class SpecValidator {
  private static final List<String> ROOT_KEYS = List.of(
      "spec", "api", "doc", "protocol", "extends", "types", "commands", "notifications", "objects", "messages");
  private static final List<String> ENTRY_KEYS = List.of("doc", "java", "documented");
  private static final List<String> BODY_KEYS = List.of("doc", "fields", "unknownFields");
  private static final String JAVA_HINT = "give the entry a 'java:' name";
  private static final List<String> DIRECTIONS = List.of("send", "receive");

  private final NodeCheck check;
  /** Every top-level Java type name generated so far, with what it was generated for. */
  private final Map<String, String> topLevelNames = new HashMap<>();
  private FieldResolver fields;
  private Protocol protocol;

  private SpecValidator(Diagnostics diagnostics) {
    this.check = new NodeCheck(diagnostics);
  }

  /** The model of {@code spec}, or {@code null} when it has mistakes (all of them reported). */
  public static ApiModel validate(String source, MapNode spec, Diagnostics diagnostics) {
    ApiModel model = new SpecValidator(diagnostics).api(source, spec);
    return diagnostics.hasErrors() ? null : model;
  }

  private ApiModel api(String source, MapNode spec) {
    Trail root = Trail.root();
    check.onlyKeys(spec, root, ROOT_KEYS);
    String version = check.text(spec, "spec", root);
    if (version != null && !version.equals("1")) {
      check.error(spec.get("spec"), root.then("spec"), "this processor reads spec language 1, found '" + version + "'");
    }
    String name = check.requiredText(spec, "api", root);
    String doc = check.text(spec, "doc", root);
    Protocol protocol = protocol(spec);

    this.protocol = protocol;
    if (name != null && protocol != null) {
      String apiJavaName = Names.pascalCase(name);
      for (String apiType : protocol.kind().apiTypeNames(apiJavaName)) {
        claimTopLevelName(apiType, spec.property("api"), "the API", root.then("api"), "rename the API");
      }
    }
    Map<String, Boolean> sharedNames = sharedTypeNames(spec.get("types"));
    fields = new FieldResolver(check, sharedNames);
    List<RecordModel> records = new ArrayList<>();
    List<EnumModel> enums = new ArrayList<>();
    sharedTypes(spec.get("types"), sharedNames, records, enums);

    List<EntryModel> entries = new ArrayList<>();
    for (EntryKind kind : EntryKind.values()) {
      MapNode.Property section = spec.property(kind.section());
      if (section == null) {
        continue;
      }
      if (protocol != null && protocol.kind().entries() != kind) {
        check.error(section, root, kind.section() + " belong to a " + protocolFor(kind).specName()
            + " API, but this API's protocol is " + protocol.kind().specName()
            + "; its entries go under '" + protocol.kind().entries().section() + "'");
      }
      MapNode listed = section.value() instanceof ScalarNode s && s.isNull() ? null
          : check.map(section.value(), root.then(kind.section()));
      if (listed != null) {
        for (MapNode.Property entry : listed.entries()) {
          EntryModel model = entry(kind, entry);
          if (model != null) {
            entries.add(model);
          }
        }
      }
    }
    for (FieldResolver.NestedType nested : fields.nestedTypes()) {
      String other = topLevelNames.get(nested.javaName());
      if (other != null) {
        check.error(nested.node(), nested.trail(), FieldResolver.nestedNameProblem(
            "'" + nested.javaName() + "' is also the name of the type generated for " + other + ", which it would hide"));
      }
    }
    return new ApiModel(name, name == null ? null : Names.pascalCase(name), doc, source, protocol, records, enums,
        entries);
  }

  private Protocol protocol(MapNode spec) {
    Trail trail = Trail.root().then("protocol");
    Node node = spec.get("protocol");
    if (node == null) {
      check.error(spec, Trail.root(), "'protocol' is missing; write for example 'protocol: {kind: form-http}'");
      return null;
    }
    MapNode protocol = check.map(node, trail);
    if (protocol == null) {
      return null;
    }
    String kindName = check.requiredText(protocol, "kind", trail);
    ProtocolKind kind = null;
    for (ProtocolKind candidate : ProtocolKind.values()) {
      if (candidate.specName().equals(kindName)) {
        kind = candidate;
      }
    }
    List<String> kinds = Arrays.stream(ProtocolKind.values()).map(ProtocolKind::specName).collect(Collectors.toList());
    if (kind == null && kindName != null) {
      check.error(protocol.get("kind"), trail.then("kind"), "unknown protocol '" + kindName + "'"
          + Suggestions.didYouMean(kindName, kinds) + "; one of " + String.join(", ", kinds));
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (MapNode.Property setting : protocol.entries()) {
      if (setting.key().equals("envelope") && kind == ProtocolKind.JSON_WEBHOOK) {
        envelope(setting, trail.then("envelope"), settings);
      } else if (!setting.key().equals("kind")) {
        String value = check.text(protocol, setting.key(), trail);
        if (value != null) {
          settings.put(setting.key(), value);
        }
      }
    }
    return kind == null ? null : new Protocol(kind, settings);
  }

  /** A webhook's envelope: a wire name for each part it renames, kept as {@code envelope.<part>} settings. */
  private void envelope(MapNode.Property setting, Trail trail, Map<String, String> settings) {
    MapNode envelope = check.map(setting.value(), trail);
    if (envelope == null) {
      return;
    }
    check.onlyKeys(envelope, trail, Protocol.ENVELOPE_DEFAULTS.keySet());
    for (MapNode.Property part : envelope.entries()) {
      String wire = check.text(envelope, part.key(), trail);
      if (wire != null && Protocol.ENVELOPE_DEFAULTS.containsKey(part.key())) {
        settings.put("envelope." + part.key(), wire);
      }
    }
    // members of one object must differ, or one would be read as the other
    for (List<String> members : List.of(List.of("request", "key", "messages"), List.of("type", "data"),
        List.of("status", "loginId", "password"))) {
      Map<String, String> byWire = new LinkedHashMap<>();
      for (String part : members) {
        String wire = settings.getOrDefault("envelope." + part, Protocol.ENVELOPE_DEFAULTS.get(part));
        String other = byWire.putIfAbsent(wire, part);
        if (other != null) {
          check.error(setting, trail, "'" + other + "' and '" + part + "' are members of one object and both"
              + " named '" + wire + "'; give them different names");
        }
      }
    }
  }

  private static ProtocolKind protocolFor(EntryKind kind) {
    for (ProtocolKind protocol : ProtocolKind.values()) {
      if (protocol.entries() == kind) {
        return protocol;
      }
    }
    throw new AssertionError(kind);
  }

  /** The names of the shared types, true for enums, read first so that fields can refer to any of them. */
  private Map<String, Boolean> sharedTypeNames(Node types) {
    Map<String, Boolean> names = new LinkedHashMap<>();
    if (types instanceof MapNode map) {
      for (MapNode.Property type : map.entries()) {
        boolean isEnum = type.value() instanceof MapNode def
            && (def.has("values") || (def.get("type") instanceof ScalarNode t && "enum".equals(t.text())));
        names.put(type.key(), isEnum);
      }
    }
    return names;
  }

  private void sharedTypes(Node types, Map<String, Boolean> names, List<RecordModel> records, List<EnumModel> enums) {
    if (types == null || (types instanceof ScalarNode scalar && scalar.isNull())) {
      return;
    }
    MapNode map = check.map(types, Trail.root().then("types"));
    if (map == null) {
      return;
    }
    for (MapNode.Property type : map.entries()) {
      Trail trail = Trail.root().then("type", type.key());
      MapNode def = check.map(type.value(), trail);
      if (FieldResolver.isBuiltInType(type.key())) {
        check.error(type, trail, "'" + type.key() + "' is a built-in type; rename the shared type");
        continue;
      }
      if (def == null || !claimTopLevelName(type.key(), type, "type " + type.key(), trail, "rename the type")) {
        continue;
      }
      if (names.get(type.key())) {
        check.onlyKeys(def, trail, List.of("type", "doc", "values"));
        String kind = check.text(def, "type", trail);
        if (kind != null && !kind.equals("enum")) {
          check.error(def.get("type"), trail.then("type"), "a type with 'values' is an enum; write 'type: enum'");
        }
        enums.add(fields.enumeration(type.key(), fields.docOf(def, trail), def, trail));
      } else {
        check.onlyKeys(def, trail, List.of("type", "doc", "fields", "unknownFields"));
        String kind = check.text(def, "type", trail);
        if (kind != null && !kind.equals("object")) {
          check.error(def.get("type"), trail.then("type"), "a shared type is an object (with 'fields') or an enum"
              + " (with 'values'), found type '" + kind + "'");
        }
        records.add(fields.record(List.of(type.key()), fields.docOf(def, trail), def.get("fields"),
            fields.unknownFields(def, trail), trail));
      }
    }
  }

  private EntryModel entry(EntryKind kind, MapNode.Property entry) {
    Trail trail = Trail.root().then(kind.singular(), entry.key());
    MapNode def = entry.value() instanceof ScalarNode scalar && scalar.isNull()
        ? new MapNode(entry.keyLocation(), Map.of())
        : check.map(entry.value(), trail);
    if (def == null) {
      return null;
    }
    List<String> allowed = new ArrayList<>(ENTRY_KEYS);
    allowed.addAll(kind.bodies());
    allowed.addAll(switch (kind) {
      case COMMAND -> List.of("idempotent", "successStatus");
      case NOTIFICATION -> List.<String>of();
      case OBJECT -> List.of("actions", "fields", "unknownFields");
      case MESSAGE -> List.of("direction");
    });
    check.onlyKeys(def, trail, allowed);

    String doc = check.text(def, "doc", trail);
    boolean documented = check.flag(def, "documented", trail, true);
    String javaName = check.text(def, "java", trail);
    String baseName = javaName != null ? javaName : Names.pascalCase(entry.key());
    Map<String, String> options = options(kind, def, trail);
    if (kind == EntryKind.COMMAND || kind == EntryKind.NOTIFICATION) { // they get a method of their own
      String problem = Names.problem(EntryModel.methodName(baseName));
      if (problem != null && Names.problem(baseName) == null) {
        check.error(entry, trail, "the Java method name " + problem + "; " + JAVA_HINT);
      }
    }

    Map<String, RecordModel> bodies = new LinkedHashMap<>();
    if (kind == EntryKind.OBJECT) {
      if (claimTopLevelName(baseName, entry, trail.toString(), trail, JAVA_HINT)) {
        bodies.put("object", fields.record(List.of(baseName), null, def.get("fields"), fields.unknownFields(def, trail),
            trail));
      }
    }
    for (String bodyName : kind.bodies()) {
      String recordName = baseName + kind.recordSuffix(bodyName);
      Trail bodyTrail = trail.then(bodyName);
      if (claimTopLevelName(recordName, entry, bodyTrail.toString(), trail, JAVA_HINT)) {
        RecordModel body = body(def.property(bodyName), bodyName, recordName, bodyTrail);
        if (body != null) {
          bodies.put(bodyName, body);
        }
      }
    }
    if (!documented) {
      bodies.forEach((bodyName, body) -> {
        if (!body.keepsUnknown() && !body.wrapsValue()) {
          MapNode.Property where = def.property(bodyName) != null ? def.property(bodyName) : entry;
          check.error(where, bodyName.equals("object") ? trail : trail.then(bodyName), "an entry marked"
              + " 'documented: false' keeps what its fields are not known to be; remove 'unknownFields: reject'");
        }
      });
    }
    return new EntryModel(kind, entry.key(), baseName, doc, documented, options, bodies);
  }

  private Map<String, String> options(EntryKind kind, MapNode def, Trail trail) {
    Map<String, String> options = new LinkedHashMap<>();
    switch (kind) {
      case COMMAND -> {
        options.put("idempotent", String.valueOf(check.flag(def, "idempotent", trail, false)));
        String success = check.text(def, "successStatus", trail);
        if (success != null) {
          options.put("successStatus", success);
        }
      }
      case MESSAGE -> {
        String direction = check.requiredText(def, "direction", trail);
        if (direction != null && !DIRECTIONS.contains(direction)) {
          check.error(def.get("direction"), trail.then("direction"), "must be send (client to server) or receive"
              + " (server to client), found '" + direction + "'" + Suggestions.didYouMean(direction, DIRECTIONS));
        } else if (direction != null) {
          options.put("direction", direction);
        }
      }
      case OBJECT -> {
        Node actions = def.get("actions");
        if (actions instanceof ListNode list) {
          List<String> names = new ArrayList<>();
          for (Node action : list.items()) {
            if (action instanceof ScalarNode scalar && !scalar.isNull()) {
              names.add(scalar.text());
            } else {
              check.error(action, trail.then("actions"), "each action must be a name, found " + action.describe());
            }
          }
          options.put("actions", String.join(",", names));
        } else if (actions != null) {
          check.error(actions, trail.then("actions"), "must be a list of action names, found " + actions.describe());
        }
      }
      case NOTIFICATION -> { }
    }
    return options;
  }

  /** A body: absent (no declared field), an object of fields, or one value described by a 'type'. */
  private RecordModel body(MapNode.Property body, String bodyName, String recordName, Trail trail) {
    if (body == null || (body.value() instanceof ScalarNode scalar && scalar.isNull())) {
      return fields.record(List.of(recordName), null, null, true, trail);
    }
    MapNode def = check.map(body.value(), trail);
    if (def == null) {
      return null;
    }
    if (def.has("type")) {
      if (protocol != null && protocol.kind() == ProtocolKind.FORM_HTTP) {
        check.error(def.property("type"), trail, "a body of name-value pairs is a set of fields; declare them"
            + " under 'fields'");
        return null;
      }
      return fields.wrapper(List.of(recordName), bodyName, body, trail);
    }
    check.onlyKeys(def, trail, BODY_KEYS);
    return fields.record(List.of(recordName), fields.docOf(def, trail), def.get("fields"),
        fields.unknownFields(def, trail), trail);
  }

  private boolean claimTopLevelName(String javaName, MapNode.Property where, String what, Trail trail, String hint) {
    String problem = Names.problem(javaName);
    if (problem == null && Names.RESERVED_TYPES.contains(javaName)) {
      problem = "'" + javaName + "' is a type name the generated code already uses";
    }
    if (problem != null) {
      check.error(where, trail, "the Java type name " + problem + "; " + hint);
      return false;
    }
    String other = topLevelNames.putIfAbsent(javaName, what);
    if (other != null) {
      check.error(where, trail, "the Java type " + javaName + " would be generated twice, for " + other + " and for "
          + what + "; " + hint);
      return false;
    }
    return true;
  }
}
