package dev.specbridge.examples.centric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.specbridge.runtime.error.NotAuthorizedException;
import dev.specbridge.runtime.packet.PacketAnswer;
import dev.specbridge.runtime.packet.PacketClient;
import dev.specbridge.runtime.packet.PacketRecord;
import dev.specbridge.runtime.packet.TransactionResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Replays every exchange recorded from the real Centric CRM 5.0 server (runtime's
 * {@code src/test/resources/centric-real/}, in their order, against one emulator) and checks that the emulator
 * answers each the same: for every response its id, status, error text, record set name and record actions; ids
 * and timestamps aside.
 */
class CentricReplayTest {
  private static final Path RECORDED = Path.of(System.getProperty("specbridge.centricReal",
      "../runtime/src/test/resources/centric-real"));

  /** The exchanges in their recorded order: file prefix, the request it sent, its object-validation header. */
  private record Exchange(String name, String request, String validation) {}

  private static final List<Exchange> EXCHANGES = List.of(
      new Exchange("01-api_example", "01-api_example", null),
      new Exchange("02-api_example-novalidation", "01-api_example", "false"),
      new Exchange("03-insert-account", "03-insert-account", null),
      new Exchange("04-select-accounts", "04-select-accounts", null),
      new Exchange("05-update-account-stale-modified", "05-update-account-stale-modified", null),
      new Exchange("06-update-account-current-modified", "06-update-account-current-modified", null),
      new Exchange("07-update-account-stale-modified-syncclient", "07-update-account-stale-modified-syncclient",
          null),
      new Exchange("08-delete-account", "08-delete-account", null),
      new Exchange("09-insert-phone", "09-insert-phone", null),
      new Exchange("10-delete-phone", "10-delete-phone", null),
      new Exchange("11-bad-password", "11-bad-password", null),
      new Exchange("12-malformed-xml", "12-malformed-xml", null),
      new Exchange("13-not-xml", "13-not-xml", null),
      new Exchange("14-unknown-object-and-no-action", "14-unknown-object-and-no-action", null),
      new Exchange("15-no-transactions", "15-no-transactions", null),
      new Exchange("16-object-validation-missing-name", "16-object-validation-missing-name", null),
      new Exchange("17-api_example-with-demo-rows", "01-api_example", "true"),
      new Exchange("18-api_example-with-demo-rows", "01-api_example", "false"),
      new Exchange("19-insert-select-non-ascii", "19-insert-select-non-ascii", null));

  /** What is compared of a response. */
  private record Seen(Integer id, int status, String errorText, String recordSet, List<String> actions) {}

  private static List<Seen> seen(byte[] body, String contentType) {
    PacketAnswer answer = PacketClient.read(body, contentType, Integer.MAX_VALUE);
    List<Seen> seen = new ArrayList<>();
    for (TransactionResult result : answer.transactions()) {
      seen.add(new Seen(result.id(), result.status(), result.errorText(),
          result.recordSet() == null ? null : result.recordSet().name(), result.recordSet() == null ? List.of()
          : result.recordSet().records().stream().map(PacketRecord::action).toList()));
    }
    return seen;
  }

  /**
   * Learns, from a recorded answer and the emulator's to the same request, which of the emulator's ids and
   * timestamps stand for the real server's: per object (a record set's name, without {@code List}), the recorded
   * text of each {@code id} and {@code modified} and the emulator's.
   */
  private static void learn(byte[] recorded, String theirType, byte[] ours, String ourType,
      Map<String, Map<String, String>> translations) {
    List<TransactionResult> theirs = PacketClient.read(recorded, theirType, Integer.MAX_VALUE).transactions();
    List<TransactionResult> mine = PacketClient.read(ours, ourType, Integer.MAX_VALUE).transactions();
    for (int i = 0; i < Math.min(theirs.size(), mine.size()); i++) {
      if (theirs.get(i).recordSet() == null || mine.get(i).recordSet() == null) {
        continue;
      }
      String object = theirs.get(i).recordSet().name().replaceFirst("List$", "");
      List<PacketRecord> a = theirs.get(i).recordSet().records();
      List<PacketRecord> b = mine.get(i).recordSet().records();
      for (int j = 0; j < Math.min(a.size(), b.size()); j++) {
        for (String field : List.of("id", "modified")) {
          String from = a.get(j).get(field);
          String to = b.get(j).get(field);
          if (from != null && !from.isEmpty() && to != null && !to.isEmpty()) {
            translations.computeIfAbsent(object, o -> new HashMap<>()).put(field + "=" + from, to);
          }
        }
      }
    }
  }

  /** The request with each item's recorded id and modified replaced by the emulator's, as learnt. */
  private static String translated(String request, Map<String, Map<String, String>> translations) {
    Matcher item = Pattern.compile("(?s)<(\\w+) (?:action|type)=['\"]\\w+['\"][^>]*>(.*?)</\\1>").matcher(request);
    StringBuilder out = new StringBuilder();
    while (item.find()) {
      Map<String, String> known = translations.getOrDefault(item.group(1), Map.of());
      Matcher field = Pattern.compile("<(id|modified)>([^<]*)</\\1>").matcher(item.group());
      String body = field.replaceAll(m -> Matcher.quoteReplacement("<" + m.group(1) + ">"
          + known.getOrDefault(m.group(1) + "=" + m.group(2), m.group(2)) + "</" + m.group(1) + ">"));
      item.appendReplacement(out, Matcher.quoteReplacement(body));
    }
    return item.appendTail(out).toString();
  }

  private static String contentType(Path headers) throws IOException {
    return Files.readAllLines(headers).stream().filter(line -> line.toLowerCase().startsWith("content-type:"))
        .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElseThrow();
  }

  @Test
  void everyRecordedExchangeIsAnsweredAsTheRealServerAnsweredIt() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Map<String, Map<String, String>> translations = new HashMap<>();
    try (CentricEmulator emulator = CentricEmulator.start(Clock.systemUTC())) {
      for (Exchange exchange : EXCHANGES) {
        if (exchange.name().startsWith("17-")) {
          emulator.addDemoRows(); // recorded after the ticket category and custom field demo rows existed
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.url()))
            .header("Content-Type", "text/xml; charset=\"utf-8\"")
            .POST(HttpRequest.BodyPublishers.ofString(translated(Files.readString(RECORDED.resolve(exchange.request()
                + ".request.xml")), translations)));
        if (exchange.validation() != null) {
          request.header("object-validation", exchange.validation());
        }
        HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String theirType = contentType(RECORDED.resolve(exchange.name() + ".response.headers"));
        String ourType = answer.headers().firstValue("Content-Type").orElseThrow();
        assertEquals(200, answer.statusCode(), exchange.name());
        assertEquals(theirType.replace(" ", ""), ourType.replace(" ", ""), exchange.name() + ": the charset quirk");
        byte[] recorded = Files.readAllBytes(RECORDED.resolve(exchange.name() + ".response.xml"));
        if (exchange.name().startsWith("11-")) {
          assertThrows(NotAuthorizedException.class, () -> seen(recorded, theirType));
          assertThrows(NotAuthorizedException.class, () -> seen(answer.body(), ourType));
          continue;
        }
        assertEquals(seen(recorded, theirType), seen(answer.body(), ourType), exchange.name());
        learn(recorded, theirType, answer.body(), ourType, translations);
      }
    }
  }
}
