package dev.specbridge.processor.load;

import dev.specbridge.processor.diagnostics.Diagnostics;
import dev.specbridge.processor.diagnostics.Location;
import dev.specbridge.processor.diagnostics.Trail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads YAML text into {@link Node}s that keep their line and column. Jackson's tree model forgets where a
 * value was written, so the tree is built here from the streaming parser.
 */
public final class YamlReader {
  private static final YAMLFactory YAML = new YAMLFactory();

  private final String file;
  private final Diagnostics diagnostics;

  private YamlReader(String file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /**
   * The first document of {@code text}, or {@code null} after reporting why it could not be read. A key
   * written twice in one mapping is reported and the first one kept.
   */
  public static Node read(String file, String text, Diagnostics diagnostics) {
    YamlReader reader = new YamlReader(file, diagnostics);
    try (JsonParser parser = YAML.createParser(ObjectReadContext.empty(), text)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        diagnostics.error(Location.ofFile(file), Trail.root(), "the spec file is empty");
        return null;
      }
      return reader.node(parser, token);
    } catch (JacksonException e) {
      diagnostics.error(reader.locate(e.getLocation()), Trail.root(), "not valid YAML: " + problem(e.getOriginalMessage()));
      return null;
    }
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

  private Node node(JsonParser parser, JsonToken token) {
    Location location = locate(parser.currentTokenLocation());
    switch (token) {
      case START_OBJECT:
        return map(parser, location);
      case START_ARRAY:
        List<Node> items = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          items.add(node(parser, next));
        }
        return new ListNode(location, items);
      case VALUE_NULL:
        return new ScalarNode(location, null);
      default:
        return new ScalarNode(location, parser.getString());
    }
  }

  private MapNode map(JsonParser parser, Location location) {
    Map<String, MapNode.Property> properties = new LinkedHashMap<>();
    for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
      String key = parser.currentName();
      Location keyLocation = locate(parser.currentTokenLocation());
      Node value = node(parser, parser.nextToken());
      MapNode.Property first = properties.get(key);
      if (first != null) {
        diagnostics.error(keyLocation, Trail.root(),
            "duplicate key '" + key + "' (first written at line " + first.keyLocation().line() + ")");
      } else {
        properties.put(key, new MapNode.Property(key, keyLocation, value));
      }
    }
    return new MapNode(location, properties);
  }

  private Location locate(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return Location.ofFile(file);
    }
    return new Location(file, location.getLineNr(), Math.max(1, location.getColumnNr()));
  }
}
