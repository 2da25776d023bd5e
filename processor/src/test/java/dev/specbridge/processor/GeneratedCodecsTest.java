package dev.specbridge.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.processor.bundled.Country;
import dev.specbridge.processor.bundled.Vehicle;
import dev.specbridge.processor.bundled.VehicleFullMessage;
import dev.specbridge.processor.sample.Address;
import dev.specbridge.processor.sample.CreateLeadRequest;
import dev.specbridge.processor.sample.CreateLeadResponse;
import dev.specbridge.processor.sample.ListAddressesRequest;
import dev.specbridge.processor.sample.ListAddressesResponse;
import dev.specbridge.processor.sample.Status;
import dev.specbridge.processor.wide.WideMessage;
import dev.specbridge.runtime.form.FormReader;
import dev.specbridge.runtime.form.FormWriter;
import dev.specbridge.runtime.form.JsonMemberSink;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.value.StringOr;
import dev.specbridge.runtime.value.UnknownFields;
import dev.specbridge.runtime.wire.WireFormat;
import dev.specbridge.runtime.wire.WireFormatException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The codecs generated (at test-compile time) from specs/everything.yaml and the bundled CityTrips spec. */
@SuppressWarnings("deprecation") // exteral_id is deprecated in the sample spec, and still travels
class GeneratedCodecsTest {
  private static CreateLeadRequest fullLead() {
    return CreateLeadRequest.builder()
        .email("john.doe@example.com")
        .password("s3cret-pass")
        .country("US")
        .age(42)
        .score(7L)
        .amount(new BigDecimal("10.50"))
        .subscribed(true)
        .isBusiness(false)
        .birthday(LocalDate.of(1980, 1, 31))
        .dateAdded(LocalDateTime.of(2014, 1, 1, 13, 59))
        .created(Instant.ofEpochMilli(1_700_000_000_123L))
        .tags(List.of("prospect", "new"))
        .products(List.of(CreateLeadRequest.ProductsItem.builder().sku("asdfs0").qty(3).build()))
        .vars(Map.of("first_name", "John"))
        .notes(new RawJson("[{\"status\":\"Message\",\"Notes\":\"test\"}]"))
        .billingAddr(Address.builder().firstName("John").line1("1 fake street").zip("33771").build())
        .status(Status.CHANGED)
        .source(CreateLeadRequest.Source.of("walk-in"))
        .data(StringOr.text("Hello World"))
        .externalId("abc123")
        .unknownFields(UnknownFields.empty().with("campaign", "spring"))
        .build();
  }

  @Test
  void aRequestWritesEveryFieldInItsWireSpelling() {
    FormWriter out = new FormWriter();
    CreateLeadRequest.writeForm(out, fullLead());
    assertEquals("email=john.doe%40example.com&password=s3cret-pass&country=US&age=42&score=7&amount=10.50"
        + "&subscribed=Y&is_business=No&birthday=1980-01-31&date_added=2014-01-01+13%3A59%3A00"
        + "&created=1700000000123&tags=prospect%2Cnew"
        + "&products=%5B%7B%22sku%22%3A%22asdfs0%22%2C%22qty%22%3A3%7D%5D"
        + "&vars=%7B%22first_name%22%3A%22John%22%7D"
        + "&notes=%5B%7B%22status%22%3A%22Message%22%2C%22Notes%22%3A%22test%22%7D%5D"
        + "&billing_addr=%7B%22first_name%22%3A%22John%22%2C%22address_line_1%22%3A%221+fake+street%22%2C"
        + "%22zip%22%3A%2233771%22%7D"
        + "&status=updated&source=walk-in&data=Hello+World&exteral_id=abc123&campaign=spring", out.body());
  }

  @Test
  void aRequestRoundTripsThroughPairsAndThroughABatchsJson() {
    CreateLeadRequest lead = fullLead();
    FormWriter out = new FormWriter();
    CreateLeadRequest.writeForm(out, lead);
    assertEquals(lead, CreateLeadRequest.readForm(FormReader.parse(out.body())),
        "a string-or's plain string travels as it is");
    CreateLeadRequest structured = lead.toBuilder().data(StringOr.value(Address.builder().firstName("Ann").build()))
        .build();
    FormWriter again = new FormWriter();
    CreateLeadRequest.writeForm(again, structured);
    assertEquals(structured, CreateLeadRequest.readForm(FormReader.parse(again.body())));
    assertEquals(structured, fromBatchJson(batchJson(structured)));

    // an unknown field that came as JSON goes out as its text when it is a string
    CreateLeadRequest fromJson = structured.toBuilder().unknownFields(UnknownFields.empty()
        .with("campaign", "\"spring\"", WireFormat.JSON)).build();
    FormWriter pairs = new FormWriter();
    CreateLeadRequest.writeForm(pairs, fromJson);
    assertTrue(pairs.body().endsWith("&campaign=spring"), pairs.body());
    assertTrue(batchJson(fromJson).endsWith(",\"campaign\":\"spring\"}"), batchJson(fromJson));
  }

