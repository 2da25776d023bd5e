package dev.specbridge.runtime.packet;

import dev.specbridge.runtime.error.MalformedResponseException;
import dev.specbridge.runtime.error.NotAuthorizedException;
import dev.specbridge.runtime.http.HttpAnswer;
import dev.specbridge.runtime.http.HttpCall;
import dev.specbridge.runtime.http.HttpTransport;
import dev.specbridge.runtime.http.HttpUrls;
import dev.specbridge.runtime.value.Redaction;
import dev.specbridge.runtime.value.UnknownFields;
import dev.specbridge.runtime.wire.WireFormat;
import dev.specbridge.runtime.wire.WireFormatException;
import dev.specbridge.runtime.xml.XmlFields;
import dev.specbridge.runtime.xml.XmlReader;
import dev.specbridge.runtime.xml.XmlWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntFunction;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Sends XML packets of transactions to a Centric CRM server's {@code ProcessPacket.do} and reads its
 * {@code <aspcfs>} answer: a {@link TransactionResult} per transaction, a failed one reported on itself without
 * losing the others. Calls go through an {@link HttpTransport} (its own with every default, or one given to
 * share), whose deadline, size cap and listener apply; a packet is never retried, since a transaction that
 * inserted may not run twice.
 *
 * <p>A refused login ({@code Not authorized}) is a {@link NotAuthorizedException}; an answer that is not the
 * protocol's XML (malformed, another root, a response without a status) a {@link MalformedResponseException}
 * with the raw answer. The login's code never shows in a message, a {@code toString()} or a call's view.
 */
public final class PacketClient implements AutoCloseable {
  /** The API's system in the server's object map: 4 in every Centric install ({@code CFSHttpXMLWriter}). */
  public static final int API_SYSTEM = 4;

  /** How the server commits: the whole packet's bookkeeping at the end, or each transaction on its own. */
  public enum CommitLevel {
    PACKET("packet"),
    TRANSACTION("transaction");

    private final String wire;

    CommitLevel(String wire) {
      this.wire = wire;
    }
  }

  /** What no view of a packet shows: the login's code, and every password-like element. */
  private static final List<String> SECRETS = List.of("code", "password1", "password2", "encryptedPassword");

  private final HttpUrl url;
  private final PacketAuth auth;
  private final String id;
  private final int systemId;
  private final CommitLevel commitLevel;
  private final boolean objectValidation;
  private final Charset charset;
  private final HttpTransport transport;
  private final boolean ownsTransport;
  private final Function<String, Function<XmlReader, ?>> readers;

  private PacketClient(Builder builder) {
    this.readers = builder.readers;
    this.url = builder.url;
    this.auth = Objects.requireNonNull(builder.auth, "auth: say how the packets log in");
    this.id = builder.id != null ? builder.id : url.host();
    this.systemId = builder.systemId;
    this.commitLevel = builder.commitLevel;
    this.objectValidation = builder.objectValidation;
    this.charset = builder.charset;
    this.ownsTransport = builder.transport == null;
    this.transport = ownsTransport ? HttpTransport.defaults() : builder.transport;
  }

  /** A client of the server's packet URL, e.g. {@code https://crm.example.com/centric/ProcessPacket.do}. */
  public static Builder builder(String packetUrl) {
    return new Builder(packetUrl);
  }

  /** Sends the transactions as one packet and reads the answer. */
  public PacketAnswer send(List<Transaction> transactions) {
    return transport.send(call(transactions));
  }

  /** Sends the transactions as one packet without blocking. */
  public CompletableFuture<PacketAnswer> sendAsync(List<Transaction> transactions) {
    return transport.sendAsync(call(transactions));
  }

