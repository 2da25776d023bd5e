package dev.specbridge.examples.bench;

import dev.specbridge.examples.bench.TargetJsonRuntime.DateTimePattern;
import dev.specbridge.examples.site.notifications.MailingAddress;
import dev.specbridge.examples.site.notifications.NewUserNotification;
import dev.specbridge.examples.site.notifications.SiteNotificationsJson;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.UnknownFields;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The target's changes one at a time, to rank them: the workload of {@link JsonCodecBenchmark}, the generated
 * codec ({@code generated}: names pre-encoded and matched by a {@code PropertyNameMatcher} since commit 7e05dde,
 * {@code Json.write} on recycled buffers), the target ({@code all}: {@link TargetSiteNotificationsJson}), and
 * steps between. Not run by default: {@code Benchmarks JsonCodecStepsBenchmark} runs it and prints each step
 * against the generated codec.
 *
 * <ul>
 *   <li>encode: {@code all} adds the date-time pattern to the generated writer; {@code allButNames} writes
 *       names as {@code String}s, what pre-encoding them is worth;
 *   <li>decode: {@code dateTime} adds the date-time pattern to the generated readers; {@code untracked} runs them
 *       on a parser without Jackson's duplicate detector and checks nothing (the most that moving the check into
 *       the readers can gain; {@code all} has both, with the target's one-bit-per-field check);
 *       {@code allButNameMatcher} matches names with a string {@code switch}, what the matcher is worth;
 *   <li>decode floors, what any decoder on Jackson's char parser pays: {@code floorTokens} (every token, nothing
 *       read), {@code floorValues} (and every string and int value made);
 *   <li>decode from bytes: {@code allFromUtf8} is the target reading the delivery's UTF-8 bytes, as the endpoint
 *       receives them, with Jackson's byte parser (which matches names on the bytes), against
 *       {@code databindFromUtf8}; {@code allViaString} decodes the bytes to a {@code String} first (the endpoint's
 *       way today), {@code allViaUtf8} encodes the {@code String} to bytes first;
 *   <li>{@code databindStrict}: databind with {@code STRICT_DUPLICATE_DETECTION}, the guarantee the runtime's
 *       parser gives.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1) // decoding 100 records warms up for about 3 s on 2 cores
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonCodecStepsBenchmark {
  private static final JsonFactory FACTORY = JsonFactory.builder() // TargetJsonRuntime's
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();
  private static final DateTimePattern PATTERN = DateTimePattern.of("yyyy-MM-dd HH:mm:ss");
  private static final ObjectReader STRICT_POJO_LIST_READER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build()
      .readerFor(new TypeReference<List<NewUserPojo>>() {});

  final List<NewUserNotification> users = NewUserDelivery.records();
  final String json = Json.write(g -> Json.writeList(g, users, SiteNotificationsJson::writeNewUserNotification));
  final byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);

  /** Fails the run unless every step writes the generated codec's text and reads its records. */
  @Setup
  public void setup() {
    for (String text : List.of(encodeGenerated(), encodeAll(), encodeAllButNames())) {
      JsonCodecBenchmark.check("a step writes", json, text);
    }
    for (List<NewUserNotification> read : List.of(decodeGenerated(), decodeDateTime(), decodeUntracked(),
        decodeAll(), decodeAllButNameMatcher(), decodeAllFromUtf8(), decodeAllViaUtf8(), decodeAllViaString())) {
      JsonCodecBenchmark.check("a step reads", users, read);
    }
    for (List<NewUserPojo> read : List.of(decodeDatabindStrict(), decodeDatabindFromUtf8())) {
      JsonCodecBenchmark.check("databind reads", users, read.stream().map(NewUserPojo::toRecord).toList());
    }
  }

  // ---- encode

  @Benchmark
  public String encodeGenerated() {
    return Json.write(g -> Json.writeList(g, users, SiteNotificationsJson::writeNewUserNotification));
  }

  /** The target: the generated writer with the date-time pattern. */
  @Benchmark
  public String encodeAll() {
    return Json.write(g -> Json.writeList(g, users, TargetSiteNotificationsJson::writeNewUserNotification));
  }

  /** The target but names written as {@code String}s (as generated before they were pre-encoded). */
  @Benchmark
  public String encodeAllButNames() {
    return Json.write(g -> Json.writeList(g, users, StringNames::writeNewUser));
  }

  // ---- decode

  @Benchmark
  public List<NewUserNotification> decodeGenerated() {
    return Json.read(json, p -> Json.readList(p, "messages", SiteNotificationsJson::readNewUserNotification));
  }

  /** The generated readers with the date-time pattern: the target's reader on the runtime's parser. */
  @Benchmark
  public List<NewUserNotification> decodeDateTime() {
    return Json.read(json, p -> Json.readList(p, "messages", TargetSiteNotificationsJson::readNewUserNotification));
  }

  /** The generated readers on a parser that does not track names, and no duplicate check at all: an upper bound. */
  @Benchmark
  public List<NewUserNotification> decodeUntracked() {
    return TargetJsonRuntime.read(json, p -> Json.readList(p, "messages",
        SiteNotificationsJson::readNewUserNotification));
  }

  /** The target: date-time pattern, duplicates refused with a bit per field on a parser that does not track names. */
  @Benchmark
  public List<NewUserNotification> decodeAll() {
    return TargetJsonRuntime.read(json, p -> Json.readList(p, "messages",
        TargetSiteNotificationsJson::readNewUserNotification));
  }

  /** The target but a {@code switch} on the name's string (as generated before the matcher), no duplicate check. */
  @Benchmark
  public List<NewUserNotification> decodeAllButNameMatcher() {
    return TargetJsonRuntime.read(json, p -> Json.readList(p, "messages", StringNames::readNewUser));
  }

  @Benchmark
  public List<NewUserNotification> decodeAllViaString() {
    String text = new String(utf8, StandardCharsets.UTF_8);
    return TargetJsonRuntime.read(text, p -> Json.readList(p, "messages",
        TargetSiteNotificationsJson::readNewUserNotification));
  }

  /** The floor of any streaming decoder: the parser's tokens, nothing read. */
  @Benchmark
  public int decodeFloorTokens() {
    return TargetJsonRuntime.read(json, p -> {
      int tokens = 0;
      while (p.nextToken() != null) {
        tokens++;
      }
      return tokens;
    });
  }

  /** The floor of any decoder into these records: the tokens, and every string and int value made. */
  @Benchmark
  public int decodeFloorValues() {
    return TargetJsonRuntime.read(json, p -> {
      int sum = 0;
      for (JsonToken token = p.nextToken(); token != null; token = p.nextToken()) {
        if (token == JsonToken.VALUE_STRING) {
          sum += p.getString().length();
        } else if (token == JsonToken.VALUE_NUMBER_INT) {
          sum += Integer.valueOf(p.getIntValue()).hashCode();
        }
      }
      return sum;
    });
  }

  @Benchmark
  public List<NewUserNotification> decodeAllFromUtf8() {
    return readUtf8(utf8);
  }

  /** The String encoded to UTF-8 first, to use the byte parser: does it pay for the copy? */
  @Benchmark
  public List<NewUserNotification> decodeAllViaUtf8() {
    return readUtf8(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Databind from the same UTF-8 bytes, for a fair look at {@link #decodeAllFromUtf8()}. */
  @Benchmark
  public List<NewUserPojo> decodeDatabindFromUtf8() {
    return JsonCodecBenchmark.POJO_LIST_READER.readValue(utf8);
  }

  private static List<NewUserNotification> readUtf8(byte[] utf8) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), utf8)) {
      p.nextToken();
      List<NewUserNotification> users = Json.readList(p, "messages",
          TargetSiteNotificationsJson::readNewUserNotification);
      if (p.nextToken() != null) {
        throw new IllegalStateException("unexpected text after the JSON value");
      }
      return users;
    }
  }

  /** Databind made to refuse a member written twice, as the runtime's parser does: Jackson's detector. */
  @Benchmark
  public List<NewUserPojo> decodeDatabindStrict() {
    return STRICT_POJO_LIST_READER.readValue(json);
  }

  /** The target's codec with names as {@code String}s: {@code writeName(String)}, and a string switch to read. */
  static final class StringNames {
    static void writeAddress(JsonGenerator g, MailingAddress value) {
      g.writeStartObject();
      if (value.firstName() != null) {
        g.writeName("first_name");
        g.writeString(value.firstName());
      }
      if (value.lastName() != null) {
        g.writeName("last_name");
        g.writeString(value.lastName());
      }
      if (value.addressLine1() != null) {
        g.writeName("address_line_1");
        g.writeString(value.addressLine1());
      }
      Json.writeUnknown(g, value.unknownFields());
      g.writeEndObject();
    }

    static MailingAddress readAddress(JsonParser p) {
      boolean members = Json.startObject(p, "MailingAddress");
      String vFirstName = null;
      String vLastName = null;
      String vAddressLine1 = null;
      List<UnknownFields.Entry> unknown = null;
      while (members && p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "first_name" -> vFirstName = Json.text(p, "first_name");
          case "last_name" -> vLastName = Json.text(p, "last_name");
          case "address_line_1" -> vAddressLine1 = Json.text(p, "address_line_1");
          default -> unknown = Json.keep(unknown, name, p);
        }
      }
      return new MailingAddress(vFirstName, vLastName, vAddressLine1, Json.unknown(unknown));
    }

    static void writeNewUser(JsonGenerator g, NewUserNotification value) {
      g.writeStartObject();
      if (value.userId() != null) {
        g.writeName("user_id");
        g.writeNumber(value.userId());
      }
      if (value.username() != null) {
        g.writeName("username");
        g.writeString(value.username());
      }
      if (value.accountType() != null) {
        g.writeName("account_type");
        g.writeString(value.accountType());
      }
      if (value.firstName() != null) {
        g.writeName("first_name");
        g.writeString(value.firstName());
      }
      if (value.lastName() != null) {
        g.writeName("last_name");
        g.writeString(value.lastName());
      }
      if (value.email() != null) {
        g.writeName("email");
        g.writeString(value.email());
      }
      if (value.phone() != null) {
        g.writeName("phone");
        g.writeString(value.phone());
      }
      if (value.company() != null) {
        g.writeName("company");
        g.writeString(value.company());
      }
      if (value.dateAdded() != null) {
        g.writeName("date_added");
        TargetJsonRuntime.writeDateTime(g, value.dateAdded(), PATTERN);
      }
      if (value.enrollerId() != null) {
        g.writeName("enroller_id");
        g.writeNumber(value.enrollerId());
      }
      if (value.uplineId() != null) {
        g.writeName("upline_id");
        g.writeNumber(value.uplineId());
      }
      if (value.enrollerCode() != null) {
        g.writeName("enroller_code");
        g.writeNumber(value.enrollerCode());
      }
      if (value.enrollerCodeName() != null) {
        g.writeName("enroller_code_name");
        g.writeString(value.enrollerCodeName());
      }
      if (value.billingAddress() != null) {
        g.writeName("billing_address");
        writeAddress(g, value.billingAddress());
      }
      if (value.shippingAddress() != null) {
        g.writeName("shipping_address");
        writeAddress(g, value.shippingAddress());
      }
      Json.writeUnknown(g, value.unknownFields());
      g.writeEndObject();
    }

    static NewUserNotification readNewUser(JsonParser p) {
      boolean members = Json.startObject(p, "NewUserNotification");
      Integer vUserId = null;
      String vUsername = null;
      String vAccountType = null;
      String vFirstName = null;
      String vLastName = null;
      String vEmail = null;
      String vPhone = null;
      String vCompany = null;
      LocalDateTime vDateAdded = null;
      Integer vEnrollerId = null;
      Integer vUplineId = null;
      Integer vEnrollerCode = null;
      String vEnrollerCodeName = null;
      MailingAddress vBillingAddress = null;
      MailingAddress vShippingAddress = null;
      List<UnknownFields.Entry> unknown = null;
      while (members && p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "user_id" -> vUserId = Json.readInt(p, "user_id", false);
          case "username" -> vUsername = Json.text(p, "username");
          case "account_type" -> vAccountType = Json.text(p, "account_type");
          case "first_name" -> vFirstName = Json.text(p, "first_name");
          case "last_name" -> vLastName = Json.text(p, "last_name");
          case "email" -> vEmail = Json.text(p, "email");
          case "phone" -> vPhone = Json.text(p, "phone");
          case "company" -> vCompany = Json.text(p, "company");
          case "date_added" -> vDateAdded = TargetJsonRuntime.readDateTime(p, PATTERN, "date_added", false);
          case "enroller_id" -> vEnrollerId = Json.readInt(p, "enroller_id", false);
          case "upline_id" -> vUplineId = Json.readInt(p, "upline_id", false);
          case "enroller_code" -> vEnrollerCode = Json.readInt(p, "enroller_code", false);
          case "enroller_code_name" -> vEnrollerCodeName = Json.text(p, "enroller_code_name");
          case "billing_address" -> vBillingAddress = Json.readNullable(p, StringNames::readAddress);
          case "shipping_address" -> vShippingAddress = Json.readNullable(p, StringNames::readAddress);
          default -> unknown = Json.keep(unknown, name, p);
        }
      }
      return new NewUserNotification(vUserId, vUsername, vAccountType, vFirstName, vLastName, vEmail, vPhone,
          vCompany, vDateAdded, vEnrollerId, vUplineId, vEnrollerCode, vEnrollerCodeName, vBillingAddress,
          vShippingAddress, Json.unknown(unknown));
    }
  }
}
