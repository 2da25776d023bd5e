package dev.specbridge.examples.centric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.http.HttpEndpoint;
import dev.specbridge.runtime.packet.PacketAnswer;
import dev.specbridge.runtime.packet.PacketAuth;
import dev.specbridge.runtime.packet.PacketClient;
import dev.specbridge.runtime.packet.PacketRecord;
import dev.specbridge.runtime.packet.Transaction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's own example (seed 002, "Example Client XML Request" and "Example XML Response"). */
class CentricSeedTest {
  /** The seed's request as printed: its code element is not closed where it should be, so it is not XML. */
  private static final String SEED_REQUEST = """
      <?xml version="1.0" encoding="UTF-8"?>
      <app>
        <authentication>
          <id>www.your-centriccrm-server.com</id>
          <systemId>4</systemId>
          <username>XXX</username>
          <code>** User's MD5 Password

      </authentication>
      <transaction id="1">
      <meta>
      <property>id</property>
      </meta>
      <account action="insert">
      <name>Dark Horse Ventures</name>
      </account>
      </transaction>
      </app>
      </code>
      """;

  private static final String SEED_ANSWER = """
      <?xml version="1.0" encoding="UTF-8"?>
      <aspcfs>
        <response id="1">
          <status>0</status>
          <errorText/>
          <recordSet name="accountList" count="1">
            <record action="insert">
              <name>Dark Horse Ventures</name>
            </record>
          </recordSet>
        </response>
      </aspcfs>
      """;

  @Test
  void theSeedsAnswerReadsTypedWhitespaceAndAll() {
    PacketAnswer answer = PacketClient.read(SEED_ANSWER.getBytes(StandardCharsets.UTF_8), "text/xml", 1,
        CentricCrmClient::reader);
    assertTrue(answer.ok());
    PacketRecord record = answer.transaction(0).recordSet().records().get(0);
    assertEquals("insert", record.action(), "the docs' action; the real server says processed");
    assertEquals(Account.builder().name("Dark Horse Ventures").build(), record.value(Account.class));
  }

  @Test
  void theSeedsIntendedPacketIsWhatTheClientWrites() throws Exception {
    try (CentricEmulator emulator = CentricEmulator.start(Clock.systemUTC())) {
      PacketClient client = CentricCrmClient.forServer(emulator.url()).allowPlainHttp()
          .id("www.your-centriccrm-server.com").auth(PacketAuth.user("admin", "password")).build();
      PacketAnswer answer = client.send(List.of(Transaction.withId(1).meta("id")
          .item(Account.insert(Account.builder().name("Dark Horse Ventures").build()))));
      PacketRecord record = answer.transaction(0).recordSet().records().get(0);
      assertEquals(PacketRecord.PROCESSED, record.action());
      assertEquals(1, record.value(Account.class).id());
      assertEquals("account", answer.transaction(0).recordSet().name(), "an insert's set is the object's");
    }
  }

  @Test
  void theSeedsRequestAsPrintedIsAnsweredWithTheParsersWordsAsTheServerWould() throws Exception {
    try (CentricEmulator emulator = CentricEmulator.start(Clock.systemUTC())) {
      HttpEndpoint.Answer answer = emulator.endpoint().handle(new HttpEndpoint.Request("POST", Map.of(),
          SEED_REQUEST.getBytes(StandardCharsets.UTF_8)));
      String errorText = PacketClient.read(answer.body(), answer.contentType(), 0).packetErrors().get(0).errorText();
      assertEquals("Error: The element type \"code\" must be terminated by the matching end-tag \"</code>\".",
          errorText);
    }
  }
}