  private HttpCall<PacketAnswer> call(List<Transaction> transactions) {
    List<Transaction> sent = List.copyOf(transactions);
    byte[] body = packet(sent); // written once: a packet is never retried, and an error shows before sending
    return new HttpCall<>() {
      @Override
      public String name() {
        return sent.isEmpty() || sent.get(0).items().isEmpty() ? "packet"
            : sent.get(0).items().get(0).element() + " " + sent.get(0).items().get(0).action();
      }

      @Override
      public String what() {
        return "packet (" + sent.size() + (sent.size() == 1 ? " transaction)" : " transactions)");
      }

      @Override
      public boolean idempotent() {
        return false;
      }

      @Override
      public Request request() {
        return new Request.Builder().url(url)
            .header("commit-level", commitLevel.wire)
            .header("object-validation", String.valueOf(objectValidation))
            .post(RequestBody.create(body, MediaType.get("text/xml; charset=" + charset.name().toLowerCase())))
            .build();
      }

      @Override
      public PacketAnswer read(HttpAnswer answer) {
        return PacketClient.read(answer.body(), answer.contentType(), sent.size(), index -> echoed(sent.get(index)),
            readers);
      }

      @Override
      public String shown(String text) {
        return Redaction.hidden(Redaction.hiddenElements(text, SECRETS), SECRETS);
      }
    };
  }

  /** The packet's XML: the login, then each transaction with its meta and items. */
  byte[] packet(List<Transaction> transactions) {
    XmlWriter xml = XmlWriter.in(charset).start("app").start("authentication").element("id", id);
    if (auth instanceof PacketAuth.User user) {
      xml.element("username", user.username()).element("code", user.code());
    } else if (auth instanceof PacketAuth.SyncClient client) {
      xml.element("code", client.code()).element("clientId", String.valueOf(client.clientId()));
    }
    xml.element("systemId", String.valueOf(systemId)).end();
    XmlFields fields = new XmlFields(xml);
    for (Transaction transaction : transactions) {
      xml.start("transaction").attribute("id", transaction.id() == null ? null : transaction.id().toString());
      if (!transaction.meta().isEmpty()) {
        xml.start("meta");
        transaction.meta().forEach(property -> xml.element("property", property));
        xml.end();
      }
      for (PacketItem item : transaction.items()) {
        xml.start(item.element()).attribute("action", item.action())
            .attribute("shareKey", item.shareKey() ? "true" : null)
            .attribute("offset", item.offset() == null ? null : item.offset().toString())
            .attribute("items", item.items() == null ? null : item.items().toString());
        item.fields().accept(fields);
        xml.end();
      }
      xml.end();
    }
    return xml.end().toBytes();
  }

  /**
   * Reads an {@code <aspcfs>} answer to a packet of {@code sent} transactions: the first {@code sent} responses are
   * theirs, in order, any more are about the packet as a whole.
   *
   * @throws NotAuthorizedException when the server refused the login
   * @throws MalformedResponseException when the answer is not the protocol's XML
   */
  public static PacketAnswer read(byte[] body, String contentType, int sent) {
    return read(body, contentType, sent, name -> null);
  }

  /**
   * {@link #read(byte[], String, int)}, the records of a record set for whose name {@code readers} gives a reader
   * read typed by it, as they stream in ({@link PacketRecord#value(Class)}).
   */
  public static PacketAnswer read(byte[] body, String contentType, int sent,
      Function<String, Function<XmlReader, ?>> readers) {
    return read(body, contentType, sent, index -> null, readers);
  }

  /** The id the server echoes for a transaction: none for one sent without, or with -1 (its "no id"). */
  private static Integer echoed(Transaction transaction) {
    return transaction.id() == null || transaction.id() == -1 ? null : transaction.id();
  }

