package dev.specbridge.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.processor.bundled.Vehicle;
import dev.specbridge.processor.bundled.VehicleFullMessage;
import dev.specbridge.processor.sample.Address;
import dev.specbridge.processor.sample.CreateLeadRequest;
import dev.specbridge.processor.sample.CreateLeadResponse;
import dev.specbridge.processor.sample.PingRequest;
import dev.specbridge.processor.sample.Status;
import dev.specbridge.runtime.value.StringOr;
import dev.specbridge.runtime.value.UnknownFields;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Behaviour of the records generated (at test-compile time) from specs/everything.yaml. */
class GeneratedRecordsTest {
  private static CreateLeadRequest.Builder lead() {
    return CreateLeadRequest.builder().email("john.doe@example.com").subscribed(true);
  }

  /** What may be absent says so: optional fields are @Nullable in a @NullMarked type; lists are never null. */
  @Test
  void nullnessIsDeclaredForToolsAndKotlin() throws Exception {
    assertTrue(CreateLeadRequest.class.isAnnotationPresent(NullMarked.class));
    Map<String, Boolean> nullable = new LinkedHashMap<>();
    for (RecordComponent component : CreateLeadRequest.class.getRecordComponents()) {
      nullable.put(component.getName(), component.getAnnotatedType().isAnnotationPresent(Nullable.class));
    }
    assertEquals(false, nullable.get("email"), "required");
    assertEquals(true, nullable.get("password"), "optional");
    assertEquals(false, nullable.get("tags"), "a list is empty when absent");
    assertEquals(false, nullable.get("unknownFields"));
    assertTrue(CreateLeadRequest.Builder.class.getMethod("password", String.class).getAnnotatedParameterTypes()[0]
        .isAnnotationPresent(Nullable.class));
  }

  @Test
  void aMissingRequiredFieldIsNamedInTheError() {
    NullPointerException error = assertThrows(NullPointerException.class,
        () -> CreateLeadRequest.builder().subscribed(true).build());
    assertEquals("CreateLeadRequest.email is required", error.getMessage());
  }

  @Test
  void aMissingRequiredPrimitiveIsNamedInTheError() {
    NullPointerException error = assertThrows(NullPointerException.class,
        () -> CreateLeadRequest.builder().email("a@b").build());
    assertEquals("CreateLeadRequest.subscribed is required", error.getMessage());
  }

  @Test
  void constraintsAreCheckedWithTheFieldAndValueInTheMessage() {
    assertEquals("CreateLeadRequest.age must be at least 18 (was '17')",
        assertThrows(IllegalArgumentException.class, () -> lead().age(17).build()).getMessage());
    assertEquals("CreateLeadRequest.age must be at most 130 (was '131')",
        assertThrows(IllegalArgumentException.class, () -> lead().age(131).build()).getMessage());
    assertEquals("CreateLeadRequest.email must match [^@]+@[^@]+ (was 'nobody')",
        assertThrows(IllegalArgumentException.class, () -> lead().email("nobody").build()).getMessage());
    assertEquals("CreateLeadRequest.country must have exactly 2 characters (was 'USA')",
        assertThrows(IllegalArgumentException.class, () -> lead().country("USA").build()).getMessage());
    assertEquals("CreateLeadRequest.amount must be at least 0.01 (was '0.001')",
        assertThrows(IllegalArgumentException.class, () -> lead().amount(new BigDecimal("0.001")).build())
            .getMessage());
    assertEquals("CreateLeadRequest.score must be at least 0 (was '-1')",
        assertThrows(IllegalArgumentException.class, () -> lead().score(-1L).build()).getMessage());
    assertEquals("Address.zip must match [0-9]{5} (was '7500')",
        assertThrows(IllegalArgumentException.class, () -> Address.builder().zip("7500").build()).getMessage());
  }

  @Test
  void valuesWithinTheConstraintsPass() {
    CreateLeadRequest request = lead().age(18).country("US").amount(new BigDecimal("99999.99")).score(0L)
        .password("s3cretpass").build();
    assertEquals(18, request.age());
    assertEquals("US", request.country());
  }

