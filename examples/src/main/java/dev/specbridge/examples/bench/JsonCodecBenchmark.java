package dev.specbridge.examples.bench;

import dev.specbridge.examples.site.notifications.NewUserNotification;
import dev.specbridge.examples.site.notifications.SiteNotificationsJson;
import dev.specbridge.runtime.json.Json;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated JSON codec of the webhook's {@code new_user} notifications against Jackson 3 databind and the
 * target codec: one operation decodes, or encodes, a delivery of 100 {@code new_user} data objects
 * ({@link NewUserDelivery}), the same records and the very same JSON text (a JSON array of the 100 objects,
 * 50,907 characters) for every path. {@link #setup()} checks that all three write that text and read those records.
 *
 * <ul>
 *   <li>{@code generated}: the generated {@code SiteNotificationsJson.readNewUserNotification} /
 *       {@code writeNewUserNotification}, looped over the array by the runtime's {@code Json.read} /
 *       {@code Json.write} and {@code readList} / {@code writeList}, from and to a {@code String}, as the
 *       webhook endpoint and sender call them;
 *   <li>{@code databind}: {@code JsonMapper} with a reused {@code ObjectReader}/{@code ObjectWriter} for
 *       {@code List<NewUserPojo>}, a plain class with the same fields, {@code @JsonProperty} wire names and
 *       {@code @JsonFormat} date-time ({@link NewUserPojo}); reflection, no generated code;
 *   <li>{@code handWritten}: what a skilled engineer writes by hand on Jackson's streaming API into the generated
 *       record, written as the code the generator should emit ({@link TargetSiteNotificationsJson} on
 *       {@link TargetJsonRuntime}): the generated code (pre-encoded names, a {@code PropertyNameMatcher}) plus a
 *       date-time pattern read and written by position, and duplicate members refused by the reader with a bit
 *       per field, on a parser that does not track names.
 * </ul>
 *
 * <p>{@link Benchmarks} runs it with JMH's GC profiler and prints each path's time and bytes allocated per
 * operation against databind's and against the hand-written target's; {@link JsonCodecStepsBenchmark} measures
 * the target's changes one at a time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1) // decoding 100 records warms up for about 3 s on 2 cores
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonCodecBenchmark {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final ObjectReader POJO_LIST_READER = MAPPER.readerFor(new TypeReference<List<NewUserPojo>>() {});
  static final ObjectWriter POJO_LIST_WRITER = MAPPER.writerFor(new TypeReference<List<NewUserPojo>>() {});

  final List<NewUserNotification> users = NewUserDelivery.records();
  final List<NewUserPojo> pojos = users.stream().map(NewUserPojo::of).toList();
  final String json = encodeGenerated();

  /** Fails the run unless every path writes the same text and reads the same records. */
  @Setup
  public void setup() {
    check("databind writes", json, encodeDatabind());
    check("the hand-written codec writes", json, encodeHandWritten());
    check("the generated codec reads", users, decodeGenerated());
    check("databind reads", users, decodeDatabind().stream().map(NewUserPojo::toRecord).toList());
    check("the hand-written codec reads", users, decodeHandWritten());
  }

  @Benchmark
  public List<NewUserNotification> decodeGenerated() {
    return Json.read(json, p -> Json.readList(p, "messages", SiteNotificationsJson::readNewUserNotification));
  }

  @Benchmark
  public List<NewUserPojo> decodeDatabind() {
    return POJO_LIST_READER.readValue(json);
  }

  @Benchmark
  public List<NewUserNotification> decodeHandWritten() {
    return TargetJsonRuntime.read(json,
        p -> Json.readList(p, "messages", TargetSiteNotificationsJson::readNewUserNotification));
  }

  @Benchmark
  public String encodeGenerated() {
    return Json.write(g -> Json.writeList(g, users, SiteNotificationsJson::writeNewUserNotification));
  }

  @Benchmark
  public String encodeDatabind() {
    return POJO_LIST_WRITER.writeValueAsString(pojos);
  }

  @Benchmark
  public String encodeHandWritten() {
    return Json.write(g -> Json.writeList(g, users, TargetSiteNotificationsJson::writeNewUserNotification));
  }

  static void check(String what, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(what + " something else than the generated codec: " + actual);
    }
  }
}