  /**
   * Reads an answer to {@code sent} transactions, the {@code index}th of which {@code ids} says the id of (or
   * {@code null} when none is known): a response without an id where one was sent is about the packet (the server
   * appends {@code Error: …} after the statuses it produced when it stops), and so is every response after it.
   */
  private static PacketAnswer read(byte[] body, String contentType, int sent, IntFunction<Integer> ids,
      Function<String, Function<XmlReader, ?>> readers) {
    List<TransactionResult> responses = new ArrayList<>();
    try (XmlReader xml = XmlReader.of(body, contentType)) {
      if (!xml.name().equals("aspcfs")) {
        throw new WireFormatException("the root element is <" + xml.name() + ">, not <aspcfs>");
      }
      while (xml.nextChild()) {
        if (xml.name().equals("response")) {
          responses.add(response(xml, readers));
        } else {
          xml.skip();
        }
      }
    } catch (WireFormatException e) {
      throw new MalformedResponseException("packet: the answer is not a Centric answer: " + e.getMessage(),
          raw(body, contentType), e);
    }
    for (TransactionResult response : responses) {
      if (response.id() == null && !response.ok() && response.errorText().equals("Not authorized")) {
        throw new NotAuthorizedException("packet: the server refused the login (Not authorized)",
            raw(body, contentType));
      }
    }
    int own = 0;
    while (own < Math.min(sent, responses.size())
        && !(responses.get(own).id() == null && ids.apply(own) != null)) {
      own++;
    }
    return new PacketAnswer(responses.subList(0, own), responses.subList(own, responses.size()));
  }

  private static TransactionResult response(XmlReader xml, Function<String, Function<XmlReader, ?>> readers) {
    String idText = xml.attribute("id");
    Integer id;
    try {
      id = idText == null ? null : Integer.valueOf(idText.strip());
    } catch (NumberFormatException e) {
      throw new WireFormatException("a response's id is not a number: '" + idText + "'");
    }
    String status = null;
    String errorText = null;
    RecordSet recordSet = null;
    UnknownFields unknown = UnknownFields.empty();
    while (xml.nextChild()) { // each once: a second status (1 then 0) winning would turn a failure into a success
      switch (xml.name()) {
        case "status" -> status = XmlReader.once(status, xml.text().strip(), "status");
        case "errorText" -> errorText = XmlReader.once(errorText, xml.text().replace("\r\n", "\n"), "errorText");
        case "recordSet" -> {
          if (recordSet != null) {
            throw new WireFormatException("element <recordSet> is written twice");
          }
          recordSet = recordSet(xml, readers);
        }
        default -> unknown = unknown.with(xml.name(), xml.raw(), WireFormat.XML);
      }
    }
    errorText = errorText == null ? "" : errorText;
    if (status == null) {
      throw new WireFormatException("response " + (id == null ? "without an id" : id) + " has no status");
    }
    int code;
    try {
      code = Integer.parseInt(status);
    } catch (NumberFormatException e) {
      throw new WireFormatException("response " + (id == null ? "without an id" : id) + " has the status '"
          + status + "', not a number");
    }
    return new TransactionResult(id, code, errorText, recordSet, unknown);
  }

  private static RecordSet recordSet(XmlReader xml, Function<String, Function<XmlReader, ?>> readers) {
    String name = xml.attribute("name");
    Function<XmlReader, ?> reader = name == null ? null : readers.apply(name);
    int count = number(xml.attribute("count"), "count");
    String totalText = xml.attribute("total");
    Integer total = totalText == null ? null : number(totalText, "total");
    List<PacketRecord> records = new ArrayList<>();
    while (xml.nextChild()) {
      if (!xml.name().equals("record")) {
        xml.skip();
        continue;
      }
      String action = xml.attribute("action");
      if (reader != null) {
        try {
          records.add(new PacketRecord(action, List.of(), reader.apply(xml)));
        } catch (IllegalArgumentException | NullPointerException refused) { // a record's checks: a required field…
          throw new WireFormatException("a record of " + name + " does not fit its object: "
              + (refused.getMessage() != null ? refused.getMessage() : refused), refused);
        }
        continue;
      }
      List<Map.Entry<String, String>> fields = new ArrayList<>();
      while (xml.nextChild()) {
        fields.add(new AbstractMap.SimpleImmutableEntry<>(xml.name(), xml.text()));
      }
      records.add(new PacketRecord(action, fields));
    }
    return new RecordSet(name, count, total, records);
  }

  private static int number(String text, String attribute) {
    try {
      return text == null ? -1 : Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new WireFormatException("a recordSet's " + attribute + " is not a number: '" + text + "'");
    }
  }