  /** A command's pairs as one JSON object, as a batch sends it. */
  private static String batchJson(CreateLeadRequest request) {
    return Json.write(g -> {
      g.writeStartObject();
      CreateLeadRequest.writeForm(new JsonMemberSink(g), request);
      g.writeEndObject();
    });
  }

  /** A command's pairs read from one JSON object, as a batch answers. */
  private static CreateLeadRequest fromBatchJson(String json) {
    return CreateLeadRequest.readForm(FormReader.ofJsonObject(json));
  }

  @Test
  void aFormBodyRoundTripsThroughPairsAndABatchsJsonObject() {
    String body = "email=a%40b&subscribed=Y&tags=x%2Cy&note=hello+world&count=3&blob=%7B%22a%22%3A1%7D";
    CreateLeadRequest original = CreateLeadRequest.readForm(FormReader.parse(body));
    assertEquals(WireFormat.TEXT, original.unknownFields().entries().get(0).format());
    // pairs → JSON: text unknown fields become JSON strings, never bare text
    String json = batchJson(original);
    assertTrue(json.contains("\"note\":\"hello world\""), json);
    assertEquals(original, fromBatchJson(json));

    // JSON → pairs → JSON: strings and structures survive; a structure stays JSON
    String fromServer = "{\"email\":\"a@b\",\"subscribed\":\"Y\",\"note\":\"hi, you\",\"extra\":{\"k\":[1,2]}}";
    CreateLeadRequest read = fromBatchJson(fromServer);
    assertEquals(WireFormat.JSON, read.unknownFields().entries().get(1).format());
    FormWriter pairs = new FormWriter();
    CreateLeadRequest.writeForm(pairs, read);
    assertTrue(pairs.body().endsWith("&note=hi%2C+you&extra=%7B%22k%22%3A%5B1%2C2%5D%7D"), pairs.body());
    assertTrue(batchJson(read).endsWith(",\"note\":\"hi, you\",\"extra\":{\"k\":[1,2]}}"), batchJson(read));
  }

  @Test
  void whatJsonCannotCarryIsRefusedNeverWrittenInvalid() {
    WireFormatException notJson = assertThrows(WireFormatException.class, () -> CreateLeadRequest.readForm(
        FormReader.parse("email=a%40b&subscribed=Y&notes=hello+world")));
    assertEquals("notes", notJson.path(), notJson.getMessage());
    CreateLeadRequest tuple = CreateLeadRequest.readForm(FormReader.parse(
        "email=a%40b&subscribed=Y&tag=a&tag=b"));
    WireFormatException twice = assertThrows(WireFormatException.class, () -> batchJson(tuple));
    assertTrue(twice.getMessage().contains("'tag'"), twice.getMessage());
    CreateLeadRequest shadow = fullLead().toBuilder().unknownFields(UnknownFields.empty().with("email", "b@c"))
        .build();
    assertThrows(WireFormatException.class, () -> batchJson(shadow));
  }

  @Test
  void aBodyThatRejectsUnknownFieldsReadsItsOwnAndRefusesTheRest() {
    assertEquals("Tampa", ListAddressesRequest.readForm(FormReader.parse("city=Tampa")).city());
    WireFormatException e = assertThrows(WireFormatException.class,
        () -> ListAddressesRequest.readForm(FormReader.parse("city=Tampa&zip=33771")));
    assertTrue(e.getMessage().contains("zip") && !e.getMessage().contains("city"), e.getMessage());
  }

  @Test
  void aRecordThatRefusesAValueInJsonSaysWhereItStood() {
    WireFormatException e = assertThrows(WireFormatException.class, () -> ListAddressesResponse.readForm(
        FormReader.parse("addresses=%5B%7B%22zip%22%3A%2212345%22%7D%2C%7B%22zip%22%3A%22x%22%7D%5D")));
    assertEquals("addresses[1]", e.path(), e.getMessage());
    assertTrue(e.getMessage().startsWith("Address.zip must match"), e.getMessage());
    assertTrue(e.getCause() instanceof IllegalArgumentException);
  }

  @Test
  void aCsvValueWithACommaIsRefusedRatherThanSplit() {
    CreateLeadRequest lead = fullLead().toBuilder().tags(List.of("a,b", "c")).build();
    WireFormatException e = assertThrows(WireFormatException.class,
        () -> CreateLeadRequest.writeForm(new FormWriter(), lead));
    assertTrue(e.getMessage().contains("'tags'"), e.getMessage());
    assertFalse(e.getMessage().contains("a,b"), e.getMessage());
  }

  @Test
  void aJsonErrorInAStructuredFormFieldNamesItsPath() {
    WireFormatException e = assertThrows(WireFormatException.class, () -> CreateLeadRequest.readForm(
        FormReader.parse("email=a%40b&subscribed=Y"
            + "&products=%5B%7B%22sku%22%3A%22A%22%7D%2C%7B%22qty%22%3A%22x%22%7D%5D")));
    assertEquals("products[1].qty", e.path(), e.getMessage());
  }

