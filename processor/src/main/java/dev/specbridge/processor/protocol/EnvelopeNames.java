package dev.specbridge.processor.protocol;

import com.palantir.javapoet.CodeBlock;
import dev.specbridge.processor.diagnostics.Trail;
import dev.specbridge.processor.load.MapNode;
import dev.specbridge.processor.validate.NodeCheck;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire names of a protocol's envelope (the pairs, members and headers around an entry's own fields): the
 * protocol's defaults, each replaced by what a spec's {@code protocol: envelope:} says. One reading for every
 * protocol, so that each checks its names the same way, and one constant for the runtime's envelope record.
 */
public final class EnvelopeNames {
  /** The spec's key of the envelope, under {@code protocol:}. */
  public static final String KEY = "envelope";

  /**
   * Parts whose wire names must differ, or one would be read as the other.
   *
   * @param parts the parts
   * @param what what they are to each other, for the error ({@code members of one object})
   */
  public record Distinct(List<String> parts, String what) {}

  private EnvelopeNames() {}

  /** Defaults from pairs of part and wire name, in the order of the runtime record's constructor. */
  public static Map<String, String> defaults(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * The envelope's names: {@code defaults}, with what the spec's {@code protocol: envelope:} says instead. An
   * unknown part, an empty name, or two names that must differ and do not, is an error at its place.
   */
  public static Map<String, String> read(MapNode protocol, Trail trail, NodeCheck check, Map<String, String> defaults,
      List<Distinct> distinct) {
    Map<String, String> envelope = new LinkedHashMap<>(defaults);
    MapNode.Property property = protocol.property(KEY);
    MapNode written = property == null ? null : check.map(property.value(), trail.then(KEY));
    if (written == null) {
      return envelope;
    }
    Trail envelopeTrail = trail.then(KEY);
    check.onlyKeys(written, envelopeTrail, defaults.keySet());
    for (MapNode.Property part : written.entries()) {
      String wire = check.text(written, part.key(), envelopeTrail);
      if (wire != null && wire.isBlank()) {
        check.error(part.value(), envelopeTrail.then(part.key()), "must not be empty");
      } else if (wire != null && envelope.containsKey(part.key())) {
        envelope.put(part.key(), wire);
      }
    }
    for (Distinct group : distinct) {
      Map<String, String> byWire = new LinkedHashMap<>();
      for (String part : group.parts()) {
        String other = byWire.putIfAbsent(envelope.get(part), part);
        if (other != null) {
          check.error(property, envelopeTrail, "'" + other + "' and '" + part + "' are " + group.what()
              + " and both named '" + envelope.get(part) + "'; give them different names");
        }
      }
    }
    return envelope;
  }

  /** {@code new Type("name", …)}: the runtime's envelope record with these names, in order. */
  public static CodeBlock constant(Class<?> type, Map<String, String> envelope) {
    List<CodeBlock> names = envelope.values().stream().map(wire -> CodeBlock.of("$S", wire)).toList();
    return CodeBlock.of("new $T($L)", type, CodeBlock.join(names, ",$W"));
  }
}
