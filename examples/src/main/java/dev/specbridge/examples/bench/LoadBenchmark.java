package dev.specbridge.examples.bench;

import com.sun.net.httpserver.HttpServer;
import dev.specbridge.examples.site.notifications.GenericNotification;
import dev.specbridge.examples.site.notifications.MembershipNotification;
import dev.specbridge.examples.site.notifications.NewUserNotification;
import dev.specbridge.examples.site.notifications.SiteNotificationsHandler;
import dev.specbridge.examples.site.notifications.UnknownSiteNotification;
import dev.specbridge.runtime.http.EmbeddedHttpServer;
import dev.specbridge.runtime.webhook.NotificationAuth;
import dev.specbridge.runtime.webhook.NotificationContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Webhook deliveries per second on loopback: senders POST one-message deliveries (a {@code new_user} notification
 * with every field of its page) over keep-alive connections to the generated site-notifications endpoint on
 * {@link EmbeddedHttpServer}, and the same bytes to a bare JDK {@code HttpServer} that reads the body and answers
 * the constant {@code {"status":"OK"}}: the ceiling, what the JDK's server costs with nothing of ours. Both servers
 * run in this JVM with the same settings: the system properties {@code EmbeddedHttpServer} sets
 * ({@code sun.net.httpserver.nodelay} and its timeouts, read by the JDK once for both) and the same executor (0 to
 * 64 threads, no queue, the acceptor runs the exchange past that). After a first pass of each for the JIT, rounds
 * alternate the two servers, each with a warm-up and then a measured period; the medians are printed with their
 * ratio. The senders (OkHttp: it costs about what a minimal socket client does, where the JDK's
 * {@code java.net.http.HttpClient} was the bottleneck) share the machine's cores with the servers.
 *
 * <p>Run with {@code mvn -B -q -Pbench -DskipTests package -pl examples -am -Dbench=LoadBenchmark} (about 80 s), or
 * with settings: {@code -Dbench="LoadBenchmark senders=16 warmup=5 measure=5 rounds=3"} (seconds).
 */