  @Test
  void aMemberWrittenTwiceIsAnErrorNotTheLastOneWins() {
    WireFormatException e = assertThrows(WireFormatException.class, () -> fromBatchJson(
        "{\"email\":\"a@b\",\"subscribed\":true,\"age\":1,\"age\":2}"));
    assertTrue(e.getMessage().contains("'age'"), e.getMessage());
  }

  @Test
  void aRecordOfMoreThan64FieldsStillRefusesAMemberWrittenTwice() {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < 70; i++) {
      json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
    }
    WideMessage wide = Json.read(json + "}", WideMessage::readJson);
    assertEquals(69, wide.f69());
    WireFormatException e = assertThrows(WireFormatException.class,
        () -> Json.read(json + ",\"f69\":1}", WideMessage::readJson));
    assertEquals("f69", e.path(), e.getMessage());
    assertTrue(e.getMessage().startsWith("member 'f69' is written twice"), e.getMessage());
  }

  @Test
  void anOutOfRangeNumberNamesItsField() {
    WireFormatException e = assertThrows(WireFormatException.class, () -> fromBatchJson(
        "{\"email\":\"a@b\",\"subscribed\":true,\"age\":99999999999}"));
    assertTrue(e.getMessage().contains("'age'"), e.getMessage());
  }

  @Test
  void zeroDatesAreAbsentAndBracketGroupsFillStructuredFields() {
    CreateLeadRequest lead = CreateLeadRequest.readForm(FormReader.parse(
        "email=a%40b&subscribed=y&date_added=0000-00-00+00%3A00%3A00&products[0][sku]=A1&products[0][qty]=2"
        + "&vars[color]=red&status=expired&mystery=42"));
    assertNull(lead.dateAdded());
    assertTrue(lead.subscribed(), "spellings match ignoring case");
    assertEquals(2, lead.products().get(0).qty(), "a number written as a string reads");
    assertEquals(Map.of("color", "red"), lead.vars());
    assertFalse(lead.status().isKnown());
    assertEquals("expired", lead.status().wireValue());
    assertEquals("42", lead.unknownFields().get("mystery"));
  }

  @Test
  void aValueThatDoesNotFitNamesTheFieldButNeverShowsASecret() {
    WireFormatException age = assertThrows(WireFormatException.class,
        () -> CreateLeadRequest.readForm(FormReader.parse("email=a%40b&subscribed=Y&age=old")));
    assertEquals("field 'age' should be a whole number (int), found 'old'", age.getMessage());
    WireFormatException flag = assertThrows(WireFormatException.class,
        () -> CreateLeadRequest.readForm(FormReader.parse("email=a%40b&subscribed=maybe")));
    assertEquals("field 'subscribed' should be Y or N, found 'maybe'", flag.getMessage());
    IllegalArgumentException password = assertThrows(IllegalArgumentException.class,
        () -> CreateLeadRequest.readForm(FormReader.parse("email=a%40b&subscribed=Y&password=short")));
    assertFalse(password.getMessage().contains("short"), password.getMessage());
  }

  @Test
  void aRecordThatRejectsUnknownFieldsRefusesThem() {
    WireFormatException e = assertThrows(WireFormatException.class, () -> CreateLeadResponse.readForm(
        FormReader.parse("lead_id=1&summary=" + "%7B%22total%22%3A1%2C%22extra%22%3A2%7D")));
    assertTrue(e.getMessage().contains("'extra'"), e.getMessage());
    CreateLeadResponse response = CreateLeadResponse.readForm(FormReader.parse(
        "lead_id=1001&summary[total]=3"));
    assertEquals(3, response.summary().total());
  }

  @Test
  void anEmptyPhpArrayReadsAsAnObjectWithoutMembersButAFullOneIsRefused() {
    CreateLeadResponse response = CreateLeadResponse.readForm(FormReader.parse("lead_id=1&summary=%5B%5D"));
    assertNull(response.summary().total());
    WireFormatException e = assertThrows(WireFormatException.class, () -> CreateLeadResponse.readForm(
        FormReader.parse("lead_id=1&summary=%5B1%5D")));
    assertTrue(e.getMessage().contains("should start with an object, found an array"), e.getMessage());
  }

  @Test
  void aWrappedMessageBodyIsItsValueOnTheWire() {
    VehicleFullMessage message = Json.read("[{\"id\":\"v1\",\"country\":\"Chile\",\"battery\":80,\"new\":1}]",
        VehicleFullMessage::readJson);
    Vehicle vehicle = message.payload().get(0);
    assertEquals("v1", vehicle.id());
    assertEquals(Country.CHILE, vehicle.country());
    assertEquals("1", vehicle.unknownFields().get("new"));
    String written = Json.write(g -> VehicleFullMessage.writeJson(g, message));
    assertTrue(written.startsWith("[{\"id\":\"v1\""), written);
    assertTrue(written.endsWith("\"new\":1}]"), written);
  }
}
