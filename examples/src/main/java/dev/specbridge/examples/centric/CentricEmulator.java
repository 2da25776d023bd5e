package dev.specbridge.examples.centric;

import dev.specbridge.runtime.form.FormSink;
import dev.specbridge.runtime.http.EmbeddedHttpServer;
import dev.specbridge.runtime.packet.ItemAnswer;
import dev.specbridge.runtime.packet.ItemContext;
import dev.specbridge.runtime.packet.ItemRefusedException;
import dev.specbridge.runtime.packet.PacketAuth;
import dev.specbridge.runtime.packet.PacketEndpoint;
import dev.specbridge.runtime.packet.PacketRecord;
import dev.specbridge.runtime.value.UnknownFields;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * An in-process Centric CRM 5.0 server for the objects the recorded exchanges use (account, contact, ticket, the
 * address, phone and email objects of both, custom field records and data), answering packets over real HTTP on
 * loopback as the real server does: the same statuses, error texts, record sets and record actions
 * ({@code CentricReplayTest} replays every exchange recorded from it), its charset quirk included.
 *
 * <p>What it follows: an account insert answers {@code processed} with an empty {@code entered} and
 * {@code modified}; an update replaces the whole record where {@code id} and {@code modified} match, else answers
 * a sync client {@code conflict} and fails a user's transaction on the conflict log's foreign key; an account
 * cannot be deleted (the server names the method it lacks); with object validation on, an account needs a name and
 * a transaction with a {@code $C{…}} reference is refused (validated before references are filled in); a custom
 * field record needs its category, which {@link #addDemoRows()} creates, as the server's demo data does. Logins:
 * the user {@value #USER} with the password {@value #PASSWORD}, and the sync client 1 with the code {@code ok}.
 */
public final class CentricEmulator implements CentricCrmHandler, PacketEndpoint.Transactions, AutoCloseable {
  public static final String USER = "admin";
  public static final String PASSWORD = "password";
  public static final String PATH = "/centric/ProcessPacket.do";
  static final String ACCOUNT_DELETE = "Transaction failed\norg.aspcfs.modules.accounts.base.Organization.delete"
      + "(java.sql.Connection)";
  static final String STALE_USER_UPDATE = "Transaction failed\nERROR: insert or update on table \"sync_conflict_log\""
      + " violates foreign key constraint \"sync_conflict_log_client_id_fkey\"\n  Detail: Key (client_id)=(-1) is not"
      + " present in table \"sync_client\".";

  private final Clock clock;
  private final Map<Integer, Account> accounts = new LinkedHashMap<>();
  private final Map<String, Map<Integer, PacketRecord>> others = new HashMap<>();
  private final Map<String, Integer> lastIds = new HashMap<>();
  private boolean demoRows;
  private EmbeddedHttpServer server;
  /** One transaction at a time, as the store is undone whole when one fails. */
  private final ReentrantLock transaction = new ReentrantLock();
  private Snapshot before;

  /** The store as a transaction found it. */
  private record Snapshot(Map<Integer, Account> accounts, Map<String, Map<Integer, PacketRecord>> others) {}

  private CentricEmulator(Clock clock) {
    this.clock = clock;
  }

  /** An emulator served on loopback at {@link #PATH}. */
  public static CentricEmulator start(Clock clock) throws IOException {
    CentricEmulator emulator = new CentricEmulator(clock);
    emulator.server = EmbeddedHttpServer.start(PATH, emulator.endpoint());
    return emulator;
  }

  /** The endpoint, to mount elsewhere: answering as the real server, its charset quirk included. */
  public PacketEndpoint endpoint() {
    return PacketEndpoint.asTheRealServer(CentricCrmHandler.dispatcher(this), CentricEmulator::authenticate)
        .unsupported((element, action) -> element.equals("account") && action.equals("delete") ? ACCOUNT_DELETE
            : "Transaction failed").transactions(this);
  }

  @Override
  public void begin() {
    transaction.lock();
    synchronized (this) {
      Map<String, Map<Integer, PacketRecord>> copies = new HashMap<>();
      others.forEach((element, records) -> copies.put(element, new LinkedHashMap<>(records)));
      before = new Snapshot(new LinkedHashMap<>(accounts), copies);
    }
  }

  @Override
  public void end(boolean committed) {
    try {
      synchronized (this) {
        if (!committed) { // as the server's rollback: what the items did is undone; ids, like sequences, stay used
          accounts.clear();
          accounts.putAll(before.accounts());
          others.clear();
          others.putAll(before.others());
        }
        before = null;
      }
    } finally {
      transaction.unlock();
    }
  }

  /** The packet URL. */
  public String url() {
    return server.url(PATH);
  }

  private static String authenticate(PacketEndpoint.Login login) {
    if (login.username() != null) {
      return login.username().toLowerCase(Locale.ROOT).equals(USER) && PacketAuth.md5Hex(PASSWORD)
          .equals(login.code()) ? USER : null;
    }
    return Objects.equals(login.clientId(), 1) && "ok".equals(login.code()) ? "client 1" : null;
  }

  /** The server's demo rows that the repository's example packet needs: custom field category 1. */
  public synchronized void addDemoRows() {
    demoRows = true;
  }

  private String now() {
    return Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS)).toString(); // as PostgreSQL's
  }

  private int nextId(String element) {
    return lastIds.merge(element, 1, Integer::sum);
  }

  @Override
  public synchronized ItemAnswer insertAccount(Account value, ItemContext context) {
    if (context.objectValidation() && (value.name() == null || value.name().isBlank()) && value.nameLast() == null) {
      throw new ItemRefusedException(PacketEndpoint.VALIDATION_FAILED);
    }
    int id = nextId("account");
    Account saved = value.toBuilder().id(id).orgId(id).entered(null).modified(null).build();
    accounts.put(id, saved.toBuilder().entered(now()).modified(now()).build());
    return ItemAnswer.of(PacketRecord.written(PacketRecord.PROCESSED, out -> Account.writeForm(out, saved)));
  }

  @Override
  public synchronized ItemAnswer updateAccount(Account value, ItemContext context) {
    Account stored = value.id() == null ? null : accounts.get(value.id());
    if (stored == null || !Objects.equals(stored.modified(), value.modified())) {
      if (!context.syncClient()) {
        throw new ItemRefusedException(STALE_USER_UPDATE); // the conflict log needs a sync client
      }
      return ItemAnswer.of(PacketRecord.written("conflict", out -> Account.writeForm(out, value)));
    }
    // the whole row is written from what was sent: a field not sent is blanked
    accounts.put(value.id(), value.toBuilder().orgId(value.id()).entered(stored.entered()).modified(now()).build());
    return ItemAnswer.of(PacketRecord.written(PacketRecord.PROCESSED, out -> Account.writeForm(out, value)));
  }

  @Override
  public synchronized ItemAnswer selectAccountList(UnknownFields fields, ItemContext context) {
    String name = fields.get("name") != null ? fields.get("name") : fields.get("accountName");
    List<PacketRecord> matching = new ArrayList<>();
    for (Account account : accounts.values()) {
      if (name == null || matches(account.name(), name)) {
        matching.add(PacketRecord.written(PacketRecord.SELECT, out -> Account.writeForm(out, account)));
      }
    }
    matching.sort((a, b) -> String.valueOf(a.get("name")).compareToIgnoreCase(String.valueOf(b.get("name"))));
    if (context.offset() == null && context.items() == null) {
      return new ItemAnswer(matching, null);
    }
    int from = Math.min(matching.size(), context.offset() == null ? 0 : context.offset());
    int items = context.items() == null ? 10 : context.items();
    int to = items < 0 ? matching.size() : Math.min(matching.size(), from + items);
    return new ItemAnswer(matching.subList(from, to), matching.size());
  }

  /** The list's name filter: equal ignoring case, or SQL's LIKE when the value has a {@code %}. */
  private static boolean matches(String name, String filter) {
    if (name == null) {
      return false;
    }
    if (!filter.contains("%")) {
      return name.equalsIgnoreCase(filter);
    }
    StringBuilder regex = new StringBuilder("(?i)");
    for (String part : filter.split("%", -1)) {
      regex.append(regex.length() == 4 ? "" : ".*").append(java.util.regex.Pattern.quote(part));
    }
    return name.matches(regex.toString());
  }

  /** Stores a record of {@code element} with a new id, answering it {@code processed}. */
  private synchronized ItemAnswer inserted(String element, Consumer<FormSink> fields) {
    int id = nextId(element);
    List<Map.Entry<String, String>> withId = new ArrayList<>();
    withId.add(new AbstractMap.SimpleImmutableEntry<>("id", String.valueOf(id)));
    PacketRecord.written(PacketRecord.PROCESSED, fields).fields().stream()
        .filter(field -> !field.getKey().equals("id")).forEach(withId::add);
    PacketRecord record = new PacketRecord(PacketRecord.PROCESSED, withId);
    others.computeIfAbsent(element, e -> new LinkedHashMap<>()).put(id, record);
    return ItemAnswer.of(record);
  }

  /** Deletes a record of {@code element}, answering it {@code delete}. */
  private synchronized ItemAnswer deleted(String element, Integer id) {
    if (id == null || others.getOrDefault(element, Map.of()).remove(id) == null) {
      throw new ItemRefusedException("Transaction failed");
    }
    return ItemAnswer.of(new PacketRecord(PacketRecord.DELETE, List.of(
        new AbstractMap.SimpleImmutableEntry<>("id", String.valueOf(id)))));
  }

  @Override
  public ItemAnswer insertOrganizationPhoneNumber(OrganizationPhoneNumber value, ItemContext context) {
    return inserted("organizationPhoneNumber", out -> OrganizationPhoneNumber.writeForm(out, value));
  }

  @Override
  public ItemAnswer deleteOrganizationPhoneNumber(OrganizationPhoneNumber value, ItemContext context) {
    return deleted("organizationPhoneNumber", value.id());
  }

  @Override
  public ItemAnswer insertOrganizationEmailAddress(OrganizationEmailAddress value, ItemContext context) {
    return inserted("organizationEmailAddress", out -> OrganizationEmailAddress.writeForm(out, value));
  }

  @Override
  public ItemAnswer deleteOrganizationEmailAddress(OrganizationEmailAddress value, ItemContext context) {
    return deleted("organizationEmailAddress", value.id());
  }

  @Override
  public ItemAnswer insertOrganizationAddress(OrganizationAddress value, ItemContext context) {
    return inserted("organizationAddress", out -> OrganizationAddress.writeForm(out, value));
  }

  @Override
  public ItemAnswer deleteOrganizationAddress(OrganizationAddress value, ItemContext context) {
    return deleted("organizationAddress", value.id());
  }

  @Override
  public ItemAnswer insertContact(Contact value, ItemContext context) {
    return inserted("contact", out -> Contact.writeForm(out, value));
  }

  @Override
  public ItemAnswer insertContactPhoneNumber(ContactPhoneNumber value, ItemContext context) {
    return inserted("contactPhoneNumber", out -> ContactPhoneNumber.writeForm(out, value));
  }

  @Override
  public ItemAnswer insertContactEmailAddress(ContactEmailAddress value, ItemContext context) {
    return inserted("contactEmailAddress", out -> ContactEmailAddress.writeForm(out, value));
  }

  @Override
  public ItemAnswer insertContactAddress(ContactAddress value, ItemContext context) {
    return inserted("contactAddress", out -> ContactAddress.writeForm(out, value));
  }

  @Override
  public ItemAnswer insertTicket(Ticket value, ItemContext context) {
    return inserted("ticket", out -> Ticket.writeForm(out, value));
  }

  @Override
  public ItemAnswer insertCustomFieldRecord(CustomFieldRecord value, ItemContext context) {
    synchronized (this) {
      if (!demoRows || !Objects.equals(value.categoryId(), 1)) {
        throw new ItemRefusedException("Transaction failed"); // the category's foreign key: no such category
      }
    }
    return inserted("customFieldRecord", out -> CustomFieldRecord.writeForm(out, value));
  }

  @Override
  public ItemAnswer insertCustomFieldData(CustomFieldData value, ItemContext context) {
    return inserted("customFieldData", out -> CustomFieldData.writeForm(out, value));
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
