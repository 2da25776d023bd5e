package dev.specbridge.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.value.UnknownFields;
import dev.specbridge.runtime.wire.WireFormat;
import dev.specbridge.runtime.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.sym.PropertyNameMatcher;

class JsonTest {
  /** What a generated codec does: an object's members, each read by name, the others kept. */
  private record Product(Integer qty, Long userId, UnknownFields unknown) {}

  private static final PropertyNameMatcher PRODUCT_NAMES = Json.names("qty", "user_id", "pin");

  private static Product readProduct(JsonParser p) {
    Json.startObject(p, "Product");
    Integer qty = null;
    Long userId = null;
    Json.Kept kept = null;
    long seen = 0;
    int field;
    while ((field = p.nextNameMatch(PRODUCT_NAMES)) != PropertyNameMatcher.MATCH_END_OBJECT) {
      seen = Json.once(p, seen, field);
      p.nextToken();
      switch (field) {
        case 0 -> qty = Json.readInt(p, "qty", false);
        case 1 -> userId = Json.readLong(p, "user_id", false);
        case 2 -> qty = Json.readInt(p, "pin", true);
        default -> kept = Json.keep(kept, p);
      }
    }
    return new Product(qty, userId, Json.unknown(kept));
  }

  private static Map<String, List<Product>> readOrder(JsonParser p) {
    Json.startObject(p, "Order");
    Map<String, List<Product>> order = new LinkedHashMap<>();
    MemberNames names = new MemberNames();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      names.add(p);
      String name = p.currentName();
      p.nextToken();
      order.put(name, Json.readList(p, name, JsonTest::readProduct));
    }
    return order;
  }

  private static WireFormatException failure(String json, Function<JsonParser, ?> reader) {
    return assertThrows(WireFormatException.class, () -> Json.read(json, reader));
  }

  @Test
  void rawKeepsNumbersExactlyAsWritten() {
    for (String number : List.of("1e5", "2.5e-3", "-0.0", "-0", "0.10", "1E+5", "1.0E+2", "-12", "1e-400",
        "123456789012345678901234567890.123456789")) {
      assertEquals(number, Json.read(number, Json::raw), number);
      String nested = "{\"a\":[" + number + ",{\"b\":" + number + "}],\"c\":" + number + "}";
      assertEquals(nested, Json.read(nested, Json::raw), nested);
      assertEquals(nested, Json.read(nested, Json::readRaw).json());
    }
  }

  @Test
  void rawCopiesStringsNamesAndLiteralsAndEndsOnTheValuesLastToken() {
    String json = "{\"s\":\"a \\\"q\\\" \\u00e9\\n/\",\"t\":true,\"f\":false,\"n\":null,\"e\":{},\"l\":[]}";
    String copied = Json.read("[" + json + ",7]", p -> {
      p.nextToken();
      String raw = Json.raw(p);
      assertEquals(JsonToken.END_OBJECT, p.currentToken());
      p.nextToken();
      p.nextToken();
      return raw;
    });
    assertEquals(Json.read(json, Json::raw), copied);
    assertTrue(copied.startsWith("{\"s\":\"a \\\"q\\\" é\\n"), copied);
    assertTrue(copied.endsWith(",\"t\":true,\"f\":false,\"n\":null,\"e\":{},\"l\":[]}"), copied);
  }

  @Test
  void skipCheckedPassesOverAValueAsRawWouldCopyItAndFailsWhereRawFails() {
    String json = "[{\"a\":[1,{\"b\":\"x\"}],\"c\":null},\"s\",2.50,true,[]]";
    List<JsonToken> after = Json.read(json, p -> {
      List<JsonToken> ends = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        Json.skipChecked(p);
        ends.add(p.currentToken());
      }
      return ends;
    });
    assertEquals(List.of(JsonToken.END_OBJECT, JsonToken.VALUE_STRING, JsonToken.VALUE_NUMBER_FLOAT,
        JsonToken.VALUE_TRUE, JsonToken.END_ARRAY), after, "each value's last token");
    WireFormatException twice = failure("{\"x\":[{\"a\":1,\"a\":2}]}", p -> {
      Json.skipChecked(p);
      return null;
    });
    assertEquals("member 'a' is written twice (at x[0].a)", twice.getMessage());
    assertEquals(twice.getMessage(), failure("{\"x\":[{\"a\":1,\"a\":2}]}", Json::raw).getMessage());
  }

  @Test
  void nestingBeyondTheLimitIsAnErrorNotAStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    WireFormatException error = failure(deep, Json::raw);
    assertTrue(error.getMessage().contains("nesting depth"), error.getMessage());
    assertTrue(error.path().contains("…"), "a deep path is shortened: " + error.path());
    String deepButAllowed = "[".repeat(400) + "1e5" + "]".repeat(400);
    assertEquals(deepButAllowed, Json.read(deepButAllowed, Json::raw));
  }

  @Test
  void decodeErrorNamesThePathWhereItHappened() {
    WireFormatException error = failure("{\"products\":[{\"qty\":1},{\"qty\":\"many\"}]}", JsonTest::readOrder);
    assertEquals("products[1].qty", error.path());
    assertEquals("field 'qty' should be a whole number (int), found 'many' (at products[1].qty)",
        error.getMessage());

    WireFormatException notJson = failure("{\"products\":[{\"qty\":1},{\"qty\":,}]}", JsonTest::readOrder);
    assertEquals("products[1].qty", notJson.path());
    assertTrue(notJson.getMessage().startsWith("not valid JSON: "), notJson.getMessage());

    WireFormatException notAList = failure("{\"products\":{\"qty\":1}}", JsonTest::readOrder);
    assertEquals("products", notAList.path(), "on an object's first token, the object's own path");

    assertNull(failure("1", JsonTest::readOrder).path(), "an error about the whole value has no path");
    assertNull(failure("", JsonTest::readOrder).path());
  }

  @Test
  void theRootStartsThePathOfAFormFieldCarryingJson() {
    WireFormatException error = assertThrows(WireFormatException.class,
        () -> Json.read("[{\"qty\":1},{\"qty\":\"x\"}]", "products", p -> Json.readList(p, "products",
            JsonTest::readProduct)));
    assertEquals("products[1].qty", error.path());
    assertTrue(error.getMessage().endsWith(" (at products[1].qty)"), error.getMessage());

    WireFormatException whole = assertThrows(WireFormatException.class,
        () -> Json.read("{\"qty\":1}", "products", p -> Json.readList(p, "products", JsonTest::readProduct)));
    assertEquals("products", whole.path());

    WireFormatException stringOr = assertThrows(WireFormatException.class,
        () -> Json.stringOr("{\"qty\":true}", "data", JsonTest::readProduct));
    assertEquals("data.qty", stringOr.path());
  }

  @Test
  void aReadInsideAReadAddsItsPathToTheOuterOne() {
    // a reader that copies a value and reads the copy, as the webhook endpoint reads each message
    WireFormatException error = failure("{\"messages\":[{\"qty\":1},{\"x\":{\"qty\":\"y\"}}]}", p -> {
      Json.startObject(p, "request");
      p.nextToken();
      p.nextToken();
      return Json.readList(p, "messages", element -> Json.read(Json.raw(element), inner -> {
        Json.startObject(inner, "message");
        while (inner.nextToken() == JsonToken.PROPERTY_NAME) {
          inner.nextToken();
          if (inner.currentToken() == JsonToken.START_OBJECT) {
            readProduct(inner);
          } else {
            Json.skip(inner);
          }
        }
        return null;
      }));
    });
    assertEquals("messages[1].x.qty", error.path());
  }

  @Test
  void duplicateMemberIsAnErrorWithItsPath() {
    WireFormatException twice = failure("{\"user_id\":1,\"user_id\":2}", JsonTest::readProduct);
    assertEquals("user_id", twice.path());
    assertEquals("member 'user_id' is written twice (at user_id)", twice.getMessage());

    WireFormatException nested = failure("{\"products\":[{\"qty\":1},{\"qty\":1,\"x\":{},\"qty\":2}]}",
        JsonTest::readOrder);
    assertEquals("products[1].qty", nested.path());
    assertTrue(nested.getMessage().startsWith("member 'qty' is written twice"), nested.getMessage());

    WireFormatException unknown = failure("{\"note\":{\"a\":1,\"a\":1}}", JsonTest::readProduct);
    assertEquals("note.a", unknown.path(), "also in a value kept raw");
    WireFormatException map = failure("{\"k\":\"1\",\"k\":\"2\"}",
        p -> Json.readMap(p, "vars", v -> Json.text(v, "vars")));
    assertEquals("k", map.path());
    WireFormatException members = assertThrows(WireFormatException.class,
        () -> Json.readObjectMembers("{\"status\":0,\"status\":1}", (name, text) -> { }));
    assertEquals("status", members.path());
  }

  @Test
  void bytesAreReadAsUtf8AndBytesThatAreNotUtf8AreAnErrorNeverReplaced() {
    byte[] text = "{\"qty\":3,\"name\":\"Jos\u00e9 \ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8);
    Product product = Json.read(text, null, JsonTest::readProduct);
    assertEquals(3, product.qty());
    assertEquals("\"Jos\u00e9 \ud83d\ude00\"", product.unknown().get("name"));
    byte[] broken = {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
    WireFormatException e = assertThrows(WireFormatException.class, () -> Json.read(broken, "data",
        JsonTest::readProduct));
    assertTrue(e.getMessage().startsWith("not valid JSON"), e.getMessage());
    assertEquals("data", e.path(), "the bytes are checked whole, before any member is read");
    WireFormatException worded = assertThrows(WireFormatException.class, () -> Json.read(broken, null,
        "the body is not UTF-8", JsonTest::readProduct));
    assertEquals("the body is not UTF-8 (a malformed character at offset 6)", worded.getMessage());
  }

  @Test
  void anObjectOfManyMembersIsCheckedForRepeatsInLinearTime() {
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < 50_000; i++) {
      many.append(i == 0 ? "" : ",").append("\"m").append(i).append("\":").append(i);
    }
    String distinct = many + "}";
    assertEquals(50_000, Json.read(distinct, JsonTest::readProduct).unknown().size());
    assertEquals(50_000, Json.read(distinct, p -> Json.readMap(p, "vars", v -> Json.text(v, "vars"))).size());
    WireFormatException e = failure(many + ",\"m49999\":0}", JsonTest::readProduct);
    assertEquals("m49999", e.path());
    WireFormatException raw = failure("[" + many + ",\"m7\":0}]", Json::raw);
    assertEquals("[0].m7", raw.path());
  }

  @Test
  void bytesThatJacksonWouldLetPassAreNotUtf8Either() {
    byte[] overlong = {'"', (byte) 0xC1, (byte) 0xBF, '"'};
    WireFormatException e = assertThrows(WireFormatException.class, () -> Json.read(overlong, null, Json::raw));
    assertTrue(e.getMessage().startsWith("not valid JSON: the bytes are not UTF-8"), e.getMessage());
  }

  @Test
  void unknownFieldsThatJsonCannotNameOnceAreRefusedNotWrittenTwice() {
    PropertyNameMatcher declared = Json.names("email");
    UnknownFields clash = UnknownFields.empty().with("email", "b@c");
    WireFormatException e = assertThrows(WireFormatException.class,
        () -> Json.write(g -> {
          g.writeStartObject();
          Json.writeUnknown(g, clash, declared);
        }));
    assertTrue(e.getMessage().contains("'email' has the name of a declared field"), e.getMessage());
    UnknownFields tuple = UnknownFields.empty().with("tag", "a").with("tag", "b");
    e = assertThrows(WireFormatException.class, () -> Json.write(g -> {
      g.writeStartObject();
      Json.writeUnknown(g, tuple, declared);
    }));
    assertTrue(e.getMessage().contains("'tag' came more than once"), e.getMessage());
    UnknownFields repeatsInside = UnknownFields.empty().with("x", "{\"a\":1,\"a\":2}", WireFormat.JSON);
    assertThrows(WireFormatException.class, () -> Json.write(g -> {
      g.writeStartObject();
      Json.writeUnknown(g, repeatsInside, declared);
    }));
  }

  @Test
  void aCharacterBeyondLatin1IsNotQuotedEither() {
    String message = failure("{\"password\":\"ab\\\u0416c\"}", JsonTest::readProduct).getMessage();
    assertFalse(message.contains("\u0416"), message);
    assertFalse(message.contains("1046"), message);
  }

  @Test
  void jacksonMessagesNeverQuoteTheInput() {
    for (String body : List.of("{\"password\":hunter2}", "{\"password\":hunter2x}", "{\"password\":12hunter2}",
        "{\"password\":\"hunter2\\q\"}", "{\"password\":\"hunter2", "{\"password\":\"hunter2\" x}",
        "{\"password\":'hunter2'}", "{\"password\":-hunter2}", "{\"password\":\"h\u0001unter2\"}")) {
      WireFormatException error = failure(body, JsonTest::readProduct);
      String message = error.getMessage();
      assertFalse(message.contains("hunter"), message);
      assertFalse(message.contains("code "), "not even one character's code: " + message);
      assertTrue(message.startsWith("not valid JSON: "), message);
      assertTrue(error.getCause() == null || !String.valueOf(error.getCause().getMessage()).contains("hunter"));
    }
    assertEquals("not valid JSON: Unrecognized token: was expecting (JSON String, Number, Array, Object or token"
        + " 'null', 'true' or 'false') (at password)", failure("{\"password\":hunter2}", JsonTest::readProduct)
        .getMessage());
    assertEquals("Unexpected close marker ']': expected '}'", Json.withoutInput(
        "Unexpected close marker ']': expected '}' (for Object starting at [Source: REDACTED"
            + " (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])"));
    assertEquals("Unrecognized token", Json.withoutInput("Unrecognized token 'hunter2"), "an open quote cuts");
  }

  @Test
  void aNumberOutOfRangeNamesItsFieldAndNeverPrintsASecret() {
    WireFormatException tooBig = failure("{\"qty\":99999999999}", JsonTest::readProduct);
    assertEquals("field 'qty' should be a whole number (int) from -2147483648 to 2147483647, found"
        + " '99999999999' (at qty)", tooBig.getMessage());
    WireFormatException asText = failure("{\"qty\":\"99999999999\"}", JsonTest::readProduct);
    assertEquals(tooBig.getMessage(), asText.getMessage());
    WireFormatException huge = failure("{\"user_id\":-99999999999999999999}", JsonTest::readProduct);
    assertEquals("field 'user_id' should be a whole number (long) from -9223372036854775808 to"
        + " 9223372036854775807, found '-99999999999999999999' (at user_id)", huge.getMessage());
    WireFormatException secret = failure("{\"pin\":98765432109}", JsonTest::readProduct);
    assertFalse(secret.getMessage().contains("98765432109"), secret.getMessage());
    assertTrue(secret.getMessage().startsWith("field 'pin' should be a whole number (int)"), secret.getMessage());
    WireFormatException decimal = failure("1e9999999999", p -> Json.readDecimal(p, "amount", true));
    assertEquals("field 'amount' should be a decimal number, found a secret value", decimal.getMessage());
    Integer max = Json.read("2147483647", p -> Json.readInt(p, "qty", false));
    assertEquals(Integer.MAX_VALUE, max);
  }

  @Test
  void theMembersOfAnObjectSayWhichAreStructured() {
    List<String> seen = new ArrayList<>();
    Json.readObjectMembers("{\"s\":\"a b\",\"n\":1e5,\"b\":true,\"z\":null,\"o\":{\"x\":-0.0},\"l\":[1]}",
        (name, text, structured) -> seen.add(name + "=" + text + (structured ? " (json)" : "")));
    assertEquals(List.of("s=a b", "n=1e5", "b=true", "o={\"x\":-0.0} (json)", "l=[1] (json)"), seen);
  }

  @Test
  void keptMembersAreJsonAndWrittenBackAsTheyCame() {
    String json = "{\"qty\":1,\"note\":\"hello world\",\"n\":1e5,\"o\":{\"a\":[0.10]},\"z\":null}";
    Product product = Json.read(json, JsonTest::readProduct);
    assertEquals(List.of(new UnknownFields.Entry("note", "\"hello world\"", WireFormat.JSON),
        new UnknownFields.Entry("n", "1e5", WireFormat.JSON),
        new UnknownFields.Entry("o", "{\"a\":[0.10]}", WireFormat.JSON),
        new UnknownFields.Entry("z", "null", WireFormat.JSON)), product.unknown().entries());
    assertEquals(json, Json.write(g -> {
      g.writeStartObject();
      g.writeNumberProperty("qty", product.qty());
      Json.writeUnknown(g, product.unknown());
      g.writeEndObject();
    }));
  }

  @Test
  void unknownTextIsWrittenAsAJsonStringNeverAsBareText() {
    UnknownFields text = UnknownFields.empty().with("note", "hello world").with("n", "3").with("q", "say \"hi\"");
    String json = writeObject(text);
    assertEquals("{\"note\":\"hello world\",\"n\":\"3\",\"q\":\"say \\\"hi\\\"\"}", json);
    assertEquals(List.of("note=hello world", "n=3", "q=say \"hi\""), members(json));
  }

  @Test
  void unknownXmlCannotBeWrittenAsJson() {
    WireFormatException error = assertThrows(WireFormatException.class,
        () -> writeObject(UnknownFields.empty().with("extra", "<a>secret</a>", WireFormat.XML)));
    assertEquals("unknown field 'extra' came as XML and cannot be written as JSON", error.getMessage());
  }

  @Test
  void unknownJsonThatIsNotOneJsonValueIsRefusedRatherThanWritten() {
    for (String notJson : List.of("hello world", "{\"a\":1", "1 2", "")) {
      WireFormatException error = assertThrows(WireFormatException.class,
          () -> writeObject(UnknownFields.empty().with("note", notJson, WireFormat.JSON)), notJson);
      assertTrue(error.getMessage().contains("note"), error.getMessage());
    }
  }

  private static String writeObject(UnknownFields unknown) {
    return Json.write(g -> {
      g.writeStartObject();
      Json.writeUnknown(g, unknown);
      g.writeEndObject();
    });
  }

  private static List<String> members(String json) {
    List<String> members = new ArrayList<>();
    Json.readObjectMembers(json, (name, text) -> members.add(name + "=" + text));
    return members;
  }
}
