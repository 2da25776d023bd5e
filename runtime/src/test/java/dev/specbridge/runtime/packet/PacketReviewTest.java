package dev.specbridge.runtime.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.error.MalformedResponseException;
import dev.specbridge.runtime.http.EmbeddedHttpServer;
import dev.specbridge.runtime.http.HttpEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Review findings on the packet client and endpoint. */
class PacketReviewTest {
  private static final String LATIN1 = "text/xml;charset=ISO-8859-1";

  private static byte[] answer(String responses) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><aspcfs>" + responses + "</aspcfs>")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void anAnswerWithSomethingAfterItsRootIsMalformedNotReadAsWhole() {
    byte[] body = ("<?xml version=\"1.0\"?><aspcfs><response id=\"1\"><status>0</status><errorText/></response>"
        + "</aspcfs><html><body>Proxy error</body></html>").getBytes(StandardCharsets.ISO_8859_1);
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> PacketClient.read(body, LATIN1, 1));
    assertEquals(new String(body, StandardCharsets.ISO_8859_1), e.rawBody());
  }

  static final String AUTH = "<authentication><id>h</id><username>admin</username><code>c</code>"
      + "<systemId>4</systemId></authentication>";

  static HttpEndpoint.Answer post(PacketEndpoint endpoint, String body) {
    return endpoint.handle(new HttpEndpoint.Request("POST", Map.of("Content-Type",
        List.of("text/xml; charset=\"utf-8\"")), body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aPacketWithSomethingAfterItsRootIsAnsweredAsTheServersParserDoes() {
    PacketEndpoint endpoint = PacketEndpoint.of(PacketDispatcher.builder().build(), login -> "admin");
    String answer = post(endpoint, "<app>" + AUTH + "<transaction id=\"1\"><accountList action=\"select\"/>"
        + "</transaction></app><junk/>").bodyText();
    assertTrue(answer.contains("<errorText>Error: The markup in the document following the root element must be"
        + " well-formed.</errorText>"), answer);
  }

  @Test
  void aResponsesStatusErrorTextOrRecordSetWrittenTwiceIsMalformedNotTheLastOneWinning() {
    // <status>1</status><status>0</status> read as a success, and a second record set dropped the first's records
    for (String twice : new String[] {"<status>1</status><status>0</status><errorText/>",
        "<status>0</status><errorText>a</errorText><errorText/>",
        "<status>0</status><errorText/><recordSet name=\"account\" count=\"1\"><record action=\"processed\">"
            + "<id>3</id></record></recordSet><recordSet name=\"x\" count=\"0\"/>"}) {
      MalformedResponseException e = assertThrows(MalformedResponseException.class,
          () -> PacketClient.read(answer("<response id=\"1\">" + twice + "</response>"), LATIN1, 1), twice);
      assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }
  }

  @Test
  void anErrorAboutThePacketAfterSomeStatusesIsThePacketsNotTheNextTransactions() throws Exception {
    // the server stops at an exception around its loop and appends "Error: …" without an id after the statuses it
    // produced (notes 5): that answer was taken as transaction 2's result, and transaction 3 had none at all
    byte[] body = answer("<response id=\"1\"><status>0</status><errorText/></response>"
        + "<response><status>1</status><errorText>Error: An I/O error occurred while sending to the backend."
        + "</errorText></response>");
    try (EmbeddedHttpServer server = EmbeddedHttpServer.start("/ProcessPacket.do",
        request -> new HttpEndpoint.Answer(200, LATIN1, body))) {
      PacketClient client = PacketClient.builder(server.url("/ProcessPacket.do")).allowPlainHttp()
          .auth(PacketAuth.user("admin", "password")).build();
      PacketAnswer answer = client.send(List.of(
          Transaction.withId(1).item(PacketItem.of("account", "insert", f -> f.add("name", "a"))),
          Transaction.withId(2).item(PacketItem.of("account", "insert", f -> f.add("name", "b"))),
          Transaction.withId(3).item(PacketItem.of("account", "insert", f -> f.add("name", "c")))));
      assertEquals(1, answer.transactions().size(), "only transaction 1 was answered");
      assertTrue(answer.transaction(0).ok());
      assertEquals(1, answer.packetErrors().size());
      assertTrue(answer.packetErrors().get(0).errorText().startsWith("Error: "));
      assertFalse(answer.ok());
    }
  }

  @Test
  void aMetaPropertyThatCannotNameAnElementFailsItsTransactionNotTheWholeEndpoint() {
    // <property/> or prop("x") (a getter with an argument, notes 4.2) threw WireFormatException out of handle():
    // an HTTP 500 from the embedded server, after the transaction's items had run
    List<String> ran = new java.util.ArrayList<>();
    PacketEndpoint endpoint = PacketEndpoint.of(PacketDispatcher.builder()
        .on("accountList", "select", f -> f, (f, context) -> {
          ran.add("select " + context.transactionId());
          return ItemAnswer.of(new PacketRecord(PacketRecord.SELECT, List.of(Map.entry("id", "1"))));
        }).build(), login -> "admin");
    HttpEndpoint.Answer answer = post(endpoint, "<app>" + AUTH
        + "<transaction id=\"1\"><meta><property/></meta><accountList action=\"select\"/></transaction>"
        + "<transaction id=\"2\"><meta><property>email(\"x\")</property></meta><accountList action=\"select\"/>"
        + "</transaction><transaction id=\"3\"><meta><property>id</property></meta><accountList action=\"select\"/>"
        + "</transaction></app>");
    assertEquals(200, answer.status());
    PacketAnswer read = PacketClient.read(answer.body(), answer.contentType(), 3);
    assertEquals(List.of(1, 1, 0), read.transactions().stream().map(TransactionResult::status).toList());
    assertTrue(read.transaction(1).errorText().startsWith("Transaction failed\n"), read.transaction(1).errorText());
    assertEquals(List.of("select 3"), ran, "a transaction whose answer cannot be written runs nothing");
  }

  @Test
  void theFirstAuthenticationIsTheLoginAsTheServersGetFirstChildReadsIt() {
    // the server reads the root's first <authentication> (XMLUtils.getFirstChild, notes 1); the endpoint took the
    // last, so a packet whose first login is wrong was authorized by a second one
    PacketEndpoint endpoint = PacketEndpoint.of(PacketDispatcher.builder().build(),
        login -> "good".equals(login.code()) ? "admin" : null);
    String answer = post(endpoint, "<app><authentication><username>admin</username><code>bad</code></authentication>"
        + "<authentication><username>admin</username><code>good</code></authentication>"
        + "<transaction id=\"1\"><accountList action=\"select\"/></transaction></app>").bodyText();
    assertTrue(answer.contains("<errorText>Not authorized</errorText>"), answer);
  }

  @Test
  void aRecordItsTypedReaderRefusesIsAMalformedAnswerWithItsTextNotABareNullPointer() {
    // a generated record checks its required fields (Checks.required: NullPointerException) and constraints
    // (IllegalArgumentException) in its constructor; read() caught WireFormatException only, so a select whose
    // meta left a required field out threw a bare NullPointerException from send(), without the answer
    byte[] body = answer("<response id=\"1\"><status>0</status><errorText/><recordSet name=\"accountList\""
        + " count=\"1\"><record action=\"select\"><id>3</id></record></recordSet></response>");
    record Account(String id, String name) {
      Account {
        dev.specbridge.runtime.value.Checks.required(name, "Account", "name");
      }
    }
    java.util.function.Function<dev.specbridge.runtime.xml.XmlReader, ?> reader = xml -> {
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
    };
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> PacketClient.read(body, LATIN1, 1, name -> reader));
    assertTrue(e.getMessage().contains("Account.name is required"), e.getMessage());
    assertEquals(new String(body, StandardCharsets.ISO_8859_1), e.rawBody());
  }
}
