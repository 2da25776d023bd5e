package dev.specbridge.runtime.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.error.NotAuthorizedException;
import dev.specbridge.runtime.form.FormReader;
import dev.specbridge.runtime.http.EmbeddedHttpServer;
import dev.specbridge.runtime.http.HttpEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server side against the client over real HTTP, and against the real server's recorded error answers. */
class PacketEndpointTest {
  private final List<String> accounts = new CopyOnWriteArrayList<>();
  private final List<String> phones = new CopyOnWriteArrayList<>();
  private EmbeddedHttpServer server;
  private PacketClient client;

  private static PacketRecord record(String action, String... pairs) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.add(new AbstractMap.SimpleImmutableEntry<>(pairs[i], pairs[i + 1]));
    }
    return new PacketRecord(action, fields);
  }

  private PacketDispatcher dispatcher() {
    return PacketDispatcher.builder()
        .on("account", "insert", (FormReader pairs) -> pairs.take("name"), (name, context) -> {
          accounts.add(name);
          return ItemAnswer.of(record(PacketRecord.PROCESSED, "id", String.valueOf(accounts.size()), "name", name));
        })
        .on("account", "delete", pairs -> pairs.take("id"), (id, context) -> {
          throw new ItemRefusedException("Transaction failed\norg.aspcfs.modules.accounts.base.Organization.delete"
              + "(java.sql.Connection)");
        })
        .on("organizationPhoneNumber", "insert", pairs -> pairs.take("orgId") + " " + pairs.take("number"),
            (phone, context) -> {
              phones.add(phone);
              return ItemAnswer.of(record(PacketRecord.PROCESSED, "id", "9"));
            })
        .on("accountList", "select", pairs -> pairs.take("name"), (name, context) -> {
          List<PacketRecord> all = new ArrayList<>();
          for (int i = 0; i < accounts.size(); i++) {
            all.add(record(PacketRecord.SELECT, "id", String.valueOf(i + 1), "name", accounts.get(i)));
          }
          int from = context.offset() == null ? 0 : context.offset();
          int to = context.items() == null || context.items() < 0 ? all.size()
              : Math.min(all.size(), from + context.items());
          return new ItemAnswer(all.subList(Math.min(from, all.size()), to),
              context.items() == null ? null : all.size());
        })
        .build();
  }

  private static String admin(PacketEndpoint.Login login) {
    return "admin".equals(login.username()) && PacketAuth.md5Hex("password").equals(login.code()) ? "admin" : null;
  }

  @BeforeEach
  void start() throws Exception {
    server = EmbeddedHttpServer.start("/centric/ProcessPacket.do",
        PacketEndpoint.asTheRealServer(dispatcher(), PacketEndpointTest::admin));
    client = PacketClient.builder(server.url("/centric/ProcessPacket.do")).allowPlainHttp()
        .auth(PacketAuth.user("admin", "password")).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aSharedKeyFillsALaterItemsReferenceAndTheFirstItemsRecordsAnswer() {
    Transaction withReference = Transaction.withId(1).meta("id", "name")
        .item(PacketItem.of("account", "insert", fields -> fields.add("name", "Dark Horse")).sharingKey())
        .item(PacketItem.of("organizationPhoneNumber", "insert", fields -> {
          fields.add("orgId", "0"); // what a typed record holds there: the reference replaces it
          fields.add("number", "800-555-1212");
        }).referencing("orgId", "account"));
    assertEquals(PacketEndpoint.VALIDATION_FAILED, client.send(List.of(withReference)).transaction(0).errorText(),
        "with validation on, the real server validates before it fills references in, and refuses");
    PacketAnswer answer = PacketClient.builder(server.url("/centric/ProcessPacket.do")).allowPlainHttp()
        .auth(PacketAuth.user("admin", "password")).objectValidation(false).build().send(List.of(withReference));
    assertEquals(List.of("1 800-555-1212"), phones, "the refused transaction ran nothing");
    RecordSet set = answer.transaction(0).recordSet();
    assertEquals("account", set.name());
    assertEquals("1", set.records().get(0).get("id"));
    assertEquals("Dark Horse", set.records().get(0).get("name"));
  }

  @Test
  void aFailingTransactionFailsAloneAndAPagedSelectSaysItsTotal() {
    client.send(List.of(Transaction.withId(1)
        .item(PacketItem.of("account", "insert", fields -> fields.add("name", "A")))
        .item(PacketItem.of("account", "insert", fields -> fields.add("name", "B")))
        .item(PacketItem.of("account", "insert", fields -> fields.add("name", "C")))));
    PacketAnswer answer = client.send(List.of(
        Transaction.withId(1).item(PacketItem.of("account", "delete", fields -> fields.add("id", "1"))),
        Transaction.withId(2).meta("name").item(PacketItem.of("accountList", "select", fields -> { }).page(1, 1)),
        Transaction.withId(3).item(PacketItem.of("spaceship", "insert", fields -> { }))));
    assertEquals("Transaction failed\norg.aspcfs.modules.accounts.base.Organization.delete(java.sql.Connection)",
        answer.transaction(0).errorText());
    RecordSet page = answer.transaction(1).recordSet();
    assertEquals(List.of("B"), page.records().stream().map(r -> r.get("name")).toList());
    assertEquals(3, page.total());
    assertNull(page.records().get(0).get("id"), "only the meta's properties come back");
    assertEquals("Transaction failed", answer.transaction(2).errorText());
  }

  @Test
  void theRealServersCharsetQuirkIsAnsweredAndReadBack() {
    PacketAnswer answer = client.send(List.of(Transaction.withId(1).meta("name")
        .item(PacketItem.of("account", "insert", fields -> fields.add("name", "Caf\u00e9 Z\u00fcrich \u20ac")))));
    assertEquals("Caf\u00e9 Z\u00fcrich ?", answer.transaction(0).recordSet().records().get(0).get("name"));
    assertEquals("Caf\u00e9 Z\u00fcrich \u20ac", accounts.get(0), "the packet itself carried the euro");
  }

  @Test
  void wholePacketFailuresAreAnsweredAsTheRealServerDoes() {
    assertThrows(NotAuthorizedException.class, () -> PacketClient.builder(server.url("/centric/ProcessPacket.do"))
        .allowPlainHttp().auth(PacketAuth.user("admin", "wrong")).build().send(List.of(Transaction.withId(1))));
    assertEquals("No transactions found", client.send(List.of()).packetErrors().get(0).errorText());
    PacketEndpoint endpoint = PacketEndpoint.of(dispatcher(), PacketEndpointTest::admin);
    assertEquals("Error: Content is not allowed in prolog.", errorText(endpoint, "this is not XML"));
    assertEquals("Error: The element type \"accountList\" must be terminated by the matching end-tag"
        + " \"</accountList>\".", errorText(endpoint, "<app><transaction id=\"1\"><accountList action=\"select\">"
        + "</transaction></app>"));
    assertTrue(errorText(endpoint, "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><app>&x;</app>")
        .startsWith("Error: a DOCTYPE is not allowed"));
  }

  private static String errorText(PacketEndpoint endpoint, String body) {
    HttpEndpoint.Answer answer = endpoint.handle(new HttpEndpoint.Request("POST", Map.of(),
        body.getBytes(StandardCharsets.UTF_8)));
    return PacketClient.read(answer.body(), answer.contentType(), 0).packetErrors().get(0).errorText();
  }
}
