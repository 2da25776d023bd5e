package dev.specbridge.runtime.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.error.MalformedResponseException;
import dev.specbridge.runtime.error.NotAuthorizedException;
import dev.specbridge.runtime.form.FormReader;
import dev.specbridge.runtime.http.CallEvent;
import dev.specbridge.runtime.http.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The packet client against answers recorded from the real Centric CRM 5.0 server (centric-real/). */
class PacketClientTest {
  private static final String LATIN1 = "text/xml;charset=ISO-8859-1"; // what the real server declares
  private static final String ADMIN_CODE = "5f4dcc3b5aa765d61d8327deb882cf99"; // MD5 of "password"

  private MockWebServer server;
  private final LinkedBlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static byte[] recorded(String name) {
    try (InputStream in = PacketClientTest.class.getResourceAsStream("/centric-real/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void answerRecorded(String name) {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", LATIN1)
        .body(new Buffer().write(recorded(name + ".response.xml"))).build());
  }

  private PacketClient.Builder client() {
    return PacketClient.builder(server.url("/centric/ProcessPacket.do").toString()).allowPlainHttp()
        .auth(PacketAuth.user("admin", "password")).id("127.0.0.1")
        .transport(HttpTransport.builder().listener(events::add).build());
  }

  private static Transaction insertAccount() {
    return Transaction.withId(1).meta("id", "name", "entered", "modified")
        .item(PacketItem.of("account", "insert", fields -> {
          fields.add("name", "Dark Horse Ventures");
          fields.add("url", "www.example.com");
          fields.add("owner", "1");
          fields.add("enteredBy", "1");
          fields.add("modifiedBy", "1");
        }));
  }

  @Test
  void anInsertIsWrittenAsTheRecordedPacketAndItsProcessedRecordRead() throws Exception {
    answerRecorded("03-insert-account");
    PacketAnswer answer = client().build().send(List.of(insertAccount()));

    RecordedRequest request = server.takeRequest();
    String recordedBody = new String(recorded("03-insert-account.request.xml"), StandardCharsets.UTF_8)
        .replaceAll("<\\?xml[^>]*\\?>", "").replace("\n", "");
    assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + recordedBody, request.getBody().utf8(),
        "the very packet recorded against the real server");
    assertEquals("packet", request.getHeaders().get("commit-level"));
    assertEquals("true", request.getHeaders().get("object-validation"));
    assertTrue(request.getHeaders().get("Content-Type").startsWith("text/xml; charset=utf-8"));

