package dev.specbridge.runtime.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.UnknownFields;
import dev.specbridge.runtime.wire.WireFormat;
import dev.specbridge.runtime.wire.WireFormatException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonToken;

class FormReaderTest {
  @Test
  void aListWithGapsInItsIndexesReadsAsAListInIndexOrder() {
    FormReader in = FormReader.parse("vehicles[2][id]=b&vehicles[0][id]=a&vehicles[10][id]=c&ids[01]=x");
    assertEquals("[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"}]", in.takeJson("vehicles"),
        "what PHP's array_filter leaves");
    assertEquals("{\"01\":\"x\"}", in.takeJson("ids"), "01 is a name, not an index");
  }

  @Test
  void aStructuredFieldReadsWithItsReaderOrIsAbsent() {
    FormReader in = FormReader.parse("products=%5B1%2C2%5D&data=plain&vars[a]=x");
    assertEquals(List.of(1, 2), in.takeJson("products", p -> Json.readList(p, "products",
        q -> Json.readInt(q, "products", false))));
    assertNull(in.takeJson("missing", p -> { throw new AssertionError("not called when absent"); }));
    assertEquals(dev.specbridge.runtime.value.StringOr.text("plain"), in.takeStringOr("data", Json::readRaw));
    assertNull(in.takeStringOr("missing", Json::readRaw));
    assertEquals("{\"a\":\"x\"}", in.takeJson("vars", Json::readRaw).json(), "a bracket group is JSON too");
    WireFormatException e = assertThrows(WireFormatException.class, () -> FormReader.parse("n=%5B1%2C%22x%22%5D")
        .takeJson("n", p -> Json.readList(p, "n", q -> Json.readInt(q, "n", false))));
    assertEquals("n[1]", e.path(), e.getMessage());
  }

  @Test
  void aSinkSendsNoPairForAnAbsentValue() {
    FormWriter out = new FormWriter();
    out.add("a", null);
    out.addJson("b", null, (g, v) -> { throw new AssertionError("not called for null"); });
    out.addRaw("c", null);
    out.addStringOr("d", null, (g, v) -> { });
    out.addJson("e", List.of(1), (g, v) -> Json.writeList(g, v, (h, n) -> h.writeNumber(n)));
    out.addRaw("f", new dev.specbridge.runtime.value.RawJson("{}"));
    assertEquals("e=%5B1%5D&f=%7B%7D", out.body());
  }

  @Test
  void aTupleReadsInIndexOrder() {
    FormReader reader = FormReader.parse(
        "status=1&status_message%5B1%5D=second&status_message%5B0%5D=first&status_message%5B10%5D=eleventh");
    assertEquals(List.of("first", "second", "eleventh"), reader.takeTuple("status_message"));
  }

  @Test
  void repeatedKeysAreAllKept() {
    FormReader reader = FormReader.parse("tag=a&tag=b&other=c");
    assertEquals("a", reader.take("tag"));
    UnknownFields rest = reader.rest();
    assertEquals(List.of("b"), rest.getAll("tag"));
    assertEquals("c", rest.get("other"));
  }

  @Test
  void aBracketGroupReadsAsJson() {
    FormReader reader = FormReader.parse("summary[total_count]=3&summary[file_basename]=a.csv"
        + "&leads[0][id]=1&leads[0][status]=new&leads[1][id]=2&tags[]=x&tags[]=y&status=0");
    assertEquals("{\"total_count\":\"3\",\"file_basename\":\"a.csv\"}", reader.takeJson("summary"));
    assertEquals("[{\"id\":\"1\",\"status\":\"new\"},{\"id\":\"2\"}]", reader.takeJson("leads"));
    assertEquals("[\"x\",\"y\"]", reader.takeJson("tags"));
    assertNull(reader.takeJson("missing"));
    assertEquals(List.of("status"), List.copyOf(reader.rest().names()));
  }

  @Test
  void aPairCarryingJsonIsReadAsIs() {
    FormReader reader = FormReader.parse("products=%5B%7B%22qty%22%3A3%7D%5D");
    assertEquals("[{\"qty\":3}]", reader.takeJson("products"));
  }

  @Test
  void aJsonAnswerReadsAsPairs() {
    FormReader reader = FormReader.ofJsonObject(
        "{\"status\":0,\"status_message\":\"ok\",\"leads\":[{\"id\":1}],\"flag\":true,\"gone\":null}");
    assertEquals("0", reader.take("status"));
    assertEquals("ok", reader.take("status_message"));
    assertEquals("[{\"id\":1}]", reader.takeJson("leads"));
    assertEquals("true", reader.take("flag"));
    assertNull(reader.take("gone"));
  }

  @Test
  void aCredentialIsReadableByAFieldButNeverAnUnknownField() {
    FormReader reader = FormReader.parse("ai_token=T1&ai_token=T1&keep=1");
    assertEquals("T1", reader.credential("ai_token"));
    assertEquals(UnknownFields.empty().with("keep", "1"), reader.rest(), "neither copy is kept");
    assertEquals("T1", reader.take("ai_token"), "a field of that name still reads it");
    assertNull(FormReader.parse("a=1").credential("ai_token"));
  }

  @Test
  void pairsLeftOverAreTextButAJsonObjectsStructuredMembersStayJson() {
    assertEquals(UnknownFields.empty().with("a", "{\"x\":1}"), FormReader.parse("a=%7B%22x%22%3A1%7D").rest(),
        "a form value is text, whatever it looks like");
    String json = "{\"status\":0,\"s\":\"a b\",\"n\":1e5,\"o\":{\"x\":-0.0},\"l\":[]}";
    UnknownFields expected = UnknownFields.empty().with("s", "a b").with("n", "1e5")
        .with("o", "{\"x\":-0.0}", WireFormat.JSON).with("l", "[]", WireFormat.JSON);

    FormReader fromJson = FormReader.ofJsonObject(json);
    assertEquals("0", fromJson.take("status"));
    assertEquals(expected, fromJson.rest());

    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    Json.readObjectMembers(json, (name, text) -> pairs.add(new AbstractMap.SimpleEntry<>(name, text)));
    FormReader plainPairs = FormReader.of(pairs);
    plainPairs.take("status");
    assertEquals(WireFormat.TEXT, plainPairs.rest().entries().get(2).format());

    FormReader fromParser = Json.read("[" + json + "]", p -> {
      p.nextToken();
      FormReader reader = FormReader.ofJsonObject(p, "a batch element");
      assertEquals(JsonToken.END_OBJECT, p.currentToken());
      p.nextToken();
      return reader;
    });
    fromParser.take("status");
    assertEquals(expected, fromParser.rest());
    WireFormatException notAnObject = assertThrows(WireFormatException.class,
        () -> Json.read("[[1]]", p -> {
          p.nextToken();
          return FormReader.ofJsonObject(p, "a batch element");
        }));
    assertEquals("a batch element should start with an object, found an array (at [0])", notAnObject.getMessage());
  }

  @Test
  void aJsonAnswerWithAMemberWrittenTwiceIsAnError() {
    WireFormatException error = assertThrows(WireFormatException.class,
        () -> FormReader.ofJsonObject("{\"status\":0,\"user_id\":1,\"user_id\":2}"));
    assertEquals("member 'user_id' is written twice (at user_id)", error.getMessage());
  }

  @Test
  void aBracketKeyNestedBeyondPhpsLimitStaysAPair() {
    String deep = "deep" + "%5Ba%5D".repeat(1000);
    FormReader reader = FormReader.parse(deep + "=1&deep%5Bb%5D=2");
    assertEquals("{\"b\":\"2\"}", reader.takeJson("deep"));
    assertEquals(List.of("deep" + "[a]".repeat(1000)), List.copyOf(reader.rest().names()));
    String deepest = "x" + "[a]".repeat(64);
    assertEquals("{\"a\":".repeat(64) + "\"1\"" + "}".repeat(64),
        FormReader.parse(deepest.replace("[", "%5B").replace("]", "%5D") + "=1").takeJson("x"),
        "PHP's 64 levels are read");
  }
}
