package dev.specbridge.examples.centric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.error.NotAuthorizedException;
import dev.specbridge.runtime.packet.PacketAuth;
import dev.specbridge.runtime.packet.Transaction;
import dev.specbridge.runtime.packet.TransactionResult;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Review findings on the emulator. */
class CentricEmulatorReviewTest {
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

  @Test
  void aLikeFilterWithManyPercentSignsAnswersAtOnceNotAfterExponentialBacktracking() {
    crm.send(Transaction.withId(1).item(Account.insert(Account.builder().name("a".repeat(200)).build())));
    // each % became .* in a regex: 30 of them against 200 letters backtracks for ever, holding the store's lock
    String filter = "%a".repeat(30) + "%b";
    TransactionResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> crm.send(Transaction.withId(2)
        .meta("id").item(Account.select(f -> f.add("accountName", filter)))).transaction(0));
    assertTrue(result.ok(), result.errorText());
    assertEquals(0, result.recordSet() == null ? 0 : result.recordSet().count());
    TransactionResult found = crm.send(Transaction.withId(3).meta("id")
        .item(Account.select(f -> f.add("accountName", "%A%a%")))).transaction(0);
    assertEquals(1, found.recordSet().count(), "LIKE still matches, ignoring case as the list's filter does");
  }

  @Test
  void anAccountInsertedWithoutEnabledIsSelectedEnabledAsRecordedExchange04Shows() {
    // exchange 03 inserts an account without <enabled>; exchange 04's select answers <enabled>true</enabled>
    // (Organization's default); the emulator answered <enabled/>, so the typed record's enabled() was null
    crm.send(Transaction.withId(1).item(Account.insert(Account.builder().name("Dark Horse Ventures")
        .url("www.example.com").owner(1).enteredBy(1).modifiedBy(1).build())));
    TransactionResult selected = crm.send(Transaction.withId(1).meta("id", "name", "enabled")
        .item(Account.select(f -> f.add("accountName", "Dark Horse Ventures")))).transaction(0);
    assertEquals(Boolean.TRUE, selected.recordSet().records().get(0).value(Account.class).enabled());
  }

  @Test
  void aUsernameIsMatchedAsTheServerMatchesItLowerCasedOnTheDatabaseSideOnly() {
    // LoginUtils: lower(username) = ? with the parameter as sent (notes 1), so "Admin" is not authorized; the
    // emulator lower-cased the sent name too and let it in
    CentricCrmClient capitalized = new CentricCrmClient(CentricCrmClient.forServer(emulator.url()).allowPlainHttp()
        .auth(PacketAuth.user("Admin", CentricEmulator.PASSWORD)).build());
    assertThrows(NotAuthorizedException.class, () -> capitalized.send(Transaction.withId(1).meta("id")
        .item(Account.select(f -> { }))));
  }
}
