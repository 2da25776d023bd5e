package dev.specbridge.examples.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.specbridge.examples.site.notifications.GenericNotification;
import dev.specbridge.examples.site.notifications.MembershipNotification;
import dev.specbridge.examples.site.notifications.NewUserNotification;
import dev.specbridge.examples.site.notifications.SiteNotification;
import dev.specbridge.examples.site.notifications.SiteNotificationsHandler;
import dev.specbridge.examples.site.notifications.UnknownSiteNotification;
import dev.specbridge.runtime.http.HttpEndpoint;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.webhook.Deduplicator;
import dev.specbridge.runtime.webhook.NotificationAuth;
import dev.specbridge.runtime.webhook.NotificationContext;
import dev.specbridge.runtime.webhook.NotificationEndpoint;
import dev.specbridge.runtime.webhook.NotificationSender;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.ObjectReader;

/**
 * The webhook endpoint's whole path for one delivery of 100 {@code new_user} notifications
 * ({@link NewUserDelivery}, the records of {@link JsonCodecBenchmark}), beside what it is measured against:
 *
 * <ul>
 *   <li>{@code codec}: the generated codec alone, decoding the 100 messages' data from the UTF-8 bytes of one JSON
 *       array of them, without the envelope ({@link JsonCodecBenchmark#decodeGenerated()}'s work);
 *   <li>{@code databind}: Jackson 3 databind reading the whole delivery's bytes, envelope and all, into plain
 *       classes ({@link DeliveryPojo}): what an application that binds its webhook with databind does;
 *   <li>{@code endpoint}: {@code NotificationEndpoint.handle} of the delivery as it is POSTed (the bytes the
 *       {@code NotificationSender} sends), with handlers that do nothing and no deduplicator: the envelope read,
 *       every message decoded, checked, handed to its handler, and the OK answer;
 *   <li>{@code endpointDeduplicated}: the same with {@code Deduplicator.inMemory(10_000)}, which must tell a
 *       redelivery from a new delivery.
 * </ul>
 *
 * <p>{@link #setup()} checks that every path reads the same 100 records. {@link Benchmarks} prints each path's
 * time and bytes allocated per delivery against the codec's and databind's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WebhookEndpointBenchmark {
  static final ObjectReader DELIVERY_READER = JsonCodecBenchmark.MAPPER.readerFor(DeliveryPojo.class);

  final List<NewUserNotification> users = NewUserDelivery.records();
  final byte[] data = Json.write(g -> Json.writeList(g, users, NewUserNotification::writeJson))
      .getBytes(StandardCharsets.UTF_8);
  final HttpEndpoint.Request delivery = new HttpEndpoint.Request("POST",
      Map.of("Content-Type", List.of("application/json; charset=utf-8")),
      NotificationSender.delivery(SiteNotification.ENVELOPE, users.stream().map(NewUserNotification::toMessage)
          .toList()).getBytes(StandardCharsets.UTF_8));
  final NotificationEndpoint endpoint = SiteNotificationsHandler.endpoint(new Handlers(null))
      .auth(NotificationAuth.passive())
      .build();
  final NotificationEndpoint deduplicated = SiteNotificationsHandler.endpoint(new Handlers(null))
      .auth(NotificationAuth.passive())
      .deduplicator(Deduplicator.inMemory(10_000))
      .build();

  /** Fails the run unless every path reads the same records and the endpoint answers OK. */
  @Setup
  public void setup() {
    JsonCodecBenchmark.check("the codec reads", users, codec());
    JsonCodecBenchmark.check("databind reads", users,
        databind().messages.stream().map(message -> message.data.toRecord()).toList());
    List<NewUserNotification> seen = new ArrayList<>();
    HttpEndpoint.Answer answer = SiteNotificationsHandler.endpoint(new Handlers(seen))
        .auth(NotificationAuth.passive()).build().handle(delivery);
    JsonCodecBenchmark.check("the endpoint's handlers get", users, seen);
    for (HttpEndpoint.Answer ok : List.of(answer, endpoint(), endpointDeduplicated())) {
      JsonCodecBenchmark.check("the endpoint answers", "{\"status\":\"OK\"}", ok.bodyText());
    }
  }

  @Benchmark
  public List<NewUserNotification> codec() {
    return Json.read(data, null, p -> Json.readList(p, "messages", NewUserNotification::readJson));
  }

  @Benchmark
  public DeliveryPojo databind() {
    return DELIVERY_READER.readValue(delivery.body());
  }

  @Benchmark
  public HttpEndpoint.Answer endpoint() {
    return endpoint.handle(delivery);
  }

  @Benchmark
  public HttpEndpoint.Answer endpointDeduplicated() {
    return deduplicated.handle(delivery);
  }

  /** Handlers that do nothing, or that keep the {@code new_user} records they get, for the setup's check. */
  static final class Handlers implements SiteNotificationsHandler {
    private final List<NewUserNotification> seen;

    Handlers(List<NewUserNotification> seen) {
      this.seen = seen;
    }

    @Override
    public void generic(GenericNotification notification, NotificationContext context) {}

    @Override
    public void membership(MembershipNotification notification, NotificationContext context) {}

    @Override
    public void newUser(NewUserNotification notification, NotificationContext context) {
      if (seen != null) {
        seen.add(notification);
      }
    }

    @Override
    public void unknown(UnknownSiteNotification notification, NotificationContext context) {}
  }

  /** A delivery as a databind user binds it: the envelope's members, and each message's type and data. */
  public static final class DeliveryPojo {
    @JsonProperty("request") public String request;
    @JsonProperty("messages") public List<MessagePojo> messages;
  }

  /** One message of a {@link DeliveryPojo}; every message of this delivery is a {@code new_user}. */
  public static final class MessagePojo {
    @JsonProperty("type") public String type;
    @JsonProperty("data") public NewUserPojo data;
  }
}