  /** The answer as text for an exception: in its HTTP charset, else UTF-8, a byte that is not text kept as one char. */
  private static String raw(byte[] body, String contentType) {
    return new HttpAnswer("packet", 200, "", okhttp3.Headers.of("Content-Type",
        contentType == null ? "text/xml" : contentType), body).raw();
  }

  /** The transport calls go through. */
  public HttpTransport transport() {
    return transport;
  }

  @Override
  public void close() {
    if (ownsTransport) {
      transport.close();
    }
  }

  @Override
  public String toString() {
    return "PacketClient[" + HttpUrls.shown(url.toString()) + ", " + auth + ", system " + systemId + "]";
  }

  /** Settings of a {@link PacketClient}. */
  public static final class Builder {
    private final HttpUrl url;
    private PacketAuth auth;
    private String id;
    private int systemId = API_SYSTEM;
    private CommitLevel commitLevel = CommitLevel.PACKET;
    private boolean objectValidation = true;
    private Charset charset = StandardCharsets.UTF_8;
    private HttpTransport transport;
    private boolean plainHttpAllowed;
    private final Map<String, Function<XmlReader, ?>> named = new java.util.HashMap<>();
    private Function<String, Function<XmlReader, ?>> readers = named::get;

    private Builder(String packetUrl) {
      this.url = HttpUrl.parse(Objects.requireNonNull(packetUrl, "packetUrl"));
      if (url == null) {
        throw new IllegalArgumentException("not an http or https URL: " + HttpUrls.shown(packetUrl));
      }
    }

    /** How the packets log in; required. */
    public Builder auth(PacketAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /** The {@code id} of the login: the server's host name by default, which a sync client's login must match. */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /** The system of the server's object map; {@value #API_SYSTEM}, the API's, by default. */
    public Builder systemId(int systemId) {
      this.systemId = systemId;
      return this;
    }

    /** The {@code commit-level} header; {@code packet}, the server's default, unless set. */
    public Builder commitLevel(CommitLevel commitLevel) {
      this.commitLevel = Objects.requireNonNull(commitLevel, "commitLevel");
      return this;
    }

    /**
     * The {@code object-validation} header; on by default, as the server's. Off, items are not validated before
     * their {@code $C{…}} references are filled in (the repository's own example packet needs it off).
     */
    public Builder objectValidation(boolean on) {
      this.objectValidation = on;
      return this;
    }

    /** The charset packets are written in; UTF-8 by default. */
    public Builder charset(Charset charset) {
      this.charset = Objects.requireNonNull(charset, "charset");
      return this;
    }

    /** The transport to call through, shared with other clients; by default one of its own. */
    public Builder transport(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /**
     * Reads the records of a record set named {@code recordSet} ({@code account}, {@code accountList}) typed, with
     * an object's generated reader ({@code Account::readXml}), as they stream in; what a generated client
     * registers for each of its objects and list forms.
     */
    public Builder records(String recordSet, Function<XmlReader, ?> reader) {
      named.put(Objects.requireNonNull(recordSet, "recordSet"), Objects.requireNonNull(reader, "reader"));
      return this;
    }

    /**
     * Reads the records of every record set for whose name {@code resolver} gives a reader typed (a generated
     * client's {@code reader(name)}); a name it gives {@code null} for is read by {@link #records(String,
     * Function)}'s readers, else as texts.
     */
    public Builder records(Function<String, Function<XmlReader, ?>> resolver) {
      Objects.requireNonNull(resolver, "resolver");
      this.readers = name -> {
        Function<XmlReader, ?> reader = resolver.apply(name);
        return reader != null ? reader : named.get(name);
      };
      return this;
    }

    /** Allows a plain {@code http://} URL, for tests and loopback emulators; the login travels in clear. */
    public Builder allowPlainHttp() {
      this.plainHttpAllowed = true;
      return this;
    }

    public PacketClient build() {
      HttpUrls.requireHttps(url, plainHttpAllowed, "the login");
      return new PacketClient(this);
    }
  }
}
