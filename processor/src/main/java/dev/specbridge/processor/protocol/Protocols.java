package dev.specbridge.processor.protocol;

import dev.specbridge.processor.load.MergeRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Every protocol the processor knows: those registered as {@link ProtocolPlugin} services, by name. */
public final class Protocols {
  private static final List<ProtocolPlugin> ALL = load();

  private Protocols() {}

  /** Every protocol, ordered by name. */
  public static List<ProtocolPlugin> all() {
    return ALL;
  }

  /** The protocol a spec names, or {@code null}. */
  public static ProtocolPlugin named(String name) {
    for (ProtocolPlugin protocol : ALL) {
      if (protocol.name().equals(name)) {
        return protocol;
      }
    }
    return null;
  }

  /** The protocol whose entries a section of the spec lists ({@code commands}), or {@code null}. */
  public static ProtocolPlugin ofSection(String key) {
    for (ProtocolPlugin protocol : ALL) {
      if (protocol.section().key().equals(key)) {
        return protocol;
      }
    }
    return null;
  }

  /** How an extension merges over its base: the shared types and every protocol's entries, entry by entry. */
  public static MergeRules mergeRules() {
    Map<String, String> sections = new LinkedHashMap<>();
    Set<String> bodies = new HashSet<>();
    sections.put("types", "type");
    for (ProtocolPlugin protocol : ALL) {
      sections.put(protocol.section().key(), protocol.section().singular());
      protocol.section().bodies().forEach(body -> bodies.add(body.name()));
    }
    return new MergeRules(sections, bodies);
  }

  public static List<String> names() {
    return ALL.stream().map(ProtocolPlugin::name).toList();
  }

  private static List<ProtocolPlugin> load() {
    List<ProtocolPlugin> protocols = new ArrayList<>();
    // the processor's own class loader: javac runs processors in a loader of their own
    ServiceLoader.load(ProtocolPlugin.class, ProtocolPlugin.class.getClassLoader()).forEach(protocols::add);
    protocols.sort(Comparator.comparing(ProtocolPlugin::name));
    return List.copyOf(protocols);
  }
}
