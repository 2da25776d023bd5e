package dev.specbridge.processor.protocol.xmlhttp;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.load.ListNode;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.load.Node;
import dev.specbridge.processor.load.ScalarNode;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.model.EntryOptions;
import dev.specbridge.processor.model.ProtocolSettings;
import dev.specbridge.processor.model.ScalarKind;
import dev.specbridge.processor.model.WireFormat;
import dev.specbridge.processor.protocol.EntrySection;
import dev.specbridge.processor.protocol.ProtocolPlugin;
import dev.specbridge.processor.validate.NodeCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code xml-http}: XML packets of transactions on CRM objects POSTed over HTTP, as Centric CRM's (seed 002). Each
 * object is its own body, a record with the XML codec ({@code readXml} streams it from an answer's records,
 * {@code writeXml} writes it into a packet's item) and the form codec it stands on.
 */
@AutoService(ProtocolPlugin.class)
public final class XmlHttpProtocol extends ProtocolPlugin {
  /**
   * The actions the Centric server performs on objects (its {@code action} attribute): the thirteen of its
   * {@code TransactionItem}, {@code execute} standing for its custom actions.
   */
  static final List<String> ACTIONS = List.of("insert", "update", "delete", "select", "sync", "syncStart",
      "syncEnd", "syncDelete", "syncProcessed", "getDateTime", "getSystemPreferences", "getSystemXMLFile",
      "execute");
  /** The actions the server performs on an object's list form only: on the object itself they answer no record. */
  static final List<String> LIST_ACTIONS = List.of("select", "sync");
  private static final String ACTIONS_KEY = "actions";
  private static final String LIST_KEY = "list";
  private static final String FILTERS_KEY = "filters";
  /** The types a filter may take: what a list's setter parses from its text. */
  private static final List<ScalarKind> FILTER_TYPES = List.of(ScalarKind.STRING, ScalarKind.INT, ScalarKind.LONG,
      ScalarKind.DECIMAL, ScalarKind.BOOLEAN);
  /** A filter's name: an XML element name that is also a Java method name. */
  private static final Pattern JAVA_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  /** An XML element name as this protocol accepts one: ASCII, no namespace prefix. */
  private static final Pattern ELEMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");
  private static final String ELEMENT_NAME_RULE = "must be an XML element name (a letter or '_', then letters, digits,"
      + " '.', '-' or '_'; not starting with 'xml')";
  private static final EntrySection SECTION = new EntrySection("objects", "object", List.of(), "The CRM object",
      List.of(ACTIONS_KEY, LIST_KEY, FILTERS_KEY), false, false);

  public XmlHttpProtocol() {
    // an object's fields are name-value pairs in elements: the form codec writes them, readXml streams them in
    super("xml-http", SECTION, Set.of(WireFormat.FORM, WireFormat.XML));
  }

  @Override
  public EntryOptions options(MapNode entry, Trail trail, NodeCheck check) {
    // the object's and its fields' names are element names in every packet, as its list's is
    String object = trail.last().substring(SECTION.singular().length() + 1);
    if (!isElementName(object)) {
      check.error(entry, trail, ELEMENT_NAME_RULE + ", found '" + object + "'");
    }
    if (entry.get("fields") instanceof MapNode fields) {
      for (MapNode.Property field : fields.entries()) {
        if (!isElementName(field.key())) {
          check.error(field, trail.then("field", field.key()), ELEMENT_NAME_RULE + ", found '" + field.key() + "'");
        }
      }
    }
    String list = list(entry, trail, check);
    Map<String, Node> actions = actions(entry, trail, check);
    if (list == null && !entry.has(LIST_KEY)) {
      for (String action : LIST_ACTIONS) {
        if (actions.containsKey(action)) {
          check.error(actions.get(action), trail.then(ACTIONS_KEY), "the server performs " + action + " on an"
              + " object's list form only; name it with 'list:', such as 'list: accountList'");
        }
      }
    }
    return new ObjectOptions(List.copyOf(actions.keySet()), list, filters(entry, trail, check, list));
  }

  /**
   * The filters of the object's list form: {@code name: type} or {@code name: {type: …, doc: …}}, a type one of
   * {@link #FILTER_TYPES}; each becomes a method of the object's generated {@code …Filters}.
   */
  private static List<ObjectOptions.Filter> filters(MapNode entry, Trail trail, NodeCheck check, String list) {
    Node node = entry.get(FILTERS_KEY);
    if (node == null) {
      return List.of();
    }
    Trail filtersTrail = trail.then(FILTERS_KEY);
    MapNode written = check.map(node, filtersTrail);
    if (written == null) {
      return List.of();
    }
    if (list == null) {
      check.error(node, filtersTrail, "filters belong to a list form: name it with 'list:', such as"
          + " 'list: accountList'");
      return List.of();
    }
    List<String> typeNames = FILTER_TYPES.stream().map(ScalarKind::specName).toList();
    List<ObjectOptions.Filter> filters = new ArrayList<>();
    for (MapNode.Property filter : written.entries()) {
      Trail filterTrail = filtersTrail.then(filter.key());
      if (!JAVA_NAME.matcher(filter.key()).matches()) {
        check.error(filter.value(), filterTrail, "a filter's name must be an XML element name that is also a Java"
            + " method name (a letter, then letters, digits or '_'), found '" + filter.key() + "'");
        continue;
      }
      String type;
      String doc = null;
      if (filter.value() instanceof MapNode detailed) {
        check.onlyKeys(detailed, filterTrail, List.of("type", "doc"));
        type = check.requiredText(detailed, "type", filterTrail);
        doc = check.text(detailed, "doc", filterTrail);
      } else if (filter.value() instanceof ScalarNode scalar && !scalar.isNull()) {
        type = scalar.text();
      } else {
        check.error(filter.value(), filterTrail, "must be a type name or {type: …, doc: …}, found "
            + filter.value().describe());
        continue;
      }
      if (type != null && check.choice(filter.value(), type, filterTrail, typeNames) != null) {
        filters.add(new ObjectOptions.Filter(filter.key(),
            FILTER_TYPES.get(typeNames.indexOf(type)), doc));
      }
    }
    return filters;
  }

  /** The actions listed, each with where it is written, in the spec's order; unknown and repeated ones reported. */
  private static Map<String, Node> actions(MapNode entry, Trail trail, NodeCheck check) {
    Node node = entry.get(ACTIONS_KEY);
    Map<String, Node> actions = new LinkedHashMap<>();
    Trail actionsTrail = trail.then(ACTIONS_KEY);
    if (node instanceof ListNode list) {
      for (Node action : list.items()) {
        if (!(action instanceof ScalarNode scalar) || scalar.isNull()) {
          check.error(action, actionsTrail, "each action must be a name, found " + action.describe());
        } else if (actions.containsKey(scalar.text())) {
          check.error(action, actionsTrail, "action '" + scalar.text() + "' is listed twice");
        } else if (check.choice(action, scalar.text(), actionsTrail, ACTIONS) != null) {
          actions.put(scalar.text(), action);
        }
      }
    } else if (node != null) {
      check.error(node, actionsTrail, "must be a list of action names, found " + node.describe());
    }
    return actions;
  }

  /** The element name of the object's list form, or {@code null} when absent or wrong (reported). */
  private static String list(MapNode entry, Trail trail, NodeCheck check) {
    String list = check.text(entry, LIST_KEY, trail);
    if (list != null && !isElementName(list)) {
      check.error(entry.get(LIST_KEY), trail.then(LIST_KEY), ELEMENT_NAME_RULE + ", found '" + list + "'");
      return null;
    }
    return list;
  }

  private static boolean isElementName(String name) {
    return ELEMENT_NAME.matcher(name).matches() && !name.toLowerCase(Locale.ROOT).startsWith("xml");
  }

  /**
   * A record set is named by its element, so an object's list form may not be named as another object or another
   * list form: the records of both would be read as one object's.
   */
  @Override
  public void checkEntries(MapNode entries, NodeCheck check, List<EntryModel> models, ProtocolSettings settings) {
    Map<String, String> elements = new LinkedHashMap<>();
    models.forEach(model -> elements.put(model.wireName(), "the object '" + model.wireName() + "'"));
    for (EntryModel model : models) {
      String list = model.options(ObjectOptions.class).list();
      String other = list == null ? null : elements.putIfAbsent(list, "the list form of '" + model.wireName() + "'");
      if (other != null && entries.get(model.wireName()) instanceof MapNode object) {
        check.error(object.get(LIST_KEY), Trail.root().then(SECTION.singular(), model.wireName()).then(LIST_KEY),
            "'" + list + "' is also the element of " + other + "; a record set is named by its element, so each"
                + " object and list form needs its own");
      }
    }
  }

  @Override
  public List<String> apiTypeNames(String apiJavaName) {
    return List.of(apiJavaName + PacketApiGenerator.CLIENT, apiJavaName + PacketApiGenerator.HANDLER);
  }

  @Override
  public List<FieldSpec> bodyConstants(ApiModel api, ApiTypes types, EntryModel entry, String body) {
    return PacketApiGenerator.constants(entry);
  }

  @Override
  public List<MethodSpec> bodyMethods(ApiModel api, ApiTypes types, EntryModel entry, String body) {
    return PacketApiGenerator.itemFactories(types, entry);
  }

  @Override
  public List<TypeSpec> generate(ApiModel api, ApiTypes types) {
    return new PacketApiGenerator(api, types).generate();
  }
}
