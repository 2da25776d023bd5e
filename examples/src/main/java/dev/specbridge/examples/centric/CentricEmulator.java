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
import java.util.Comparator;
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
 * <p>It keeps account, contact, ticket, opportunity, opportunity component, call, task and user, with the actions
 * the spec lists for each, and the address, phone and email objects. What it follows: an insert answers
 * {@code processed} with an empty {@code entered} and {@code modified}; a list's select filters by the fields its
 * records have ({@code accountName} by name, {@code %} as SQL's LIKE) and pages with {@code total}; an update
 * replaces the whole record where {@code id} and {@code modified} match, else answers
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

  private static final List<String> TIMES = List.of("entered", "modified");
  /** The lists' filters that filter a field of another name, as the server's SQL does. */
  private static final Map<String, String> FILTERED_FIELDS = Map.of("accountName", "name", "lastName", "nameLast",
      "firstName", "nameFirst");

  private final Clock clock;
  private final Map<String, Map<Integer, PacketRecord>> others = new HashMap<>();
  private final Map<String, Integer> lastIds = new HashMap<>();
  private boolean demoRows;
  private EmbeddedHttpServer server;
  /** One transaction at a time, as the store is undone whole when one fails. */
  private final ReentrantLock transaction = new ReentrantLock();
  private Snapshot before;

  /** The store as a transaction found it. */
  private record Snapshot(Map<String, Map<Integer, PacketRecord>> others) {}

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
      before = new Snapshot(copies);
    }
  }

  @Override
  public void end(boolean committed) {
    try {
      synchronized (this) {
        if (!committed) { // as the server's rollback: what the items did is undone; ids, like sequences, stay used
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
      // lower(username) = ?, the parameter as sent: the stored name lower-cased, the sent one not (notes 1)
      return login.username().equals(USER.toLowerCase(Locale.ROOT)) && PacketAuth.md5Hex(PASSWORD)
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
  public ItemAnswer insertAccount(Account value, ItemContext context) {
    if (context.objectValidation() && (value.name() == null || value.name().isBlank()) && value.nameLast() == null) {
      throw new ItemRefusedException(PacketEndpoint.VALIDATION_FAILED);
    }
    // enabled unless sent otherwise, as Organization's default (recorded exchange 04 selects it true)
    Account stored = value.enabled() == null ? value.toBuilder().enabled(true).build() : value;
    return inserted("account", out -> Account.writeForm(out, stored), "orgId");
  }

  @Override
  public ItemAnswer updateAccount(Account value, ItemContext context) {
    return updated("account", value.id(), value.modified(), out -> Account.writeForm(out, value), context);
  }

  @Override
  public ItemAnswer selectAccountList(UnknownFields fields, ItemContext context) {
    return selected("account", fields, context);
  }

  /** Whether a record's text passes a list's filter: equal ignoring case, or SQL's LIKE when it has a {@code %}. */
  private static boolean matches(String text, String filter) {
    if (text == null) {
      return false;
    }
    if (!filter.contains("%")) {
      return text.equalsIgnoreCase(filter);
    }
    // the first part starts the text, the last ends it, each other is found leftmost after the one before: a time
    // in proportion to the text and the filter (a regex of .* per % backtracked exponentially on %a%a%a…%b)
    String[] parts = filter.split("%", -1);
    String first = parts[0];
    String last = parts[parts.length - 1];
    int end = text.length() - last.length();
    if (end < first.length() || !text.regionMatches(true, 0, first, 0, first.length())
        || !text.regionMatches(true, end, last, 0, last.length())) {
      return false;
    }
    int from = first.length();
    for (int i = 1; i < parts.length - 1; i++) {
      String part = parts[i];
      int at = from;
      while (at + part.length() <= end && !text.regionMatches(true, at, part, 0, part.length())) {
        at++;
      }
      if (at + part.length() > end) {
        return false;
      }
      from = at + part.length();
    }
    return true;
  }

  /**
   * Stores a record of {@code element} with a new id (also in {@code alsoId}, as account's {@code orgId}) and its
   * times, answering it {@code processed} with an empty {@code entered} and {@code modified}, as the server does.
   */
  private synchronized ItemAnswer inserted(String element, Consumer<FormSink> fields, String... alsoId) {
    int id = nextId(element);
    List<String> ids = new ArrayList<>(List.of("id"));
    ids.addAll(List.of(alsoId));
    List<Map.Entry<String, String>> answer = new ArrayList<>();
    ids.forEach(name -> answer.add(field(name, String.valueOf(id))));
    PacketRecord.written(PacketRecord.PROCESSED, fields).fields().stream()
        .filter(field -> !ids.contains(field.getKey()) && !TIMES.contains(field.getKey()))
        .forEach(answer::add);
    List<Map.Entry<String, String>> stored = new ArrayList<>(answer);
    stored.add(field("entered", now()));
    stored.add(field("modified", now()));
    others.computeIfAbsent(element, e -> new LinkedHashMap<>()).put(id, new PacketRecord(PacketRecord.SELECT, stored));
    return ItemAnswer.of(new PacketRecord(PacketRecord.PROCESSED, answer));
  }

  private static Map.Entry<String, String> field(String name, String value) {
    return new AbstractMap.SimpleImmutableEntry<>(name, value);
  }

  /**
   * Replaces a record of {@code element} whole where its id and {@code modified} match; else answers a sync client
   * {@code conflict} and fails a user's transaction on the conflict log, as the server does.
   */
  private synchronized ItemAnswer updated(String element, Integer id, String modified, Consumer<FormSink> fields,
      ItemContext context) {
    PacketRecord stored = id == null ? null : others.getOrDefault(element, Map.of()).get(id);
    if (stored == null || !Objects.equals(stored.get("modified"), modified)) {
      if (!context.syncClient()) {
        throw new ItemRefusedException(STALE_USER_UPDATE); // the conflict log needs a sync client
      }
      return ItemAnswer.of(PacketRecord.written("conflict", fields));
    }
    // the whole row is written from what was sent: a field not sent is blanked; its key and times are the store's
    List<Map.Entry<String, String>> replaced = new ArrayList<>();
    PacketRecord.written(PacketRecord.SELECT, fields).fields().stream()
        .filter(field -> !TIMES.contains(field.getKey())
            && !(element.equals("account") && field.getKey().equals("orgId")))
        .forEach(replaced::add);
    if (element.equals("account")) {
      replaced.add(field("orgId", stored.get("orgId")));
    }
    replaced.add(field("entered", stored.get("entered")));
    replaced.add(field("modified", now()));
    others.get(element).put(id, new PacketRecord(PacketRecord.SELECT, replaced));
    return ItemAnswer.of(PacketRecord.written(PacketRecord.PROCESSED, fields));
  }

  /**
   * The records of {@code element} that pass every filter of its list that names one of their fields (or filters
   * one, as {@code accountName} filters {@code name}), ordered by name, paged when asked (10 a page unless said).
   */
  private synchronized ItemAnswer selected(String element, UnknownFields filters, ItemContext context) {
    List<PacketRecord> matching = new ArrayList<>();
    for (PacketRecord record : others.getOrDefault(element, Map.of()).values()) {
      boolean passes = true;
      for (String name : filters.names()) {
        String field = FILTERED_FIELDS.getOrDefault(name, name);
        if (record.get(field) != null || FILTERED_FIELDS.containsValue(field)) {
          passes &= matches(record.get(field), filters.text(name));
        }
      }
      if (passes) {
        matching.add(record);
      }
    }
    matching.sort(Comparator.comparing((PacketRecord r) -> String.valueOf(r.get("name")),
        String.CASE_INSENSITIVE_ORDER));
    if (context.offset() == null && context.items() == null) {
      return new ItemAnswer(matching, null);
    }
    int from = Math.min(matching.size(), context.offset() == null ? 0 : context.offset());
    int items = context.items() == null ? 10 : context.items();
    int to = items < 0 ? matching.size() : Math.min(matching.size(), from + items);
    return new ItemAnswer(matching.subList(from, to), matching.size());
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
  public ItemAnswer updateContact(Contact value, ItemContext context) {
    return updated("contact", value.id(), value.modified(), out -> Contact.writeForm(out, value), context);
  }

  @Override
  public ItemAnswer selectContactList(UnknownFields fields, ItemContext context) {
    return selected("contact", fields, context);
  }

  @Override
  public ItemAnswer insertTicket(Ticket value, ItemContext context) {
    return inserted("ticket", out -> Ticket.writeForm(out, value));
  }

  @Override
  public ItemAnswer updateTicket(Ticket value, ItemContext context) {
    return updated("ticket", value.id(), value.modified(), out -> Ticket.writeForm(out, value), context);
  }

  @Override
  public ItemAnswer selectTicketList(UnknownFields fields, ItemContext context) {
    return selected("ticket", fields, context);
  }

  @Override
  public ItemAnswer insertOpportunity(Opportunity value, ItemContext context) {
    return inserted("opportunity", out -> Opportunity.writeForm(out, value));
  }

  @Override
  public ItemAnswer updateOpportunity(Opportunity value, ItemContext context) {
    return updated("opportunity", value.id(), value.modified(), out -> Opportunity.writeForm(out, value), context);
  }

  @Override
  public ItemAnswer insertOpportunityComponent(OpportunityComponent value, ItemContext context) {
    return inserted("opportunityComponent", out -> OpportunityComponent.writeForm(out, value));
  }

  @Override
  public ItemAnswer updateOpportunityComponent(OpportunityComponent value, ItemContext context) {
    return updated("opportunityComponent", value.id(), value.modified(),
        out -> OpportunityComponent.writeForm(out, value), context);
  }

  @Override
  public ItemAnswer selectOpportunityComponentList(UnknownFields fields, ItemContext context) {
    return selected("opportunityComponent", fields, context);
  }

  @Override
  public ItemAnswer insertCall(Call value, ItemContext context) {
    return inserted("call", out -> Call.writeForm(out, value));
  }

  @Override
  public ItemAnswer updateCall(Call value, ItemContext context) {
    return updated("call", value.id(), value.modified(), out -> Call.writeForm(out, value), context);
  }

  @Override
  public ItemAnswer deleteCall(Call value, ItemContext context) {
    return deleted("call", value.id());
  }

  @Override
  public ItemAnswer selectCallList(UnknownFields fields, ItemContext context) {
    return selected("call", fields, context);
  }

  @Override
  public ItemAnswer insertTask(Task value, ItemContext context) {
    return inserted("task", out -> Task.writeForm(out, value));
  }

  @Override
  public ItemAnswer updateTask(Task value, ItemContext context) {
    return updated("task", value.id(), value.modified(), out -> Task.writeForm(out, value), context);
  }

  @Override
  public ItemAnswer deleteTask(Task value, ItemContext context) {
    return deleted("task", value.id());
  }

  @Override
  public ItemAnswer selectTaskList(UnknownFields fields, ItemContext context) {
    return selected("task", fields, context);
  }

  @Override
  public ItemAnswer insertUser(User value, ItemContext context) {
    return inserted("user", out -> User.writeForm(out, value));
  }

  @Override
  public ItemAnswer updateUser(User value, ItemContext context) {
    return updated("user", value.id(), value.modified(), out -> User.writeForm(out, value), context);
  }

  @Override
  public ItemAnswer selectUserList(UnknownFields fields, ItemContext context) {
    return selected("user", fields, context);
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
