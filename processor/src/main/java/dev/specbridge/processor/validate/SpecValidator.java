package dev.specbridge.processor.validate;

import dev.specbridge.processor.diagnostics.Diagnostics;
import dev.specbridge.processor.diagnostics.Suggestions;
import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.load.Node;
import dev.specbridge.processor.load.ScalarNode;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.model.Names;
import dev.specbridge.processor.model.EntryOptions;
import dev.specbridge.processor.model.EnumModel;
import dev.specbridge.processor.model.ProtocolSettings;
import dev.specbridge.processor.model.RecordModel;
import dev.specbridge.processor.protocol.EntrySection;
import dev.specbridge.processor.protocol.ProtocolPlugin;
import dev.specbridge.processor.protocol.Protocols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validate stage: checks a loaded spec and resolves it into an {@link ApiModel}. Every mistake is
 * collected, with its place in the file and its path in the spec, before anything is generated. What belongs to
 * one protocol (its settings, its entries' options and its own checks) is read by that protocol's
 * {@link ProtocolPlugin}; this class knows none of them by name.
 */
public final class SpecValidator {
  private static final List<String> ROOT_KEYS = List.of("spec", "api", "doc", "protocol", "extends", "types");
  private static final List<String> ENTRY_KEYS = List.of("doc", "java", "documented");
  private static final List<String> BODY_KEYS = List.of("doc", "fields", "unknownFields");
  private static final String JAVA_HINT = "give the entry a 'java:' name";

  private final NodeCheck check;
  /** Every top-level Java type name generated so far, with what it was generated for. */
  private final Map<String, String> topLevelNames = new HashMap<>();
  private FieldResolver fields;
  private EnumResolver enumResolver;
  private NestedNames nestedNames;

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
    List<String> rootKeys = new ArrayList<>(ROOT_KEYS);
    Protocols.all().forEach(protocol -> rootKeys.add(protocol.section().key()));
    check.onlyKeys(spec, root, rootKeys);
    String version = check.text(spec, "spec", root);
    if (version != null && !version.equals("1")) {
      check.error(spec.get("spec"), root.then("spec"), "this processor reads spec language 1, found '" + version + "'");
    }
    String name = check.requiredText(spec, "api", root);
    String doc = check.text(spec, "doc", root);
    ProtocolPlugin protocol = protocol(spec);
    ProtocolSettings settings = protocol == null ? null : settings(protocol, spec);

    if (name != null && protocol != null) {
      String apiJavaName = Names.pascalCase(name);
      for (String apiType : protocol.apiTypeNames(apiJavaName)) {
        claimTopLevelName(apiType, spec.property("api"), "the API", root.then("api"), "rename the API");
      }
    }
    Map<String, Boolean> sharedNames = sharedTypeNames(spec.get("types"));
    enumResolver = new EnumResolver(check);
    nestedNames = new NestedNames(check, sharedNames.keySet());
    fields = new FieldResolver(check, sharedNames, nestedNames, enumResolver);
    List<RecordModel> records = new ArrayList<>();
    List<EnumModel> enums = new ArrayList<>();
    sharedTypes(spec.get("types"), sharedNames, records, enums);

    List<EntryModel> entries = new ArrayList<>();
    for (ProtocolPlugin owner : Protocols.all()) {
      EntrySection section = owner.section();
      MapNode.Property listed = spec.property(section.key());
      if (listed == null) {
        continue;
      }
      if (protocol != null && protocol != owner) {
        check.error(listed, root, section.key() + " belong to a " + owner.name() + " API, but this API's protocol is "
            + protocol.name() + "; its entries go under '" + protocol.section().key() + "'");
      }
      MapNode map = isNull(listed.value()) ? null : check.map(listed.value(), root.then(section.key()));
      if (map != null) {
        List<EntryModel> listedModels = new ArrayList<>();
        for (MapNode.Property entry : map.entries()) {
          EntryModel model = entry(owner, entry);
          if (model != null) {
            listedModels.add(model);
          }
        }
        owner.checkEntries(map, check, listedModels, owner == protocol ? settings : null);
        entries.addAll(listedModels);
      }
    }
    for (NestedNames.NestedType nested : nestedNames.nestedTypes()) {
      String other = topLevelNames.get(nested.javaName());
      if (other != null) {
        check.error(nested.node(), nested.trail(), NestedNames.problem("'" + nested.javaName()
            + "' is also the name of the type generated for " + other + ", which it would hide"));
      }
    }
    return new ApiModel(name, name == null ? null : Names.pascalCase(name), doc, source,
        protocol == null ? null : protocol.name(), settings, records, enums, entries);
  }

  /** The protocol the spec names in {@code protocol: kind:}, or {@code null} after reporting why there is none. */
  private ProtocolPlugin protocol(MapNode spec) {
    Trail trail = Trail.root().then("protocol");
    Node node = spec.get("protocol");
    if (node == null) {
      check.error(spec, Trail.root(), "'protocol' is missing; write for example 'protocol: {kind: form-http}'");
      return null;
    }
    MapNode map = check.map(node, trail);
    String kind = map == null ? null : check.requiredText(map, "kind", trail);
    if (kind == null) {
      return null;
    }
    ProtocolPlugin protocol = Protocols.named(kind);
    if (protocol == null) {
      List<String> names = Protocols.names();
      check.error(map.get("kind"), trail.then("kind"), "unknown protocol '" + kind + "'"
          + Suggestions.didYouMean(kind, names) + "; one of " + String.join(", ", names));
    }
    return protocol;
  }

  /** The protocol's settings: every key of {@code protocol:} but {@code kind}, read by the protocol itself. */
  private ProtocolSettings settings(ProtocolPlugin protocol, MapNode spec) {
    MapNode map = (MapNode) spec.get("protocol");
    Map<String, MapNode.Property> rest = new LinkedHashMap<>(map.properties());
    rest.remove("kind");
    Set<String> entryNames = new LinkedHashSet<>();
    if (spec.get(protocol.section().key()) instanceof MapNode listed) {
      entryNames.addAll(listed.properties().keySet());
    }
    return protocol.settings(new MapNode(map.location(), rest), Trail.root().then("protocol"), check, entryNames);
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.isNull();
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
      if (BuiltInType.isBuiltIn(type.key())) {
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
        enums.add(enumResolver.enumeration(type.key(), fields.docOf(def, trail), def, trail));
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

  private EntryModel entry(ProtocolPlugin protocol, MapNode.Property entry) {
    EntrySection section = protocol.section();
    Trail trail = Trail.root().then(section.singular(), entry.key());
    MapNode def = isNull(entry.value()) ? new MapNode(entry.keyLocation(), Map.of()) : check.map(entry.value(), trail);
    if (def == null) {
      return null;
    }
    List<String> allowed = new ArrayList<>(ENTRY_KEYS);
    section.bodies().forEach(body -> allowed.add(body.name()));
    if (section.isSelfBody()) {
      allowed.addAll(List.of("fields", "unknownFields"));
    }
    allowed.addAll(section.optionKeys());
    check.onlyKeys(def, trail, allowed);

    String doc = check.text(def, "doc", trail);
    boolean documented = check.flag(def, "documented", trail, true);
    String javaName = check.text(def, "java", trail);
    String baseName = javaName != null ? javaName : Names.pascalCase(entry.key());
    EntryOptions options = protocol.options(def, trail, check);
    if (section.methods()) {
      String problem = Names.problem(EntryModel.methodName(baseName));
      if (problem != null && Names.problem(baseName) == null) {
        check.error(entry, trail, "the Java method name " + problem + "; " + JAVA_HINT);
      }
    }

    Map<String, RecordModel> bodies = new LinkedHashMap<>();
    if (section.isSelfBody()) {
      if (claimTopLevelName(baseName, entry, trail.toString(), trail, JAVA_HINT)) {
        bodies.put(EntryModel.SELF, fields.record(List.of(baseName), null, def.get("fields"),
            fields.unknownFields(def, trail), trail));
      }
    }
    for (EntrySection.Body bodySection : section.bodies()) {
      String bodyName = bodySection.name();
      String recordName = baseName + bodySection.recordSuffix();
      Trail bodyTrail = trail.then(bodyName);
      if (claimTopLevelName(recordName, entry, bodyTrail.toString(), trail, JAVA_HINT)) {
        RecordModel body = body(def.property(bodyName), bodyName, recordName, section.fieldsOnly(), bodyTrail);
        if (body != null) {
          bodies.put(bodyName, body);
        }
      }
    }
    if (!documented) {
      bodies.forEach((bodyName, body) -> {
        if (!body.keepsUnknown() && !body.wrapsValue()) {
          MapNode.Property where = def.property(bodyName) != null ? def.property(bodyName) : entry;
          check.error(where, bodyName.equals(EntryModel.SELF) ? trail : trail.then(bodyName), "an entry marked"
              + " 'documented: false' keeps what its fields are not known to be; remove 'unknownFields: reject'");
        }
      });
    }
    return new EntryModel(section.singular(), entry.key(), baseName, doc, documented, options, bodies);
  }

  /** A body: absent (no declared field), an object of fields, or one value described by a 'type'. */
  private RecordModel body(MapNode.Property body, String bodyName, String recordName, boolean fieldsOnly,
      Trail trail) {
    if (body == null || (body.value() instanceof ScalarNode scalar && scalar.isNull())) {
      return fields.record(List.of(recordName), null, null, true, trail);
    }
    MapNode def = check.map(body.value(), trail);
    if (def == null) {
      return null;
    }
    if (def.has("type")) {
      if (fieldsOnly) {
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
