package dev.specbridge.processor.load;

import dev.specbridge.processor.diagnostics.Diagnostics;
import dev.specbridge.processor.diagnostics.Location;
import dev.specbridge.processor.diagnostics.Trail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads YAML text into {@link Node}s that keep their line and column. Jackson's tree model forgets where a
 * value was written, so the tree is built here from the streaming parser. Anchors, aliases and merge keys
 * ({@code <<: *common}) are resolved here too, so that a spec can share a repeated definition.
 */
public final class YamlReader {
  /**
   * The most characters a spec file may have. The YAML reader's own limit (3 Mi code points) would refuse a large
   * API's spec; the limit follows the file instead, up to this ceiling, which keeps a runaway file from eating the
   * compiler's memory.
   */
  static final int MAX_CHARACTERS = 64 * 1024 * 1024;
  private static final String MERGE_KEY = "<<";

  private final String file;
  private final Diagnostics diagnostics;
  /** The nodes written with an anchor ({@code &name}), for the aliases ({@code *name}) that follow. */
  private final Map<String, Node> anchored = new HashMap<>();

  /** The sections whose entries are named in paths by their singular ({@code commands} → {@code command}). */
  private final Map<String, String> sections;

  private YamlReader(String file, Diagnostics diagnostics, Map<String, String> sections) {
    this.file = file;
    this.diagnostics = diagnostics;
    this.sections = sections;
  }

  /**
   * The one document of {@code text}, or {@code null} after reporting why it could not be read. A key
   * written twice in one mapping is reported and the first one kept; a second document is reported.
   */
  public static Node read(String file, String text, Diagnostics diagnostics) {
    return read(file, text, diagnostics, Map.of());
  }

