package dev.specbridge.examples.bench;

import dev.specbridge.examples.site.notifications.NewUserNotification;
import dev.specbridge.runtime.json.Json;
import java.nio.charset.StandardCharsets;
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
 * The generated JSON codec of the webhook's {@code new_user} notifications against Jackson 3 databind and a
 * hand-written streaming codec: one operation decodes, or encodes, a delivery of 100 {@code new_user} data
 * objects ({@link NewUserDelivery}), the same records and the very same JSON (an array of the 100 objects, 50,907
 * characters) for every path. Decoding starts from the UTF-8 bytes, as an endpoint receives them; encoding ends
 * with a {@code String}. {@link #setup()} checks that all three write that text and read those records.
 *
 * <ul>
 *   <li>{@code generated}: the generated {@code NewUserNotification.readJson} /
 *       {@code writeNewUserNotification}, looped over the array by the runtime's {@code Json.read} /
 *       {@code Json.write} and {@code readList} / {@code writeList};
 *   <li>{@code databind}: {@code JsonMapper} with a reused {@code ObjectReader}/{@code ObjectWriter} for
 *       {@code List<NewUserPojo>}, a plain class with the same fields, {@code @JsonProperty} wire names and
 *       {@code @JsonFormat} date-time ({@link NewUserPojo}); reflection, no generated code;
 *   <li>{@code handWritten}: what a skilled engineer writes by hand on Jackson's streaming API into the generated
 *       record ({@link HandWrittenSiteNotificationsJson}).
 * </ul>
 *
 * <p>{@link Benchmarks} runs it with JMH's GC profiler and prints each path's time and bytes allocated per
 * operation against databind's and against the hand-written code's.
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
  final byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);

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
    return Json.read(utf8, null,
        p -> Json.readList(p, "messages", NewUserNotification::readJson));
  }

  @Benchmark
  public List<NewUserPojo> decodeDatabind() {
    return POJO_LIST_READER.readValue(utf8);
  }

  @Benchmark
  public List<NewUserNotification> decodeHandWritten() {
    return Json.read(utf8, null,
        p -> Json.readList(p, "messages", HandWrittenSiteNotificationsJson::readNewUserNotification));
  }

  @Benchmark
  public String encodeGenerated() {
    return Json.write(g -> Json.writeList(g, users, NewUserNotification::writeJson));
  }

  @Benchmark
  public String encodeDatabind() {
    return POJO_LIST_WRITER.writeValueAsString(pojos);
  }

  @Benchmark
  public String encodeHandWritten() {
    return Json.write(g -> Json.writeList(g, users, HandWrittenSiteNotificationsJson::writeNewUserNotification));
  }

  static void check(String what, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(what + " something else than the generated codec: " + actual);
    }
  }
}
