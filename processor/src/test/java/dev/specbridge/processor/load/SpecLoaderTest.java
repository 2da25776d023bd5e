package dev.specbridge.processor.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.specbridge.processor.diagnostics.Diagnostics;
import java.util.List;
import java.util.Map;
import dev.specbridge.processor.protocol.Protocols;
import org.junit.jupiter.api.Test;

class SpecLoaderTest {
  private static MapNode load(Diagnostics diagnostics, String path, Map<String, String> files) {
    return new SpecLoader(files::get, diagnostics, Protocols.mergeRules()).load(path);
  }

  @Test
  void nodesRememberLineAndColumn() {
    Diagnostics diagnostics = new Diagnostics();
    MapNode spec = load(diagnostics, "a.yaml", Map.of("a.yaml", "api: a\ncommands:\n  ping:\n    doc: Pong\n"));
    MapNode commands = (MapNode) spec.get("commands");
    MapNode.Property ping = commands.property("ping");
    assertEquals(3, ping.keyLocation().line());
    assertEquals(3, ping.keyLocation().column());
    assertEquals("Pong", ((ScalarNode) ((MapNode) ping.value()).get("doc")).text());
    assertFalse(diagnostics.hasErrors());
  }

  @Test
  void anExtensionAddsEntriesAndFieldsInOrder() {
    Diagnostics diagnostics = new Diagnostics();
    MapNode spec = load(diagnostics, "ext.yaml", Map.of(
        "base.yaml", "api: base\ncommands:\n  a:\n    request:\n      fields:\n        x: string\n",
        "ext.yaml", "extends: base.yaml\ncommands:\n  a:\n    request:\n      fields:\n        y: int\n  b: {}\n"));
    assertEquals(List.of(), diagnostics.errors());
    MapNode commands = (MapNode) spec.get("commands");
    assertEquals(List.of("a", "b"), List.copyOf(commands.properties().keySet()));
    MapNode fields = (MapNode) ((MapNode) ((MapNode) commands.get("a")).get("request")).get("fields");
    assertEquals(List.of("x", "y"), List.copyOf(fields.properties().keySet()));
    assertEquals("ext.yaml", fields.property("y").keyLocation().file());
    assertNull(spec.get("extends"));
  }

  @Test
  void anExtensionCycleIsReported() {
    Diagnostics diagnostics = new Diagnostics();
    MapNode spec = load(diagnostics, "a.yaml", Map.of("a.yaml", "extends: b.yaml\n", "b.yaml", "extends: a.yaml\n"));
    assertNull(spec);
    assertEquals("b.yaml:1:10: spec files extend each other in a cycle: a.yaml → b.yaml → a.yaml",
        diagnostics.errors().get(0).toString());
  }

  @Test
  void aSpecMustBeAMapping() {
    Diagnostics diagnostics = new Diagnostics();
    assertNull(load(diagnostics, "a.yaml", Map.of("a.yaml", "- one\n- two\n")));
    assertEquals("a.yaml:1:1: a spec file must be a mapping of keys, found a list",
        diagnostics.errors().get(0).toString());
  }

  @Test
  void anEmptyFileIsReported() {
    Diagnostics diagnostics = new Diagnostics();
    assertNull(load(diagnostics, "a.yaml", Map.of("a.yaml", "")));
    assertEquals("a.yaml:1:1: the spec file is empty", diagnostics.errors().get(0).toString());
  }

  @Test
  void aSpecOverTheYamlReadersDefaultLimitIsRead() {
    StringBuilder big = new StringBuilder("api: big\nprotocol: {kind: form-http}\ncommands:\n");
    int commands = 0;
    while (big.length() < 4_000_000) {
      big.append("  c").append(commands++).append(":\n    request:\n      fields:\n");
      for (int f = 0; f < 8; f++) {
        big.append("        field_number_").append(f).append(": {type: string, doc: some text for the field}\n");
      }
    }
    Diagnostics diagnostics = new Diagnostics();
    Node root = YamlReader.read("big.yaml", big.toString(), diagnostics);
    assertEquals(List.of(), diagnostics.errors());
    assertEquals(commands, ((MapNode) ((MapNode) root).get("commands")).properties().size());
  }
}
