package dev.specbridge.runtime.packet;

import dev.specbridge.runtime.form.FormReader;
import dev.specbridge.runtime.http.HttpEndpoint;
import dev.specbridge.runtime.wire.WireFormatException;
import dev.specbridge.runtime.xml.XmlReader;
import dev.specbridge.runtime.xml.XmlWriter;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Server side of Centric's packets, as an {@link HttpEndpoint}: reads {@code <app>} with its
 * {@code <authentication>} and transactions, runs each item through a {@link PacketDispatcher}, and answers
 * {@code <aspcfs>} as the real server does: a {@code <response>} per transaction with its status, error text and
 * the records of its first item that gave any, each projected on the transaction's {@code <meta>}. A transaction
 * whose item is refused fails alone; {@code $C{account.id}} in a field is the key an earlier
 * {@code shareKey="true"} item of the same transaction shared. Whole-packet failures are answered as the server
 * does, HTTP 200 and a response without an id: {@code Not authorized}, {@code No transactions found},
 * {@code Error: <the parser's words>}.
 *
 * <p>A transaction whose {@code <meta>} names a property that cannot name an element ({@code <property/>},
 * {@code email("x")}) fails before its items run, {@code Transaction failed} and the property: its records could
 * not be written (the real server runs the items, then fails writing its answer).
 *
 * <p>A transaction is atomic on the real server: a failed item rolls back the items before it. The endpoint runs
 * handlers in order and cannot undo one that ran; a store that needs atomicity implements {@link Transactions}.
 */
public final class PacketEndpoint implements HttpEndpoint {
  private static final System.Logger LOG = System.getLogger(PacketEndpoint.class.getName());

  /** Decides who logs in, from a packet's {@code <authentication>}. */
  @FunctionalInterface
  public interface Authenticator {
    /** The principal, a name safe to log, or {@code null} to answer {@code Not authorized}. */
    String authenticate(Login login);
  }

  /**
   * A packet's login; what it did not send is {@code null}.
   *
   * @param clientId a sync client's id, or {@code null} for a user's login
   */
  public record Login(String id, String username, String code, Integer clientId, String systemId) {
    @Override
    public String toString() {
      return "Login[" + (username != null ? username : "client " + clientId) + ", code=\u2588\u2588]";
    }
  }

  /** The error text of a transaction whose item names an element or action no route serves. */
  @FunctionalInterface
  public interface Unsupported {
    String errorText(String element, String action);
  }

  /**
   * Told where each transaction begins and how it ends, so that a store can make it atomic as the real server's
   * are: undo what its items did when one of them failed.
   */
  public interface Transactions {
    /** A transaction begins; its items run next, on this thread. */
    void begin();

    /** The transaction ended: {@code committed} when every item succeeded, else what ran is to be undone. */
    void end(boolean committed);

    /** No transaction handling: each handler's effect stands. */
    static Transactions none() {
      return new Transactions() {
        @Override
        public void begin() {}

        @Override
        public void end(boolean committed) {}
      };
    }
  }

  /** The real server's error text when object validation refuses an item. */
  public static final String VALIDATION_FAILED = "Object validation error\nTransaction failed\nObject Validation Failed";

  private final PacketDispatcher dispatcher;
  private final Authenticator authenticator;
  private final boolean asTheRealServer;
  private final Unsupported unsupported;
  private final Transactions transactions;

  private PacketEndpoint(PacketDispatcher dispatcher, Authenticator authenticator, boolean asTheRealServer,
      Unsupported unsupported, Transactions transactions) {
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.asTheRealServer = asTheRealServer;
    this.unsupported = Objects.requireNonNull(unsupported, "unsupported");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
  }

  /** This endpoint, telling {@code transactions} where each transaction begins and how it ends. */
  public PacketEndpoint transactions(Transactions transactions) {
    return new PacketEndpoint(dispatcher, authenticator, asTheRealServer, unsupported, transactions);
  }

  /**
   * This endpoint, answering an item no route serves with {@code unsupported}'s words (the real server names the
   * Java method it missed, {@code Transaction failed} then {@code …Organization.delete(java.sql.Connection)}),
   * rather than {@code Transaction failed} alone.
   */
  public PacketEndpoint unsupported(Unsupported unsupported) {
    return new PacketEndpoint(dispatcher, authenticator, asTheRealServer, unsupported, transactions);
  }

  /** An endpoint that answers in UTF-8, as its declaration and {@code Content-Type} say. */
  public static PacketEndpoint of(PacketDispatcher dispatcher, Authenticator authenticator) {
    return new PacketEndpoint(dispatcher, authenticator, false, (element, action) -> "Transaction failed",
        Transactions.none());
  }

  /**
   * An endpoint that answers as the real Centric 5.0 server does: ISO-8859-1 bytes under an XML declaration that
   * says UTF-8 ({@code Content-Type: text/xml;charset=ISO-8859-1}), a character Latin-1 cannot carry sent as
   * {@code ?}. For emulators that clients are tested against. With object validation on, it also refuses an
   * insert or update that carries a {@code $C{…}} reference, as the real server does: it validates an item before
   * it fills the references in, so the reference reads as no value.
   */
  public static PacketEndpoint asTheRealServer(PacketDispatcher dispatcher, Authenticator authenticator) {
    return new PacketEndpoint(dispatcher, authenticator, true, (element, action) -> "Transaction failed",
        Transactions.none());
  }

  /** A received item. */
  private record Item(String element, String action, boolean shareKey, Integer offset, Integer items,
      List<Map.Entry<String, String>> fields) {}

  /** A received transaction. */
  private record Received(Integer id, List<String> meta, List<Item> items) {}

  @Override
  public Answer handle(Request request) {
    if (!request.method().equals("POST")) {
      return Answer.text(405, "text/plain; charset=utf-8", "packets are POSTed");
    }
    XmlWriter out = XmlWriter.utf8().start("aspcfs");
    Login login;
    List<Received> transactions = new ArrayList<>();
    try (XmlReader xml = XmlReader.of(request.body(), request.header("Content-Type"))) {
      login = read(xml, transactions);
    } catch (XmlReader.SyntaxException e) {
      return answer(packetError(out, "Error: " + e.reason()));
    } catch (WireFormatException e) {
      return answer(packetError(out, "Error: " + e.getMessage()));
    }
    String principal = login == null ? null : authenticator.authenticate(login);
    if (principal == null) {
      return answer(packetError(out, "Not authorized"));
    }
    if (transactions.isEmpty()) {
      return answer(packetError(out, "No transactions found"));
    }
    ItemContext base = new ItemContext(principal, login.clientId() != null && login.username() == null, null, null,
        null, isOn(request.header("object-validation")));
    for (Received transaction : transactions) {
      this.transactions.begin();
      boolean committed = false;
      try {
        committed = run(transaction, base, out);
      } finally {
        this.transactions.end(committed);
      }
    }
    return answer(out.end());
  }

  /** The server's reading of a boolean header: on for on, true, 1, y or yes, in any case; absent is on. */
  private static boolean isOn(String header) {
    return header == null || List.of("on", "true", "1", "y", "yes").contains(header.strip().toLowerCase(Locale.ROOT));
  }

  /** Reads the packet: its login, and its transactions into {@code transactions}. */
  private static Login read(XmlReader xml, List<Received> transactions) {
    Login login = null;
    while (xml.nextChild()) {
      switch (xml.name()) {
        case "authentication" -> { // the first, as the server's getFirstChild: a later one cannot stand in for it
          if (login == null) {
            login = login(xml);
          } else {
            xml.skip();
          }
        }
        case "transaction" -> transactions.add(transaction(xml));
        default -> xml.skip();
      }
    }
    return login;
  }

  private static Login login(XmlReader xml) {
    Map<String, String> fields = new HashMap<>();
    while (xml.nextChild()) {
      fields.put(xml.name(), xml.text().strip());
    }
    Integer clientId = number(fields.get("clientId"));
    return new Login(fields.get("id"), fields.get("username"), fields.get("code"), clientId,
        fields.get("systemId"));
  }

  private static Received transaction(XmlReader xml) {
    Integer id = number(xml.attribute("id"));
    List<String> meta = List.of();
    List<Item> items = new ArrayList<>();
    while (xml.nextChild()) {
      if (xml.name().equals("meta")) { // one meta per transaction, the last one wins, as the server's
        List<String> properties = new ArrayList<>();
        while (xml.nextChild()) {
          if (xml.name().equals("property")) {
            properties.add(xml.text().strip());
          } else {
            xml.skip();
          }
        }
        meta = properties;
        continue;
      }
      String element = xml.name();
      String type = xml.attribute("type");
      String action = type != null && !type.isEmpty() ? type : xml.attribute("action"); // type wins, as the server's
      boolean shareKey = "true".equalsIgnoreCase(xml.attribute("shareKey"));
      Integer offset = number(xml.attribute("offset"));
      Integer count = number(xml.attribute("items"));
      List<Map.Entry<String, String>> fields = new ArrayList<>();
      while (xml.nextChild()) {
        fields.add(new AbstractMap.SimpleImmutableEntry<>(xml.name(), xml.text().strip()));
      }
      items.add(new Item(element, action, shareKey, offset, count, fields));
    }
    return new Received(id, meta, items);
  }

  private static Integer number(String text) {
    try {
      return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null; // the server reads an id it cannot parse as none
    }
  }

  /**
   * Runs a transaction's items in order and writes its response; the first refusal fails it alone.
   *
   * @return whether it succeeded
   */
  private boolean run(Received transaction, ItemContext base, XmlWriter out) {
    Map<String, String> shared = new HashMap<>();
    RecordSet recordSet = null;
    String refusal = null;
    for (String property : transaction.meta()) {
      if (!XmlWriter.isName(property)) { // its records could not be written: refused before any item runs
        refusal = "Transaction failed\nthe meta property '" + property + "' cannot name an element";
        break;
      }
    }
    if (refusal == null && asTheRealServer && base.objectValidation() && transaction.items().stream().anyMatch(item ->
        ("insert".equals(item.action()) || "update".equals(item.action()))
            && item.fields().stream().anyMatch(field -> field.getValue().startsWith("$C{")))) {
      // validated before its references are filled in, each reads as no value; the server rolls back what ran
      refusal = VALIDATION_FAILED;
    }
    for (Item item : refusal == null ? transaction.items() : List.<Item>of()) {
      if (item.action() == null || item.action().isEmpty()) {
        refusal = "Action not specified";
        break;
      }
      if (!dispatcher.knows(item.element(), item.action())) {
        refusal = unsupported.errorText(item.element(), item.action());
        break;
      }
      ItemContext context = new ItemContext(base.principal(), base.syncClient(), transaction.id(), item.offset(),
          item.items(), base.objectValidation());
      ItemAnswer answer;
      try {
        answer = dispatcher.dispatch(item.element(), item.action(), FormReader.of(filled(item.fields(), shared)
            .stream().filter(field -> !field.getValue().isEmpty()).toList()), context);
      } catch (ItemRefusedException refused) {
        refusal = refused.errorText();
        break;
      } catch (WireFormatException | IllegalArgumentException | NullPointerException invalid) {
        refusal = "Transaction failed\n" + invalid.getMessage();
        break;
      } catch (RuntimeException bug) { // a handler's bug: one log line, and the transaction fails alone
        LOG.log(Level.WARNING, "item " + item.element() + " " + item.action() + " failed in its handler ("
            + bug.getClass().getName() + ")");
        refusal = "Transaction failed";
        break;
      }
      if (item.shareKey() && !answer.records().isEmpty() && answer.records().get(0).get("id") != null) {
        shared.put(item.element() + ".id", answer.records().get(0).get("id"));
      }
      if (recordSet == null && !answer.records().isEmpty()) { // the first item that gave records, as the server's
        recordSet = new RecordSet(item.element(), answer.records().size(), answer.total(), answer.records());
      }
    }
    out.start("response").attribute("id", transaction.id() == null ? null : transaction.id().toString());
    if (refusal != null) {
      out.element("status", "1").element("errorText", refusal).end();
      return false;
    }
    out.element("status", "0").element("errorText", "");
    if (recordSet != null) {
      out.start("recordSet").attribute("count", String.valueOf(recordSet.count()))
          .attribute("name", recordSet.name())
          .attribute("total", recordSet.total() == null ? null : recordSet.total().toString());
      for (PacketRecord record : recordSet.records()) {
        out.start("record").attribute("action", record.action());
        for (String property : transaction.meta()) { // the projection: each meta property, in meta order
          String value = record.get(property);
          out.element(property, value == null ? "" : value);
        }
        out.end();
      }
      out.end();
    }
    out.end();
    return true;
  }

  /** The fields with each {@code $C{element.key}} replaced by the key an earlier item shared. */
  private static List<Map.Entry<String, String>> filled(List<Map.Entry<String, String>> fields,
      Map<String, String> shared) {
    if (shared.isEmpty()) {
      return fields;
    }
    List<Map.Entry<String, String>> filled = new ArrayList<>(fields.size());
    for (Map.Entry<String, String> field : fields) {
      String value = field.getValue();
      String name = value.startsWith("$C{") && value.endsWith("}") ? value.substring(3, value.length() - 1) : null;
      if (name != null && shared.containsKey(name)) {
        value = shared.get(name);
      }
      filled.add(new AbstractMap.SimpleImmutableEntry<>(field.getKey(), value));
    }
    return filled;
  }

  private static XmlWriter packetError(XmlWriter out, String errorText) {
    return out.start("response").element("status", "1").element("errorText", errorText).end().end();
  }

  private Answer answer(XmlWriter out) {
    if (!asTheRealServer) {
      return new Answer(200, "text/xml; charset=utf-8", out.toBytes());
    }
    // the real server's container writes Latin-1 (a character beyond it as '?') under the page's UTF-8 declaration
    String text = new String(out.toBytes(), StandardCharsets.UTF_8);
    return new Answer(200, "text/xml;charset=ISO-8859-1", text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