    assertTrue(answer.ok());
    TransactionResult result = answer.transaction(0);
    assertEquals(1, result.id());
    assertEquals("", result.errorText());
    assertEquals("account", result.recordSet().name());
    PacketRecord record = result.recordSet().records().get(0);
    assertEquals(PacketRecord.PROCESSED, record.action());
    assertEquals("3", record.get("id"));
    assertEquals("", record.get("entered"), "<entered/>: the real server leaves it empty after an insert");
  }

  @Test
  void theRealServersLatin1AnswerUnderAUtf8DeclarationReadsAsSent() {
    answerRecorded("19-insert-select-non-ascii");
    PacketAnswer answer = client().build().send(List.of(insertAccount(), Transaction.withId(2).meta("id", "name")
        .item(PacketItem.of("accountList", "select", fields -> fields.add("name", "Caf\u00e9 Z\u00fcrich \u20ac")))));
    assertEquals("Caf\u00e9 Z\u00fcrich ?", answer.transaction(1).recordSet().records().get(0).get("name"),
        "the server lost the euro sign; the rest arrives");
  }

  @Test
  void aFailedTransactionIsReportedOnItselfAndTheOthersStand() {
    answerRecorded("14-unknown-object-and-no-action");
    PacketAnswer answer = client().build().send(List.of(
        Transaction.withId(1).item(PacketItem.of("spaceship", "insert", fields -> { })),
        Transaction.withId(2).item(PacketItem.of("account", "", fields -> { })),
        new Transaction(null, List.of("id"), List.of(PacketItem.of("accountList", "select", fields -> { })
            .page(0, 1)))));
    assertFalse(answer.ok());
    assertEquals("Transaction failed", answer.transaction(0).errorText());
    assertEquals("Action not specified", answer.transaction(1).errorText());
    TransactionResult select = answer.transaction(2);
    assertTrue(select.ok());
    assertNull(select.id(), "a transaction sent without an id is answered without one");
    assertEquals(2, select.recordSet().total());
    assertEquals(1, select.recordSet().count());
    assertTrue(answer.packetErrors().isEmpty());
  }

  @Test
  void aStaleUpdateIsAConflictForASyncClientAndAFailedTransactionForAUser() {
    answerRecorded("07-update-account-stale-modified-syncclient");
    answerRecorded("05-update-account-stale-modified");
    Transaction update = Transaction.withId(1).meta("id", "name", "modified")
        .item(PacketItem.of("account", "update", fields -> fields.add("modified", "2001-01-01 00:00:00.0")));
    TransactionResult sync = client().auth(PacketAuth.syncClient(1, "ok")).build().send(List.of(update))
        .transaction(0);
    assertEquals(PacketRecord.CONFLICT, sync.recordSet().records().get(0).action());
    TransactionResult user = client().build().send(List.of(update)).transaction(0);
    assertEquals(1, user.status());
    assertTrue(user.errorText().startsWith("Transaction failed\nERROR: insert or update on table"),
        user.errorText());
  }

  @Test
  void aRefusedLoginIsATypedErrorWithoutTheCode() {
    answerRecorded("11-bad-password");
    NotAuthorizedException e = assertThrows(NotAuthorizedException.class,
        () -> client().build().send(List.of(insertAccount())));
    assertTrue(e.rawBody().contains("Not authorized"));
    assertFalse(e.getMessage().contains(ADMIN_CODE));
  }

  @Test
  void aPacketWithoutTransactionsGetsItsErrorAsThePacketsOwn() {
    answerRecorded("15-no-transactions");
    PacketAnswer answer = client().build().send(List.of());
    assertTrue(answer.transactions().isEmpty());
    assertEquals("No transactions found", answer.packetErrors().get(0).errorText());
    assertFalse(answer.ok());
  }

  @Test
  void anAnswerThatIsNotTheProtocolsIsMalformedAndKeepsItsText() {
    for (String body : List.of("<html><body>Tomcat error</body></html>", "<aspcfs><response id=\"1\"><errorText/>"
        + "</response></aspcfs>", "<aspcfs><response id=\"1\"><status>0</status>", "not xml at all",
        "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><aspcfs>&x;</aspcfs>",
        "<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><aspcfs>&c;&c;&c;&c;&c;&c;</aspcfs>")) {
      server.enqueue(new MockResponse.Builder().setHeader("Content-Type", LATIN1).body(body).build());
      MalformedResponseException e = assertThrows(MalformedResponseException.class,
          () -> client().build().send(List.of(insertAccount())), body);
      assertEquals(body, e.rawBody());
      assertTrue(e.getMessage().startsWith("packet: the answer is not a Centric answer: "), e.getMessage());
    }
  }

  @Test
  void aUtf16AnswerIsReadByItsByteOrderMark() {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/xml")
        .body(new Buffer().write(("<?xml version=\"1.0\" encoding=\"UTF-16\"?><aspcfs><response id=\"1\"><status>0"
            + "</status><errorText/><recordSet count=\"1\" name=\"account\"><record action=\"processed\">"
            + "<name>Z\u00fcrich \u20ac</name></record></recordSet></response></aspcfs>")
            .getBytes(StandardCharsets.UTF_16))).build());
    assertEquals("Z\u00fcrich \u20ac", client().build().send(List.of(insertAccount())).transaction(0).recordSet()
        .records().get(0).get("name"));
  }

  @Test
  void aSyncClientLogsInWithItsIdAndCodeAndTheServersHostAsId() throws Exception {
    answerRecorded("10-delete-phone");
    PacketClient client = PacketClient.builder(server.url("/ProcessPacket.do").toString()).allowPlainHttp()
        .auth(PacketAuth.syncClient(7, "ok")).objectValidation(false)
        .commitLevel(PacketClient.CommitLevel.TRANSACTION).build();
    TransactionResult deleted = client.send(List.of(Transaction.withId(1)
        .item(PacketItem.of("organizationPhoneNumber", "delete", fields -> fields.add("id", "3"))))).transaction(0);
    assertEquals(PacketRecord.DELETE, deleted.recordSet().records().get(0).action());
    RecordedRequest request = server.takeRequest();
    assertTrue(request.getBody().utf8().contains("<authentication><id>" + server.getHostName()
        + "</id><code>ok</code><clientId>7</clientId><systemId>4</systemId></authentication>"),
        request.getBody().utf8());
    assertEquals("false", request.getHeaders().get("object-validation"));
    assertEquals("transaction", request.getHeaders().get("commit-level"));
    assertFalse(client.toString().contains("ok]"), client.toString());
  }

  @Test
  void theCallsViewHidesTheLoginsCodeAndARecordReadsTyped() throws Exception {
    answerRecorded("03-insert-account");
    TransactionResult result = client().build().send(List.of(insertAccount().item(PacketItem.of("user", "insert",
        fields -> fields.add("password1", "hunter2"))))).transaction(0);
    CallEvent event = events.take();
    assertEquals("account insert", event.name());
    assertTrue(event.request().contains("<code>\u2588\u2588</code>"), event.request());
    assertFalse(event.request().contains(ADMIN_CODE));
    assertFalse(event.request().contains("hunter2"), event.request());
    record Account(int id, String name, String url) {}
    Account account = result.recordSet().records().get(0).as((FormReader pairs) -> new Account(
        Integer.parseInt(pairs.take("id")), pairs.take("name"), pairs.take("url")));
    assertEquals(new Account(3, "Dark Horse Ventures", null), account);
  }

  @Test
  void aRecordSetWithAReaderIsReadTypedAsItStreams() {
    answerRecorded("04-select-accounts");
    record Account(String id, String name) {}
    PacketAnswer answer = client().records("accountList", xml -> {
      String id = null;
      String name = null;
      while (xml.nextChild()) {
        switch (xml.name()) {
          case "id" -> id = xml.value();
          case "name" -> name = xml.value();
          default -> xml.skip();
        }
      }
      return new Account(id, name);
    }).build().send(List.of(Transaction.withId(1).meta("id", "name")
        .item(PacketItem.of("accountList", "select", fields -> { }))));
    PacketRecord record = answer.transaction(0).recordSet().records().get(0);
    assertEquals(new Account("3", "Dark Horse Ventures"), record.value(Account.class));
    assertEquals(PacketRecord.SELECT, record.action());
    assertTrue(record.fields().isEmpty(), "read once, typed");
  }

  @Test
  void aPasswordsCodeIsItsLowercaseHexMd5() {
    assertEquals(ADMIN_CODE, PacketAuth.md5Hex("password"));
    assertFalse(PacketAuth.user("admin", "password").toString().contains(ADMIN_CODE));
  }
}