  @Test
  void aSecretNeverAppearsInAnErrorMessage() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> lead().password("hunter").build());
    assertEquals("CreateLeadRequest.password must have at least 7 characters", error.getMessage());
  }

  @Test
  void toStringRedactsSecrets() {
    String text = lead().password("correct horse battery").build().toString();
    assertTrue(text.contains("password=██"), text);
    assertFalse(text.contains("correct horse"), text);
    assertTrue(text.startsWith("CreateLeadRequest[email=john.doe@example.com, password=██, country=null"), text);
  }

  @Test
  void collectionsAreImmutableCopiesAndAbsentOnesAreEmpty() {
    List<String> tags = new ArrayList<>(List.of("new", "web"));
    CreateLeadRequest request = lead().tags(tags).build();
    tags.add("changed");
    assertEquals(List.of("new", "web"), request.tags());
    assertThrows(UnsupportedOperationException.class, () -> request.tags().add("x"));
    assertEquals(List.of(), request.products());
    assertEquals(Map.of(), request.vars());
  }

  @Test
  void mapsKeepTheirOrder() {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("zeta", "1");
    vars.put("alpha", "2");
    vars.put("mid", "3");
    assertEquals(List.of("zeta", "alpha", "mid"), new ArrayList<>(lead().vars(vars).build().vars().keySet()));
  }

  @Test
  void nullElementsAreRefusedWithTheFieldName() {
    List<String> tags = Arrays.asList("a", null);
    NullPointerException error = assertThrows(NullPointerException.class, () -> lead().tags(tags).build());
    assertEquals("CreateLeadRequest.tags has a null element", error.getMessage());
  }

  @Test
  void toBuilderChangesOneFieldAndKeepsTheRest() {
    CreateLeadRequest request = lead().age(30).build();
    CreateLeadRequest older = request.toBuilder().age(31).build();
    assertEquals(31, older.age());
    assertEquals(30, request.age());
    assertEquals(request.email(), older.email());
    assertThrows(IllegalArgumentException.class, () -> request.toBuilder().age(5).build());
  }

  @Test
  void toBuilderRoundTripsToAnEqualRecord() {
    CreateLeadRequest request = lead().age(40).tags(List.of("a")).status(Status.CREATED)
        .unknownFields(UnknownFields.empty().with("campaign", "fall")).build();
    assertEquals(request, request.toBuilder().build());
    assertEquals(request.hashCode(), request.toBuilder().build().hashCode());
  }

  @Test
  void unknownFieldsAreKeptAndCountInEquality() {
    CreateLeadRequest plain = lead().build();
    CreateLeadRequest extra = plain.toBuilder().unknownFields(UnknownFields.empty().with("campaign", "fall")).build();
    assertNotEquals(plain, extra);
    assertEquals("fall", extra.unknownFields().get("campaign"));
    assertTrue(plain.unknownFields().isEmpty());
  }

  @Test
  void undocumentedEntriesCarryTheirParametersAsUnknownFields() {
    PingRequest ping = PingRequest.builder().unknownFields(UnknownFields.empty().with("echo", "1")).build();
    assertEquals("1", ping.unknownFields().get("echo"));
  }

  @Test
  void openEnumsKeepValuesTheSpecDoesNotList() {
    assertSame(Status.CHANGED, Status.of("updated"));
    assertTrue(Status.of("blocked").isKnown());
    Status suspended = Status.of("suspended");
    assertFalse(suspended.isKnown());
    assertEquals("suspended", suspended.wireValue());
    assertEquals(Status.of("suspended"), suspended);
    assertEquals(List.of(Status.CREATED, Status.CHANGED, Status.BLOCKED), Status.knownValues());
    assertEquals(CreateLeadRequest.Source.WALK_IN, CreateLeadRequest.Source.of("walk-in"));
  }

  @Test
  void inlineTypesAreNestedAndRejectingBodiesHaveNoUnknownFields() {
    CreateLeadRequest.ProductsItem item = CreateLeadRequest.ProductsItem.builder().sku("A1").qty(2).build();
    assertEquals(List.of(item), lead().products(List.of(item)).build().products());
    List<String> summaryComponents = Arrays.stream(CreateLeadResponse.Summary.class.getRecordComponents())
        .map(RecordComponent::getName).toList();
    assertEquals(List.of("total"), summaryComponents);
    assertEquals(7, CreateLeadResponse.builder().leadId(7).build().leadId());
  }

  @Test
  void aWrappedBodyIsOneValue() {
    Vehicle vehicle = Vehicle.builder().id("v1").build();
    VehicleFullMessage message = VehicleFullMessage.builder().payload(List.of(vehicle)).build();
    assertEquals("v1", message.payload().get(0).id());
    assertEquals(1, VehicleFullMessage.class.getRecordComponents().length);
  }

  @Test
  void stringOrHoldsEitherCase() {
    CreateLeadRequest text = lead().data(StringOr.text("Hello World")).build();
    assertEquals("Hello World", text.data().asText().orElseThrow());
    Address address = Address.builder().firstName("Ann").build();
    CreateLeadRequest structured = lead().data(StringOr.value(address)).build();
    assertEquals(address, structured.data().asValue().orElseThrow());
  }

  @Test
  @SuppressWarnings("deprecation")
  void deprecatedFieldsStillWorkUnderTheirJavaName() throws NoSuchMethodException {
    assertEquals("x1", lead().externalId("x1").build().externalId());
    assertTrue(CreateLeadRequest.class.getMethod("externalId").isAnnotationPresent(Deprecated.class));
  }
}
