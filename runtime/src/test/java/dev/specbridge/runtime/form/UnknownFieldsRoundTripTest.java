package dev.specbridge.runtime.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.json.MemberNames;
import dev.specbridge.runtime.value.UnknownFields;
import dev.specbridge.runtime.wire.WireFormat;
import dev.specbridge.runtime.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Unknown fields carried from one wire format to the other, the way generated codecs carry a record's: the value
 * survives, and the JSON written is always JSON.
 */
class UnknownFieldsRoundTripTest {
  /** A record with one declared field; everything else is kept. */
  private record Note(String id, UnknownFields unknown) {}

  private static void writeForm(FormSink out, Note note) {
    out.add("id", note.id());
    out.addUnknown(note.unknown());
  }

  private static Note readForm(FormReader in) {
    return new Note(in.take("id"), in.rest());
  }

  private static void writeJson(JsonGenerator g, Note note) {
    g.writeStartObject();
    g.writeStringProperty("id", note.id());
    Json.writeUnknown(g, note.unknown());
    g.writeEndObject();
  }

  private static Note readJson(JsonParser p) {
    Json.startObject(p, "Note");
    String id = null;
    Json.Kept kept = null;
    MemberNames names = new MemberNames();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      names.add(p);
      String name = p.currentName();
      p.nextToken();
      if (name.equals("id")) {
        id = Json.text(p, "id");
      } else {
        kept = Json.keep(kept, p);
      }
    }
    return new Note(id, Json.unknown(kept));
  }

  private static String toJson(Note note) {
    String json = Json.write(g -> writeJson(g, note));
    assertEquals(json, Json.read(json, Json::raw), "valid JSON, one value");
    return json;
  }

  private static List<String> members(String json) {
    List<String> members = new ArrayList<>();
    Json.readObjectMembers(json, (name, text, structured) -> members.add(name + "=" + text
        + (structured ? " (json)" : "")));
    return members;
  }

  @Test
  void textToJsonToTextKeepsTheValuesAndWritesValidJson() {
    String body = "id=7&note=hello+world&n=3&flag=Y&empty=&like_json=%7B%22a%22%3A1%7D&q=say+%22hi%22";
    Note fromForm = readForm(FormReader.parse(body));
    assertEquals(WireFormat.TEXT, fromForm.unknown().entries().get(0).format());

    String json = toJson(fromForm);
    assertEquals("{\"id\":\"7\",\"note\":\"hello world\",\"n\":\"3\",\"flag\":\"Y\",\"empty\":\"\","
        + "\"like_json\":\"{\\\"a\\\":1}\",\"q\":\"say \\\"hi\\\"\"}", json);

    Note fromJson = Json.read(json, UnknownFieldsRoundTripTest::readJson);
    assertEquals(WireFormat.JSON, fromJson.unknown().entries().get(0).format());
    FormWriter out = new FormWriter();
    writeForm(out, fromJson);
    assertEquals(body, out.body());
    assertEquals(fromForm, readForm(FormReader.parse(out.body())));
  }

  @Test
  void jsonToTextToJsonKeepsTheValuesAsTextAndWritesValidJson() {
    String json = "{\"id\":\"7\",\"note\":\"hello world\",\"n\":1e5,\"flag\":true,\"nested\":{\"a\":[1,-0.0]},"
        + "\"gone\":null,\"list\":[]}";
    Note fromJson = Json.read(json, UnknownFieldsRoundTripTest::readJson);
    assertEquals(new UnknownFields.Entry("n", "1e5", WireFormat.JSON), fromJson.unknown().entries().get(1));

    FormWriter out = new FormWriter();
    writeForm(out, fromJson);
    assertEquals("id=7&note=hello+world&n=1e5&flag=true&nested=%7B%22a%22%3A%5B1%2C-0.0%5D%7D&list=%5B%5D",
        out.body(), "a string decoded, a number as written, a structure as JSON, null as no pair");

    Note fromForm = readForm(FormReader.parse(out.body()));
    String again = toJson(fromForm);
    assertEquals(List.of("id=7", "note=hello world", "n=1e5", "flag=true", "nested={\"a\":[1,-0.0]}", "list=[]"),
        members(again), "pairs do not say what is structured, so every value comes back as its text");
  }

  @Test
  void throughABatchsJsonStructuredFieldsStayStructured() {
    String json = "{\"id\":\"7\",\"note\":\"hello world\",\"n\":1e5,\"nested\":{\"a\":[1,-0.0]},\"list\":[]}";
    Note fromJson = Json.read(json, UnknownFieldsRoundTripTest::readJson);
    String element = Json.write(g -> {
      g.writeStartObject();
      writeForm(new JsonMemberSink(g), fromJson);
      g.writeEndObject();
    });
    assertEquals("{\"id\":\"7\",\"note\":\"hello world\",\"n\":\"1e5\",\"nested\":{\"a\":[1,-0.0]},\"list\":[]}",
        element);

    Note fromElement = readForm(FormReader.ofJsonObject(element));
    assertEquals(List.of(WireFormat.TEXT, WireFormat.TEXT, WireFormat.JSON, WireFormat.JSON),
        fromElement.unknown().entries().stream().map(UnknownFields.Entry::format).toList());
    assertEquals(element, toJson(fromElement));
  }

  @Test
  void eachFormatOfUnknownFieldIsWrittenAsAPairAsItSays() {
    FormWriter out = new FormWriter();
    out.addUnknown(UnknownFields.empty()
        .with("t", "a b")
        .with("s", "\"x \\\"y\\\"\"", WireFormat.JSON)
        .with("n", "-0.0", WireFormat.JSON)
        .with("b", "false", WireFormat.JSON)
        .with("z", "null", WireFormat.JSON)
        .with("o", "{\"k\":[1]}", WireFormat.JSON)
        .with("l", "[]", WireFormat.JSON));
    assertEquals("t=a+b&s=x+%22y%22&n=-0.0&b=false&o=%7B%22k%22%3A%5B1%5D%7D&l=%5B%5D", out.body());

    WireFormatException xml = assertThrows(WireFormatException.class,
        () -> new FormWriter().addUnknown(UnknownFields.empty().with("extra", "<a/>", WireFormat.XML)));
    assertEquals("unknown field 'extra' came as XML and cannot be written as a name-value pair", xml.getMessage());

    FormWriter none = new FormWriter();
    WireFormatException notJson = assertThrows(WireFormatException.class,
        () -> none.addUnknown(UnknownFields.empty().with("o", "{\"k\":1} x", WireFormat.JSON)));
    assertEquals("o", notJson.path());
    assertEquals("", none.body(), "nothing written of a value that is not JSON");
  }
}