public final class LoadBenchmark {
  /** What {@link EmbeddedHttpServer} serves at most at once; the ceiling gets the same. */
  private static final int MAX_WORKERS = 64;
  private static final byte[] OK = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String PATH = "/notifications";

  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, Integer> settings = new LinkedHashMap<>();
    settings.put("senders", 16);
    settings.put("warmup", 5);
    settings.put("measure", 5);
    settings.put("rounds", 3);
    for (String arg : args) {
      String[] pair = arg.split("=", 2);
      if (pair.length != 2 || !settings.containsKey(pair[0])) {
        throw new IllegalArgumentException("expected name=value, a name of " + settings.keySet() + ": " + arg);
      }
      settings.put(pair[0], Integer.parseInt(pair[1]));
    }
    int senders = settings.get("senders");
    int warmUp = settings.get("warmup");
    int measure = settings.get("measure");
    int rounds = settings.get("rounds");
    RequestBody delivery = RequestBody.create(("{\"request\":\"delivery\",\"messages\":[{\"type\":\"new_user\","
        + "\"data\":" + NewUserDelivery.records().get(0).toMessage().data().json() + "}]}")
        .getBytes(StandardCharsets.UTF_8), JSON);
    // a connection per sender kept open (OkHttp's default pool keeps only 5 idle ones)
    OkHttpClient client = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(senders, 5, TimeUnit.MINUTES)).build();

    LongAdder handled = new LongAdder();
    try (EmbeddedHttpServer ours = EmbeddedHttpServer.start(PATH, SiteNotificationsHandler.endpoint(
            new Counter(handled)).auth(NotificationAuth.passive()).build());
        Ceiling ceiling = new Ceiling()) {
      System.out.printf(Locale.ROOT, "webhook deliveries on loopback: %d senders (OkHttp, keep-alive), one new_user"
          + " message of %,d bytes each; %d s warm-up, %d s measured, %d rounds%n", senders, delivery.contentLength(),
          warmUp, measure, rounds);
      Sending bare = new Sending(client, "the bare server", ceiling.url(), delivery, senders);
      Sending endpoint = new Sending(client, "ours", ours.url(PATH), delivery, senders);
      bare.run(warmUp, 0); // a first pass of each, for the JIT
      long answeredOk = endpoint.run(warmUp, 0).ok();
      double[] bareRates = new double[rounds];
      double[] ourRates = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        bareRates[round] = bare.run(warmUp, measure).perSecond();
        Run run = endpoint.run(warmUp, measure);
        ourRates[round] = run.perSecond();
        answeredOk += run.ok();
        System.out.printf(Locale.ROOT, "  round %d: bare %,9.0f/s   ours %,9.0f/s%n", round + 1, bareRates[round],
            ourRates[round]);
      }
      if (handled.sum() != answeredOk) {
        throw new IllegalStateException(answeredOk + " deliveries answered OK, " + handled.sum() + " handled");
      }
      double ceilingRate = median(bareRates);
      double ourRate = median(ourRates);
      System.out.printf(Locale.ROOT, "deliveries/s (median of %d rounds)%n", rounds);
      System.out.printf(Locale.ROOT, "  bare JDK HttpServer, constant answer      %,9.0f%n", ceilingRate);
      System.out.printf(Locale.ROOT, "  EmbeddedHttpServer + generated endpoint   %,9.0f   %.2fx the ceiling's"
          + " time (goal: at least 5,000/s, at most 2x)%n", ourRate, ceilingRate / ourRate);
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /** One server's run: deliveries answered OK in all, and per second over the measured period. */
  private record Run(long ok, double perSecond) {}

  /** Senders that post {@code delivery} to one server, over and over, each on its own thread. */
  private record Sending(OkHttpClient client, String server, String url, RequestBody delivery, int senders) {
    Run run(int warmUpSeconds, int measureSeconds) throws InterruptedException {
      LongAdder ok = new LongAdder();
      List<String> failures = Collections.synchronizedList(new ArrayList<>());
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < senders; i++) {
        Thread thread = new Thread(() -> {
          Request request = new Request.Builder().url(url).post(delivery).build();
          while (!stop.get()) {
            try (Response response = client.newCall(request).execute()) {
              byte[] body = response.body().bytes();
              if (response.code() == 200 && Arrays.equals(OK, body)) {
                ok.increment();
              } else {
                failures.add(response.code() + " " + new String(body, StandardCharsets.UTF_8));
              }
            } catch (IOException | RuntimeException e) {
              failures.add(e.toString());
            }
          }
        }, "sender-" + i);
        threads.add(thread);
        thread.start();
      }
      Thread.sleep(TimeUnit.SECONDS.toMillis(warmUpSeconds));
      long before = ok.sum();
      long start = System.nanoTime();
      Thread.sleep(TimeUnit.SECONDS.toMillis(measureSeconds));
      long after = ok.sum();
      long elapsed = System.nanoTime() - start;
      stop.set(true);
      for (Thread thread : threads) {
        thread.join();
      }
      if (!failures.isEmpty()) {
        throw new IllegalStateException(failures.size() + " deliveries to " + server + " not answered OK, e.g. "
            + failures.subList(0, Math.min(3, failures.size())));
      }
      return new Run(ok.sum(), (after - before) * 1e9 / elapsed);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** The handler: counts the users, as a real one would save them. */
  private record Counter(LongAdder users) implements SiteNotificationsHandler {
    @Override
    public void newUser(NewUserNotification notification, NotificationContext context) {
      users.increment();
    }

    @Override
    public void generic(GenericNotification notification, NotificationContext context) {
      throw new IllegalStateException("the benchmark sends new_user only");
    }

    @Override
    public void membership(MembershipNotification notification, NotificationContext context) {
      throw new IllegalStateException("the benchmark sends new_user only");
    }

    @Override
    public void unknown(UnknownSiteNotification notification, NotificationContext context) {
      throw new IllegalStateException("the benchmark sends new_user only");
    }
  }

  /** The bare JDK server: reads the body, answers {@code {"status":"OK"}}; {@code EmbeddedHttpServer}'s settings. */
  private static final class Ceiling implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    Ceiling() throws IOException {
      // the same executor as EmbeddedHttpServer's; its class, loaded above, has set the same system properties
      executor = new ThreadPoolExecutor(0, MAX_WORKERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
          new ThreadPoolExecutor.CallerRunsPolicy());
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(executor);
      server.createContext(PATH, exchange -> {
        try (exchange; InputStream in = exchange.getRequestBody()) {
          in.readAllBytes();
          exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
          exchange.sendResponseHeaders(200, OK.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(OK);
          }
        }
      });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    @Override
    public void close() {
      server.stop(0);
      executor.shutdownNow();
    }
  }
}