  /**
   * {@link #read(String, String, Diagnostics)}, with the sections whose entries paths name by their singular, so
   * that an error found while reading reads like the validator's ({@code command create_lead › request › fields}).
   */
  public static Node read(String file, String text, Diagnostics diagnostics, Map<String, String> sections) {
    YamlReader reader = new YamlReader(file, diagnostics, sections);
    if (text.length() > MAX_CHARACTERS) {
      diagnostics.error(Location.ofFile(file), Trail.root(), "the spec file has " + text.length() + " characters,"
          + " more than the " + MAX_CHARACTERS + " a spec may have; split it into files that extend each other");
      return null;
    }
    try (JsonParser parser = factory(text.length()).createParser(ObjectReadContext.empty(), text)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        diagnostics.error(Location.ofFile(file), Trail.root(), "the spec file is empty");
        return null;
      }
      Node root = reader.node(parser, token, Trail.root());
      if (parser.nextToken() != null) {
        diagnostics.error(reader.locate(parser.currentTokenLocation()), Trail.root(),
            "a spec file holds one YAML document; this second one would be ignored (put it in a file of its own)");
      }
      return root;
    } catch (JacksonException e) {
      if (e.getCause() instanceof MarkedYamlEngineException marked && marked.getProblemMark().isPresent()) {
        Mark mark = marked.getProblemMark().get(); // where the mistake is, not where the parser's context began
        diagnostics.error(new Location(file, mark.getLine() + 1, mark.getColumn() + 1), Trail.root(),
            "not valid YAML: " + plain(marked));
      } else {
        diagnostics.error(reader.locate(e.getLocation()), Trail.root(), "not valid YAML: "
            + problem(e.getOriginalMessage()));
      }
      return null;
    }
  }

  /** The parser's problem in a spec writer's words, for the mistakes people make; otherwise its own. */
  private static String plain(MarkedYamlEngineException marked) {
    String problem = marked.getProblem() == null ? "" : marked.getProblem();
    if (problem.contains("(TAB)")) {
      return "a tab; YAML indents with spaces only";
    }
    if (problem.startsWith("mapping values are not allowed here")) {
      return "a 'key:' where a value goes on: indent this line like the other keys of its mapping, or quote a value"
          + " that holds ': '";
    }
    if (problem.startsWith("expected <block end>")) {
      return "this line is indented like no key above it; indent it like the keys of its mapping";
    }
    if (problem.startsWith("expected ',' or '}'")) {
      return "a '{' mapping is not closed before this; expected ',' or '}'";
    }
    if (problem.startsWith("expected ',' or ']'")) {
      return "a '[' list is not closed before this; expected ',' or ']'";
    }
    String context = marked.getContext();
    return problem(context == null ? problem : context + "; " + problem);
  }

  /**
   * A YAML reader for a text of {@code length} characters: the YAML 1.2 core schema, so that {@code ~} reads as
   * null as YAML users expect (merge keys are resolved here), duplicate keys left to this class to report, and a
   * size limit that fits the file.
   */
  private static YAMLFactory factory(int length) {
    return YAMLFactory.builder()
        .loadSettings(LoadSettings.builder()
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(true)
            .setCodePointLimit(Math.max(3 * 1024 * 1024, length + 1))
            .build())
        .build();
  }

  /** The YAML parser's message without its indented excerpts of the file (the location says where). */
  private static String problem(String message) {
    StringBuilder problem = new StringBuilder();
    for (String line : message.split("\n")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        problem.append(problem.length() == 0 ? "" : "; ").append(line.strip());
      }
    }
    return problem.toString();
  }

  /** The node starting at {@code token}; {@code trail} is the path of keys that leads to it. */
  private Node node(JsonParser parser, JsonToken token, Trail trail) {
    Location location = locate(parser.currentTokenLocation());
    YAMLParser yaml = (YAMLParser) parser;
    if (yaml.isCurrentAlias()) {
      String alias = parser.getString();
      Node target = anchored.get(alias);
      if (target == null) {
        diagnostics.error(location, trail, "alias '*" + alias + "' names no anchor written before it");
        return new ScalarNode(location, null);
      }
      return target;
    }
    String anchor = yaml.getObjectId();
    Node node = switch (token) {
      case START_OBJECT -> map(parser, location, trail);
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          items.add(node(parser, next, trail));
        }
        yield new ListNode(location, items);
      }
      case VALUE_NULL -> new ScalarNode(location, null);
      default -> new ScalarNode(location, withoutLineSeparator(parser.getString(), location, trail));
    };
    if (anchor != null) {
      anchored.put(anchor, node);
    }
    return node;
  }

  /**
   * {@code text}, unless it holds a Unicode line or paragraph separator (U+2028, U+2029) or a next-line (U+0085):
   * JavaPoet breaks a string literal there, and the generated code would not compile. An error says so.
   */
  private String withoutLineSeparator(String text, Location location, Trail trail) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
        diagnostics.error(location, trail, String.format("the text holds the Unicode line separator U+%04X"
            + " (character %d), which generated code cannot carry; remove it or write a plain line break", (int) c,
            i + 1));
        return text.replace(c, ' ');
      }
    }
    return text;
  }

  private MapNode map(JsonParser parser, Location location, Trail trail) {
    Map<String, MapNode.Property> properties = new LinkedHashMap<>();
    List<Node> merged = new ArrayList<>();
    for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
      String key = withoutLineSeparator(parser.currentName(), locate(parser.currentTokenLocation()), trail);
      Location keyLocation = locate(parser.currentTokenLocation());
      Node value = node(parser, parser.nextToken(), child(trail, key));
      MapNode.Property first = properties.get(key);
      if (key.equals(MERGE_KEY)) {
        merged.addAll(value instanceof ListNode list ? list.items() : List.of(value));
      } else if (first != null) {
        diagnostics.error(keyLocation, trail,
            "duplicate key '" + key + "' (first written at line " + first.keyLocation().line() + ")");
      } else {
        properties.put(key, new MapNode.Property(key, keyLocation, value));
      }
    }
    // Keys written in the mapping itself win over merged ones, whatever their order.
    for (Node source : merged) {
      if (source instanceof MapNode map) {
        map.entries().forEach(property -> properties.putIfAbsent(property.key(), property));
      } else {
        diagnostics.error(source.location(), trail.then(MERGE_KEY), "a merge key takes a mapping (such as"
            + " '<<: *common'), found " + source.describe());
      }
    }
    return new MapNode(location, properties);
  }

  /** The path of {@code key} inside the mapping at {@code trail}, in the validator's style. */
  private Trail child(Trail trail, String key) {
    String container = trail.last();
    if (trail.depth() == 1 && sections.containsKey(container)) {
      return Trail.root().then(sections.get(container), key);
    }
    if ("fields".equals(container) || "values".equals(container)) {
      return trail.parent().then(container.equals("fields") ? "field" : "value", key);
    }
    return trail.then(key);
  }

  private Location locate(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return Location.ofFile(file);
    }
    return new Location(file, location.getLineNr(), Math.max(1, location.getColumnNr()));
  }
}
