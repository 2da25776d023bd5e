package dev.specbridge.examples.bench;

import dev.specbridge.examples.site.CreateLeadRequest;
import dev.specbridge.examples.site.CreateLeadResponse;
import dev.specbridge.examples.site.SiteServiceClient;
import dev.specbridge.runtime.form.FormServiceClient;
import dev.specbridge.runtime.form.FormWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code create_lead} exchange without the network: encode the request body and decode the answer into a
 * {@link CreateLeadResponse}, three ways: the generated codec; a hand-written {@code StringBuilder} and
 * {@code URLEncoder} baseline; and OkHttp's {@code FormBody} with the same hand-written parsing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FormCodecBenchmark {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  static final String ANSWER = "status=0&status_message=Lead+Creation+Successful&lead_id=1001";

  final CreateLeadRequest lead = CreateLeadRequest.builder()
      .firstName("John")
      .lastName("Doe")
      .address("123 Test Street")
      .city("Test City")
      .state("Test State")
      .zip("97303")
      .country("Test Country")
      .phone("132-123-1234")
      .okToText(true)
      .followupDate(LocalDateTime.of(2010, 1, 1, 12, 0))
      .besttime("Morning")
      .status(1)
      .priority("Warm")
      .email("example@example.com")
      .source("example.com")
      .tagAppend(List.of("prospect", "new"))
      .build();

  @Benchmark
  public CreateLeadResponse generated() {
    FormWriter body = new FormWriter(256);
    body.add("ai_login_id", "apiuser");
    body.add("ai_login_password", "APIuser123");
    body.add("ai_command", "create_lead");
    CreateLeadRequest.writeForm(body, lead);
    consume(body.body());
    return FormServiceClient.readAnswer(CreateLeadRequest.COMMAND, SiteServiceClient.ENVELOPE, ANSWER).response();
  }

  @Benchmark
  public CreateLeadResponse handWritten() {
    StringBuilder body = new StringBuilder(256);
    append(body, "ai_login_id", "apiuser");
    append(body, "ai_login_password", "APIuser123");
    append(body, "ai_command", "create_lead");
    append(body, "first_name", lead.firstName());
    append(body, "last_name", lead.lastName());
    append(body, "address", lead.address());
    append(body, "city", lead.city());
    append(body, "state", lead.state());
    append(body, "zip", lead.zip());
    append(body, "country", lead.country());
    append(body, "phone", lead.phone());
    append(body, "ok_to_text", lead.okToText() ? "Y" : "N");
    append(body, "followup_date", DATE_TIME.format(lead.followupDate()));
    append(body, "besttime", lead.besttime());
    append(body, "status", String.valueOf(lead.status()));
    append(body, "priority", lead.priority());
    append(body, "email", lead.email());
    append(body, "source", lead.source());
    append(body, "tag_append", String.join(",", lead.tagAppend()));
    consume(body.toString());
    return parseByHand(ANSWER);
  }

  @Benchmark
  public CreateLeadResponse okHttpFormBody() {
    FormBody body = new FormBody.Builder()
        .add("ai_login_id", "apiuser")
        .add("ai_login_password", "APIuser123")
        .add("ai_command", "create_lead")
        .add("first_name", lead.firstName())
        .add("last_name", lead.lastName())
        .add("address", lead.address())
        .add("city", lead.city())
        .add("state", lead.state())
        .add("zip", lead.zip())
        .add("country", lead.country())
        .add("phone", lead.phone())
        .add("ok_to_text", lead.okToText() ? "Y" : "N")
        .add("followup_date", DATE_TIME.format(lead.followupDate()))
        .add("besttime", lead.besttime())
        .add("status", String.valueOf(lead.status()))
        .add("priority", lead.priority())
        .add("email", lead.email())
        .add("source", lead.source())
        .add("tag_append", String.join(",", lead.tagAppend()))
        .build();
    try (Buffer buffer = new Buffer()) {
      body.writeTo(buffer);
      consume(buffer.readUtf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parseByHand(ANSWER);
  }

  private static void append(StringBuilder body, String name, String value) {
    if (value == null) {
      return;
    }
    if (body.length() > 0) {
      body.append('&');
    }
    body.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  /** What an integrator writes by hand: split, decode, check the status, pick the field. */
  static CreateLeadResponse parseByHand(String answer) {
    String status = null;
    Integer leadId = null;
    for (String pair : answer.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      if (name.equals("status")) {
        status = value;
      } else if (name.equals("lead_id")) {
        leadId = Integer.valueOf(value);
      }
    }
    if (!"0".equals(status)) {
      throw new IllegalStateException("status " + status);
    }
    return CreateLeadResponse.builder().leadId(leadId).build();
  }

  private int sink;

  private void consume(String body) {
    sink += body.length(); // keeps the body alive without JMH's Blackhole in the method signature
  }
}
