package dev.specbridge.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.processor.crm.Account;
import dev.specbridge.processor.crm.CrmClient;
import dev.specbridge.processor.crm.CrmHandler;
import dev.specbridge.runtime.http.EmbeddedHttpServer;
import dev.specbridge.runtime.packet.ItemAnswer;
import dev.specbridge.runtime.packet.ItemContext;
import dev.specbridge.runtime.packet.PacketAnswer;
import dev.specbridge.runtime.packet.PacketAuth;
import dev.specbridge.runtime.packet.PacketEndpoint;
import dev.specbridge.runtime.packet.PacketRecord;
import dev.specbridge.runtime.packet.Transaction;
import dev.specbridge.runtime.value.UnknownFields;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated xml-http client and handler, talking over real HTTP through the runtime's packet endpoint. */
class GeneratedPacketApiTest {
  @Test
  void aTypedInsertAndATypedSelectGoThroughTheGeneratedHandler() throws Exception {
    List<Account> stored = new ArrayList<>();
    CrmHandler handler = new CrmHandler() {
      @Override
      public ItemAnswer insertAccount(Account value, ItemContext context) {
        Account saved = value.toBuilder().id(stored.size() + 1).build();
        stored.add(saved);
        return ItemAnswer.of(PacketRecord.written(PacketRecord.PROCESSED, out -> Account.writeForm(out, saved)));
      }

      @Override
      public ItemAnswer selectAccountList(UnknownFields filters, ItemContext context) {
        return new ItemAnswer(stored.stream().filter(a -> a.name().equals(filters.get("accountName")))
            .map(a -> PacketRecord.written(PacketRecord.SELECT, out -> Account.writeForm(out, a))).toList(), null);
      }
    };
    try (EmbeddedHttpServer server = EmbeddedHttpServer.start("/ProcessPacket.do",
        PacketEndpoint.of(CrmHandler.dispatcher(handler), login -> login.username()))) {
      CrmClient crm = new CrmClient(CrmClient.forServer(server.url("/ProcessPacket.do")).allowPlainHttp()
          .auth(PacketAuth.user("admin", "password")).build());
      PacketAnswer answer = crm.send(
          Transaction.withId(1).meta("id", "name").item(Account.insert(Account.builder().name("Dark Horse")
              .enabled(true).build())),
          Transaction.withId(2).meta("id", "name", "enabled").item(Account.select(Account.filters().accountName("Dark Horse")
              .ownerId(1))),
          Transaction.withId(3).item(Account.update(Account.builder().id(1).name("x").build())));
      assertEquals(Account.builder().id(1).name("Dark Horse").build(),
          answer.transaction(0).recordSet().records().get(0).value(Account.class), "projected on the meta");
      assertEquals(Account.builder().id(1).name("Dark Horse").enabled(true).build(),
          answer.transaction(1).recordSet().records().get(0).value(Account.class));
      assertEquals("Transaction failed", answer.transaction(2).errorText(), "not implemented: as the real server");
      assertTrue(answer.transaction(1).ok());
    }
  }
}
