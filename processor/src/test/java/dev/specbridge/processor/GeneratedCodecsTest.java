package dev.specbridge.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.processor.bundled.CitytripsJson;
import dev.specbridge.processor.bundled.Country;
import dev.specbridge.processor.bundled.Vehicle;
import dev.specbridge.processor.bundled.VehicleFullMessage;
import dev.specbridge.processor.sample.Address;
import dev.specbridge.processor.sample.CreateLeadRequest;
import dev.specbridge.processor.sample.CreateLeadResponse;
import dev.specbridge.processor.sample.EverythingForm;
import dev.specbridge.processor.sample.EverythingJson;
import dev.specbridge.processor.sample.Status;
import dev.specbridge.processor.wide.WideJson;
import dev.specbridge.processor.wide.WideMessage;
import dev.specbridge.runtime.form.FormReader;
import dev.specbridge.runtime.form.FormWriter;
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
    EverythingForm.writeCreateLeadRequest(out, fullLead());
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
  void aRequestRoundTripsThroughPairsAndThroughJson() {
    CreateLeadRequest lead = fullLead();
    FormWriter out = new FormWriter();
    EverythingForm.writeCreateLeadRequest(out, lead);
    assertEquals(lead, EverythingForm.readCreateLeadRequest(FormReader.parse(out.body())),
        "a string-or's plain string travels as it is");
    CreateLeadRequest structured = lead.withData(StringOr.value(Address.builder().firstName("Ann").build()));
    FormWriter again = new FormWriter();
    EverythingForm.writeCreateLeadRequest(again, structured);
    assertEquals(structured, EverythingForm.readCreateLeadRequest(FormReader.parse(again.body())));

    // in JSON, unknown members are kept as their JSON text
    CreateLeadRequest fromJson = structured.withUnknownFields(UnknownFields.empty()
        .with("campaign", "\"spring\"", WireFormat.JSON));
    String json = Json.write(g -> EverythingJson.writeCreateLeadRequest(g, fromJson));
    assertTrue(json.endsWith(",\"campaign\":\"spring\"}"), json);
    assertEquals(fromJson, Json.read(json, EverythingJson::readCreateLeadRequest));
  }

  /** Name-value pairs as read, then as JSON, then as pairs again: what a form-http API does in a batch. */
  private static CreateLeadRequest formToJsonToForm(String body) {
    CreateLeadRequest fromForm = EverythingForm.readCreateLeadRequest(FormReader.parse(body));
    String json = Json.write(g -> EverythingJson.writeCreateLeadRequest(g, fromForm));
    CreateLeadRequest fromJson = Json.read(json, EverythingJson::readCreateLeadRequest); // proves it is JSON
    FormWriter out = new FormWriter();
    EverythingForm.writeCreateLeadRequest(out, fromJson);
    return EverythingForm.readCreateLeadRequest(FormReader.parse(out.body()));
  }

  @Test
  void aRecordRoundTripsThroughEveryPairOfItsApisFormats() {
    String body = "email=a%40b&subscribed=Y&tags=x%2Cy&note=hello+world&count=3&blob=%7B%22a%22%3A1%7D";
    CreateLeadRequest original = EverythingForm.readCreateLeadRequest(FormReader.parse(body));
    assertEquals(WireFormat.TEXT, original.unknownFields().entries().get(0).format());
    // pairs → JSON: text unknown fields become JSON strings, never bare text
    String json = Json.write(g -> EverythingJson.writeCreateLeadRequest(g, original));
    assertTrue(json.contains("\"note\":\"hello world\""), json);
    CreateLeadRequest fromJson = Json.read(json, EverythingJson::readCreateLeadRequest);
    assertEquals(original.withUnknownFields(UnknownFields.empty()), fromJson.withUnknownFields(UnknownFields.empty()));
    assertEquals("\"hello world\"", fromJson.unknownFields().get("note"));
    assertEquals(WireFormat.JSON, fromJson.unknownFields().entries().get(0).format());
    // JSON → pairs: a JSON string becomes its text again
    assertEquals(original, formToJsonToForm(body));

    // JSON → pairs → JSON: strings and structures survive; a number travels as its text
    String fromServer = "{\"email\":\"a@b\",\"subscribed\":\"Y\",\"note\":\"hi, you\",\"extra\":{\"k\":[1,2]}}";
    CreateLeadRequest read = Json.read(fromServer, EverythingJson::readCreateLeadRequest);
    FormWriter pairs = new FormWriter();
    EverythingForm.writeCreateLeadRequest(pairs, read);
    assertTrue(pairs.body().endsWith("&note=hi%2C+you&extra=%7B%22k%22%3A%5B1%2C2%5D%7D"), pairs.body());
    CreateLeadRequest back = EverythingForm.readCreateLeadRequest(FormReader.parse(pairs.body()));
    String again = Json.write(g -> EverythingJson.writeCreateLeadRequest(g, back));
    assertEquals(read.withUnknownFields(UnknownFields.empty()), Json.read(again, EverythingJson::readCreateLeadRequest)
        .withUnknownFields(UnknownFields.empty()));
    // a structure read from pairs is text: it comes back as a JSON string, valid and lossless
    assertTrue(again.endsWith(",\"note\":\"hi, you\",\"extra\":\"{\\\"k\\\":[1,2]}\"}"), again);
  }

  @Test
  void whatJsonCannotCarryIsRefusedNeverWrittenInvalid() {
    WireFormatException notJson = assertThrows(WireFormatException.class, () -> EverythingForm.readCreateLeadRequest(
        FormReader.parse("email=a%40b&subscribed=Y&notes=hello+world")));
    assertEquals("notes", notJson.path(), notJson.getMessage());
    CreateLeadRequest tuple = EverythingForm.readCreateLeadRequest(FormReader.parse(
        "email=a%40b&subscribed=Y&tag=a&tag=b"));
    WireFormatException twice = assertThrows(WireFormatException.class,
        () -> Json.write(g -> EverythingJson.writeCreateLeadRequest(g, tuple)));
    assertTrue(twice.getMessage().contains("'tag' came more than once"), twice.getMessage());
    CreateLeadRequest shadow = fullLead().withUnknownFields(UnknownFields.empty().with("email", "b@c"));
    assertThrows(WireFormatException.class, () -> Json.write(g -> EverythingJson.writeCreateLeadRequest(g, shadow)));
    CreateLeadRequest badRaw = fullLead().withNotes(new RawJson("{\"a\":1,\"a\":2}"));
    assertThrows(WireFormatException.class, () -> Json.write(g -> EverythingJson.writeCreateLeadRequest(g, badRaw)));
  }

  @Test
  void aRecordThatRefusesAValueInJsonSaysWhereItStood() {
    WireFormatException e = assertThrows(WireFormatException.class, () -> Json.read(
        "{\"addresses\":[{\"zip\":\"12345\"},{\"zip\":\"x\"}]}", EverythingJson::readListAddressesResponse));
    assertEquals("addresses[1]", e.path(), e.getMessage());
    assertTrue(e.getMessage().startsWith("Address.zip must match"), e.getMessage());
    assertTrue(e.getCause() instanceof IllegalArgumentException);
  }

  @Test
  void aCsvValueWithACommaIsRefusedRatherThanSplit() {
    CreateLeadRequest lead = fullLead().withTags(List.of("a,b", "c"));
    WireFormatException e = assertThrows(WireFormatException.class,
        () -> EverythingForm.writeCreateLeadRequest(new FormWriter(), lead));
    assertTrue(e.getMessage().contains("'tags'"), e.getMessage());
    assertFalse(e.getMessage().contains("a,b"), e.getMessage());
  }

  @Test
  void aJsonErrorInAStructuredFormFieldNamesItsPath() {
    WireFormatException e = assertThrows(WireFormatException.class, () -> EverythingForm.readCreateLeadRequest(
        FormReader.parse("email=a%40b&subscribed=Y"
            + "&products=%5B%7B%22sku%22%3A%22A%22%7D%2C%7B%22qty%22%3A%22x%22%7D%5D")));
    assertEquals("products[1].qty", e.path(), e.getMessage());
  }

  @Test
  void aMemberWrittenTwiceIsAnErrorNotTheLastOneWins() {
    WireFormatException e = assertThrows(WireFormatException.class, () -> Json.read(
        "{\"email\":\"a@b\",\"subscribed\":true,\"age\":1,\"age\":2}", EverythingJson::readCreateLeadRequest));
    assertTrue(e.getMessage().contains("'age'"), e.getMessage());
  }

  @Test
  void aRecordOfMoreThan64FieldsStillRefusesAMemberWrittenTwice() {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < 70; i++) {
      json.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
    }
    WideMessage wide = Json.read(json + "}", WideJson::readWideMessage);
    assertEquals(69, wide.f69());
    WireFormatException e = assertThrows(WireFormatException.class,
        () -> Json.read(json + ",\"f69\":1}", WideJson::readWideMessage));
    assertEquals("f69", e.path(), e.getMessage());
    assertTrue(e.getMessage().startsWith("member 'f69' is written twice"), e.getMessage());
  }

  @Test
  void anOutOfRangeNumberNamesItsField() {
    WireFormatException e = assertThrows(WireFormatException.class, () -> Json.read(
        "{\"email\":\"a@b\",\"subscribed\":true,\"age\":99999999999}", EverythingJson::readCreateLeadRequest));
    assertTrue(e.getMessage().contains("'age'"), e.getMessage());
  }

  @Test
  void zeroDatesAreAbsentAndBracketGroupsFillStructuredFields() {
    CreateLeadRequest lead = EverythingForm.readCreateLeadRequest(FormReader.parse(
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
        () -> EverythingForm.readCreateLeadRequest(FormReader.parse("email=a%40b&subscribed=Y&age=old")));
    assertEquals("field 'age' should be a whole number (int), found 'old'", age.getMessage());
    WireFormatException flag = assertThrows(WireFormatException.class,
        () -> EverythingForm.readCreateLeadRequest(FormReader.parse("email=a%40b&subscribed=maybe")));
    assertEquals("field 'subscribed' should be Y or N, found 'maybe'", flag.getMessage());
    IllegalArgumentException password = assertThrows(IllegalArgumentException.class,
        () -> EverythingForm.readCreateLeadRequest(FormReader.parse("email=a%40b&subscribed=Y&password=short")));
    assertFalse(password.getMessage().contains("short"), password.getMessage());
  }

  @Test
  void aRecordThatRejectsUnknownFieldsRefusesThem() {
    WireFormatException e = assertThrows(WireFormatException.class, () -> EverythingForm.readCreateLeadResponse(
        FormReader.parse("lead_id=1&summary=" + "%7B%22total%22%3A1%2C%22extra%22%3A2%7D")));
    assertTrue(e.getMessage().contains("'extra'"), e.getMessage());
    CreateLeadResponse response = EverythingForm.readCreateLeadResponse(FormReader.parse(
        "lead_id=1001&summary[total]=3"));
    assertEquals(3, response.summary().total());
  }

  @Test
  void anEmptyPhpArrayReadsAsAnObjectWithoutMembersButAFullOneIsRefused() {
    CreateLeadResponse response = EverythingForm.readCreateLeadResponse(FormReader.parse("lead_id=1&summary=%5B%5D"));
    assertNull(response.summary().total());
    WireFormatException e = assertThrows(WireFormatException.class, () -> EverythingForm.readCreateLeadResponse(
        FormReader.parse("lead_id=1&summary=%5B1%5D")));
    assertTrue(e.getMessage().contains("should start with an object, found an array"), e.getMessage());
  }

  @Test
  void aWrappedMessageBodyIsItsValueOnTheWire() {
    VehicleFullMessage message = Json.read("[{\"id\":\"v1\",\"country\":\"Chile\",\"battery\":80,\"new\":1}]",
        CitytripsJson::readVehicleFullMessage);
    Vehicle vehicle = message.payload().get(0);
    assertEquals("v1", vehicle.id());
    assertEquals(Country.CHILE, vehicle.country());
    assertEquals("1", vehicle.unknownFields().get("new"));
    String written = Json.write(g -> CitytripsJson.writeVehicleFullMessage(g, message));
    assertTrue(written.startsWith("[{\"id\":\"v1\""), written);
    assertTrue(written.endsWith("\"new\":1}]"), written);
  }
}
