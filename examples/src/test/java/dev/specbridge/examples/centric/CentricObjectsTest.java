package dev.specbridge.examples.centric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.packet.PacketAnswer;
import dev.specbridge.runtime.packet.PacketAuth;
import dev.specbridge.runtime.packet.PacketItem;
import dev.specbridge.runtime.packet.PacketRecord;
import dev.specbridge.runtime.packet.RecordSet;
import dev.specbridge.runtime.packet.Transaction;
import dev.specbridge.runtime.packet.TransactionResult;
import java.time.Clock;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each action the spec lists for each main object, through the generated client, against the emulator. */
class CentricObjectsTest {
  private CentricEmulator emulator;
  private CentricCrmClient crm;

  @BeforeEach
  void start() throws Exception {
    emulator = CentricEmulator.start(Clock.systemUTC());
    crm = new CentricCrmClient(CentricCrmClient.forServer(emulator.url()).allowPlainHttp()
        .auth(PacketAuth.user(CentricEmulator.USER, CentricEmulator.PASSWORD)).build());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private TransactionResult one(PacketItem item, String... meta) {
    PacketAnswer answer = crm.send(Transaction.withId(1).meta(meta).item(item));
    return answer.transaction(0);
  }

  /**
   * Inserts, selects the record back by a filter on its list, and updates it from the selected whole record: the
   * insert is processed with a new id, the select finds it typed with its modified, the update is processed and
   * a second select sees the change.
   */
  private <T> void insertSelectUpdate(PacketItem insert, Function<String, PacketItem> selectBy, String filterValue,
      Class<T> type, Function<T, PacketItem> rename, Function<T, String> nameOf, String renamed) {
    TransactionResult inserted = one(insert, "id");
    assertEquals(PacketRecord.PROCESSED, inserted.recordSet().records().get(0).action(), insert.element());
    assertTrue(type.isInstance(inserted.recordSet().records().get(0).value()), "read typed as " + type);
    T found = selected(selectBy.apply(filterValue), type);
    TransactionResult updated = one(rename.apply(found), "id");
    assertTrue(updated.ok(), insert.element() + ": " + updated.errorText());
    assertEquals(PacketRecord.PROCESSED, updated.recordSet().records().get(0).action());
    assertEquals(renamed, nameOf.apply(selected(selectBy.apply(renamed), type)), insert.element());
  }

  private <T> T selected(PacketItem select, Class<T> type) {
    RecordSet set = crm.send(Transaction.withId(2).meta("id", "name", "nameLast", "problem", "description", "subject",
        "username", "modified").item(select)).transaction(0).recordSet();
    assertEquals(1, set.count(), select.element());
    return set.records().get(0).value(type);
  }

  @Test
  void everyMainObjectIsInsertedSelectedAndUpdatedTyped() {
    insertSelectUpdate(Account.insert(Account.builder().name("Dark Horse").build()),
        name -> Account.select(Account.filters().accountName(name)), "Dark Horse", Account.class,
        a -> Account.update(a.toBuilder().name("Dark Horse (renamed)").build()), Account::name,
        "Dark Horse (renamed)");
    insertSelectUpdate(Contact.insert(Contact.builder().nameLast("Doe").build()),
        name -> Contact.select(Contact.filters().lastName(name)), "Doe", Contact.class,
        c -> Contact.update(c.toBuilder().nameLast("Dough").build()), Contact::nameLast, "Dough");
    insertSelectUpdate(Ticket.insert(Ticket.builder().problem("It hums").build()),
        problem -> Ticket.select(f -> f.add("problem", problem)), "It hums", Ticket.class,
        t -> Ticket.update(t.toBuilder().problem("It buzzes").build()), Ticket::problem, "It buzzes");
    insertSelectUpdate(OpportunityComponent.insert(OpportunityComponent.builder().description("Fleet").build()),
        d -> OpportunityComponent.select(f -> f.add("description", d)), "Fleet", OpportunityComponent.class,
        o -> OpportunityComponent.update(o.toBuilder().description("Fleet of 20").build()),
        OpportunityComponent::description, "Fleet of 20");
    insertSelectUpdate(Call.insert(Call.builder().subject("Kick-off").build()),
        s -> Call.select(f -> f.add("subject", s)), "Kick-off", Call.class,
        c -> Call.update(c.toBuilder().subject("Kick-off call").build()), Call::subject, "Kick-off call");
    insertSelectUpdate(Task.insert(Task.builder().description("Send offer").build()),
        d -> Task.select(f -> f.add("description", d)), "Send offer", Task.class,
        t -> Task.update(t.toBuilder().description("Send the offer").build()), Task::description, "Send the offer");
    insertSelectUpdate(User.insert(User.builder().username("jdoe").build()),
        u -> User.select(User.filters().username(u)), "jdoe", User.class,
        u -> User.update(u.toBuilder().username("john.doe").build()), User::username, "john.doe");
  }

  @Test
  void deletesWhereTheServerCanAndTheServersFailureWhereItCannot() {
    one(Call.insert(Call.builder().subject("Kick-off").build()), "id");
    assertEquals(PacketRecord.DELETE, one(Call.delete(Call.builder().id(1).build()), "id").recordSet().records()
        .get(0).action());
    one(Task.insert(Task.builder().description("Send offer").build()), "id");
    assertEquals(PacketRecord.DELETE, one(Task.delete(Task.builder().id(1).build()), "id").recordSet().records()
        .get(0).action());
    one(Account.insert(Account.builder().name("Dark Horse").build()), "id");
    TransactionResult accountDelete = one(PacketItem.of(Account.ELEMENT, "delete", f -> f.add("id", "1")));
    assertEquals(CentricEmulator.ACCOUNT_DELETE, accountDelete.errorText(), "the spec lists no delete for account");
  }

  @Test
  void anOpportunityIsInsertedAndAStaleUpdateFailsAUsersTransaction() {
    TransactionResult inserted = one(Opportunity.insert(Opportunity.builder().description("Fleet deal").build()),
        "id");
    assertEquals(PacketRecord.PROCESSED, inserted.recordSet().records().get(0).action());
    TransactionResult stale = one(Opportunity.update(Opportunity.builder().id(1).description("x")
        .modified("2001-01-01 00:00:00.0").build()));
    assertEquals(CentricEmulator.STALE_USER_UPDATE, stale.errorText());
  }
}
