package dev.specbridge.examples.site;

import dev.specbridge.runtime.form.CallContext;
import dev.specbridge.runtime.form.CommandRefusedException;
import dev.specbridge.runtime.form.FormAuthenticator;
import dev.specbridge.runtime.form.FormEndpoint;
import dev.specbridge.runtime.form.FormReader;
import dev.specbridge.runtime.form.FormSink;
import dev.specbridge.runtime.form.RequestSigner;
import dev.specbridge.runtime.http.EmbeddedHttpServer;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.value.UnknownFields;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * An in-process emulator of the dealer website's API Service, served over real HTTP on loopback: the generated
 * {@link SiteServiceHandler} with in-memory users, tokens, leads, imports and orders behind the runtime's
 * {@link FormEndpoint}. It follows what the public command pages say; where they are silent it makes things up,
 * and says so here: the answer to {@code create_order} carries an {@code order_id} (kept by the client as an
 * unknown field); {@code result_totals} counts {@code merged}, {@code updated} or {@code transferred} leads;
 * {@code query_users} answers its documented map keyed by user id as {@code 1001[username]=…} pairs; a lead, as
 * {@code leads_get} lists it, is the pairs it was created with plus {@code id}, {@code user_id}, {@code tags} and
 * {@code pool}; a CSV import's first line names the lead fields. Of the 13 undocumented commands it answers
 * {@code ping}, echoing the extra parameters it was sent; the others answer that they are not supported.
 *
 * <p>It accepts the login {@value #LOGIN_ID} / {@value #PASSWORD} (the pages' example), the site token
 * {@value #SITECOM_TOKEN}, the {@code ai_token}s it issued, and requests signed by the {@link RequestSigner} it is
 * given for the user {@value #LOGIN_ID} (the real signature algorithm is not public). {@code user_login_token}
 * needs no credentials, as in the page's example.
 */
public final class SiteServiceEmulator implements SiteServiceHandler, AutoCloseable {
  public static final String LOGIN_ID = "apiuser";
  public static final String PASSWORD = "APIuser123";
  public static final String SITECOM_TOKEN = "emulator-sitecom-token";
  /** A customer present from the start: id 1001, password {@code Pass1234}, external id {@code ext-1001}. */
  public static final String SEEDED_USER = "johndoe";

  private final Clock clock;
  private final RequestSigner signer;
  private final SecureRandom random = new SecureRandom();
  private final Set<String> seenNonces = new HashSet<>();
  private final Map<Integer, User> users = new TreeMap<>();
  private final Map<String, Token> tokens = new HashMap<>();
  private final Map<Long, Map<String, String>> leads = new TreeMap<>();
  private final Map<Integer, Import> imports = new TreeMap<>();
  private final Map<Integer, CreateOrderRequest> orders = new TreeMap<>();
  private final Map<Integer, String> trackingNumbers = new HashMap<>();
  private final List<CreateHostedCheckoutRequest> checkouts = new ArrayList<>();
  private final List<SendSystemEmailRequest> sentEmails = new ArrayList<>();
  private final Map<Integer, Integer> invites = new HashMap<>();
  private int nextId = 1001;
  private int nextSession = 31754;
  private EmbeddedHttpServer server; // its own server; null when mounted in another one
  private volatile String url; // where it is served, read by the handler threads (a dashboard link)

  private SiteServiceEmulator(Clock clock, RequestSigner signer) {
    this.clock = clock;
    this.signer = signer;
    User seeded = new User(nextId++);
    seeded.pairs.putAll(Map.of("username", SEEDED_USER, "first_name", "John", "last_name", "Doe",
        "email", "john.doe@example.com", "phone", "8005551234", "external_id", "ext-1001",
        "account_type", "Customer", "company", "Doe Enterprises", "country", "US"));
    seeded.password = "Pass1234";
    users.put(seeded.id, seeded);
  }

  /** Starts the emulator on a free loopback port; close it to stop. */
  public static SiteServiceEmulator start(Clock clock, RequestSigner signer) throws IOException {
    SiteServiceEmulator emulator = new SiteServiceEmulator(clock, signer);
    emulator.server = EmbeddedHttpServer.start(SiteServiceClient.PATH, emulator.endpoint());
    emulator.servedAt(emulator.server.url(SiteServiceClient.PATH));
    return emulator;
  }

  /**
   * An emulator without a server of its own, to mount in another one (as {@code servlet.JettySite} does): serve
   * its {@link #endpoint()}, then say where with {@link #servedAt}.
   */
  public static SiteServiceEmulator unstarted(Clock clock, RequestSigner signer) {
    return new SiteServiceEmulator(clock, signer);
  }

  /** The emulator as a form endpoint: its handler behind its authenticator. */
  public FormEndpoint endpoint() {
    return new FormEndpoint(SiteServiceHandler.dispatcher(this), this::authenticate);
  }

  /** Where the emulator is served, the URL its clients call; the links it answers with start there. */
  public void servedAt(String url) {
    this.url = url;
  }

  /** The service URL, {@code http://127.0.0.1:<port>/service}. */
  public String url() {
    if (url == null) {
      throw new IllegalStateException("the emulator is not served yet: mount its endpoint(), then call servedAt");
    }
    return url;
  }

  /** The emails {@code send_system_email} accepted, in order. */
  public synchronized List<SendSystemEmailRequest> sentEmails() {
    return List.copyOf(sentEmails);
  }

  /** The order {@code create_order} stored under an id, as the server decoded it, or {@code null}. */
  public synchronized CreateOrderRequest order(int orderId) {
    return orders.get(orderId);
  }

  /** The hosted checkouts created, in order. */
  public synchronized List<CreateHostedCheckoutRequest> checkouts() {
    return List.copyOf(checkouts);
  }

  /** The tracking number {@code update_order} set on an order, or {@code null}. */
  public synchronized String trackingNumber(int orderId) {
    return trackingNumbers.get(orderId);
  }

  /** How many invites a user was issued. */
  public synchronized int invites(int userId) {
    return invites.getOrDefault(userId, 0);
  }

  /** Stops its own server, if it has one. */
  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }

  // ---- authentication -------------------------------------------------------------------------------------

  private synchronized String authenticate(FormAuthenticator.Credentials credentials) {
    if (credentials.signedUser() != null) {
      String expected = signer.sign(new RequestSigner.Input(credentials.signedUser(), credentials.command(),
          credentials.nonce(), credentials.body()));
      if (!credentials.signedUser().equals(LOGIN_ID) || credentials.nonce() == null
          || !same(expected, credentials.signature())) {
        throw new CommandRefusedException(1, "Authentication failed");
      }
      if (!seenNonces.add(credentials.nonce())) {
        throw new CommandRefusedException(1, "Nonce already used");
      }
      return LOGIN_ID;
    }
    if (credentials.loginId() != null) {
      if (credentials.loginId().equals(LOGIN_ID) && same(PASSWORD, credentials.password())) {
        return LOGIN_ID;
      }
      throw new CommandRefusedException(1, "Authentication failed");
    }
    if (credentials.sitecomToken() != null) {
      if (same(SITECOM_TOKEN, credentials.sitecomToken())) {
        return "site";
      }
      throw new CommandRefusedException(1, "Authentication failed");
    }
    if (credentials.userToken() != null) {
      Token token = tokens.get(credentials.userToken());
      if (token != null && token.expiration.isAfter(LocalDateTime.now(clock))) {
        return "user:" + token.userId;
      }
      throw new CommandRefusedException(1, "Invalid or expired ai_token");
    }
    if ("user_login_token".equals(credentials.command())) {
      return "anonymous"; // the page's example sends username and password only
    }
    throw new CommandRefusedException(1, "Authentication failed");
  }

  private static boolean same(String expected, String given) {
    return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8));
  }

  /** The acting user: the one named by user_id, or the ai_token's owner. */
  private int actingUser(Integer userId, CallContext context) {
    if (userId != null) {
      return user(userId).id;
    }
    if (context.principal().startsWith("user:")) {
      return Integer.parseInt(context.principal().substring("user:".length()));
    }
    throw new CommandRefusedException(1, "Required parameter \"user_id\" missing (or use ai_token)");
  }

  // ---- users and tokens -----------------------------------------------------------------------------------

  @Override
  public synchronized ValidateUserResponse validateUser(ValidateUserRequest request, CallContext context) {
    User user = byField("username", request.username());
    boolean match = user != null && user.password != null && same(user.password, request.password());
    return ValidateUserResponse.builder()
        .validation(match ? ValidateUserResponse.Validation.SUCCESS : ValidateUserResponse.Validation.FAIL)
        .userId(match ? user.id : null)
        .build();
  }

  @Override
  public synchronized UserLoginTokenResponse userLoginToken(UserLoginTokenRequest request, CallContext context) {
    User user = byField("username", request.username());
    if (user == null || user.password == null || !same(user.password, request.password())) {
      throw new CommandRefusedException(1, "Invalid username or password");
    }
    Token current = tokens.values().stream().filter(t -> t.userId == user.id).findFirst().orElse(null);
    if (current != null && !Boolean.TRUE.equals(request.reissue())
        && current.expiration.isAfter(LocalDateTime.now(clock))) {
      return UserLoginTokenResponse.builder().aiToken(current.value).build();
    }
    return UserLoginTokenResponse.builder().aiToken(issue(user.id, current, request.expiration()).value).build();
  }

  @Override
  public synchronized UserLoginTokenUpdateResponse userLoginTokenUpdate(UserLoginTokenUpdateRequest request,
      CallContext context) {
    Token current = tokens.get(request.aiToken());
    if (current == null) {
      throw new CommandRefusedException(1, "Unknown ai_token");
    }
    // "only used for brand new keys or when reissue is true": without reissue, the token and its expiration stay
    Token updated = Boolean.TRUE.equals(request.reissue())
        ? issue(current.userId, current, request.expiration())
        : current;
    return UserLoginTokenUpdateResponse.builder()
        .aiToken(updated.value)
        .aiExpiration(updated.expiration)
        .build();
  }

  private Token issue(int userId, Token replaced, String expiration) {
    if (replaced != null) {
      tokens.remove(replaced.value);
    }
    Token token = new Token(HexFormat.of().formatHex(randomBytes(16)).toUpperCase(), userId,
        expiration == null ? LocalDateTime.now(clock).plusDays(30) : parseTime(expiration));
    tokens.put(token.value, token);
    return token;
  }

  /** A small stand-in for PHP's strtotime: a date, or a date and time. */
  private static LocalDateTime parseTime(String text) {
    try {
      return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay()
          : LocalDateTime.parse(text.replace(' ', 'T'));
    } catch (DateTimeParseException e) {
      throw new CommandRefusedException(1, "Invalid expiration: " + text);
    }
  }

  @Override
  public synchronized UserLoginLinkResponse userLoginLink(UserLoginLinkRequest request, CallContext context) {
    User user = byField("external_id", request.externalId());
    if (user == null) {
      User sameName = request.username() == null ? null : byField("username", request.username());
      if (sameName != null) {
        boolean sameEmail = request.email() != null && request.email().equals(sameName.pairs.get("email"));
        if (!Boolean.TRUE.equals(request.pairExisting()) || !sameEmail) {
          throw new CommandRefusedException(1, "Username already exists");
        }
        sameName.pairs.put("external_id", request.externalId());
        user = sameName;
      } else {
        if (request.username() == null) {
          throw new CommandRefusedException(1, "No user has external_id " + request.externalId()
              + "; a username is required to create one");
        }
        user = create(pairsOf(UserLoginLinkRequest::writeForm, request), request.password());
      }
    }
    int session = nextSession++;
    String key = HexFormat.of().formatHex(randomBytes(5));
    return UserLoginLinkResponse.builder()
        .userId(user.id)
        .aiSid(session)
        .aiSidKey(key)
        .dashboardUrl(url().replace(SiteServiceClient.PATH, "/dashboard") + "?ai_sid=" + session
            + "&ai_sid_key=" + key)
        .build();
  }

  @Override
  public synchronized CreateCustomerResponse createCustomer(CreateCustomerRequest request, CallContext context) {
    if (byField("username", request.username()) != null) {
      throw new CommandRefusedException(1, "Username already exists");
    }
    User user = create(pairsOf(CreateCustomerRequest::writeForm, request), request.password());
    return CreateCustomerResponse.builder().userId(user.id).build();
  }

  @Override
  public synchronized UpdateUserResponse updateUser(UpdateUserRequest request, CallContext context) {
    User user = request.userId() != null ? users.get(request.userId())
        : request.username() != null ? byField("username", request.username())
        : request.externalId() != null ? byField("external_id", request.externalId())
        : null;
    if (user == null) {
      throw new CommandRefusedException(1, "No such user (give userID, username or exteral_id)");
    }
    Map<String, String> changes = pairsOf(UpdateUserRequest::writeForm, request);
    changes.remove("userID");
    changes.remove("exteral_id"); // names the user; it does not rename the external id
    if (changes.containsKey("password")) {
      user.password = changes.remove("password");
    }
    user.pairs.putAll(changes);
    return UpdateUserResponse.builder().build();
  }

  @Override
  public synchronized QueryUsersResponse queryUsers(QueryUsersRequest request, CallContext context) {
    Map<String, String> filters = pairsOf(QueryUsersRequest::writeForm, request);
    boolean approximate = "1".equals(filters.remove("proximity_search"));
    boolean countOnly = "1".equals(filters.remove("return_count_only"));
    String byId = filters.remove("userID");
    List<User> found = new ArrayList<>();
    for (User user : users.values()) {
      boolean matches = byId == null || byId.equals(String.valueOf(user.id));
      for (Map.Entry<String, String> filter : filters.entrySet()) {
        String value = user.pairs.getOrDefault(filter.getKey(), "");
        matches &= approximate ? value.toLowerCase().contains(filter.getValue().toLowerCase())
            : value.equalsIgnoreCase(filter.getValue());
      }
      if (matches) {
        found.add(user);
      }
    }
    if (countOnly) {
      return QueryUsersResponse.builder().numResults(found.size()).build();
    }
    // The page documents a map keyed by user id; in name-value pairs that is 1001[username]=johndoe, …
    UnknownFields usersById = UnknownFields.empty();
    for (User user : found) {
      for (String field : List.of("username", "first_name", "company", "last_name", "email", "account_type")) {
        usersById = usersById.with(user.id + "[" + field + "]", user.pairs.getOrDefault(field, ""));
      }
    }
    return QueryUsersResponse.builder().unknownFields(usersById).build();
  }

  @Override
  public synchronized IssueInvitesResponse issueInvites(IssueInvitesRequest request, CallContext context) {
    User user = request.userId() != null ? users.get(request.userId())
        : byField("external_id", request.externalUserId());
    if (user == null) {
      throw new CommandRefusedException(1, "No such user");
    }
    invites.merge(user.id, request.qty() == null ? 1 : request.qty(), Integer::sum);
    return IssueInvitesResponse.builder().build();
  }

  @Override
  public synchronized SendSystemEmailResponse sendSystemEmail(SendSystemEmailRequest request, CallContext context) {
    if ((request.id() == null) == (request.title() == null)) {
      throw new CommandRefusedException(1, "Either 'id' or 'title' needs to be included; both is not allowed");
    }
    sentEmails.add(request);
    return SendSystemEmailResponse.builder().build();
  }

  private User create(Map<String, String> pairs, String password) {
    User user = new User(nextId++);
    pairs.remove("password");
    pairs.remove("pair_existing");
    user.pairs.putAll(pairs);
    user.password = password;
    users.put(user.id, user);
    return user;
  }

  private User user(int id) {
    User user = users.get(id);
    if (user == null) {
      throw new CommandRefusedException(1, "No user " + id);
    }
    return user;
  }

  private User byField(String wireName, String value) {
    return value == null ? null : users.values().stream()
        .filter(user -> value.equals(user.pairs.get(wireName)))
        .findFirst().orElse(null);
  }

  // ---- leads ----------------------------------------------------------------------------------------------

  @Override
  public synchronized CreateLeadResponse createLead(CreateLeadRequest request, CallContext context) {
    Map<String, String> lead = pairsOf(CreateLeadRequest::writeForm, request);
    lead.remove("tag_append");
    if (!request.tagAppend().isEmpty()) {
      lead.put("tags", String.join(",", request.tagAppend()));
    }
    return CreateLeadResponse.builder().leadId(insertLead(lead, context)).build();
  }

  @Override
  public synchronized LeadSetResponse leadSet(LeadSetRequest request, CallContext context) {
    Map<String, String> fields = pairsOf(LeadSetRequest::writeForm, request);
    fields.remove("mode");
    if (request.mode().equals(LeadSetRequest.Mode.INSERT)) {
      fields.remove("lead_id");
      insertLead(fields, context);
    } else if (request.mode().equals(LeadSetRequest.Mode.UPDATE)) {
      Map<String, String> lead = request.leadId() != null ? leads.get(parseId(request.leadId()))
          : leads.values().stream().filter(l -> request.externalId() != null
              && request.externalId().equals(l.get("external_id"))).findFirst().orElse(null);
      if (lead == null) {
        throw new CommandRefusedException(1, "Mode 'update' needs the lead_id or external_id of a lead");
      }
      fields.remove("lead_id");
      lead.putAll(fields);
    } else {
      throw new CommandRefusedException(1, "Mode must be 'insert' or 'update'");
    }
    return LeadSetResponse.builder().build();
  }

  private int insertLead(Map<String, String> fields, CallContext context) {
    int id = nextId++;
    Map<String, String> lead = new LinkedHashMap<>();
    lead.put("id", String.valueOf(id));
    lead.put("user_id", context.principal().startsWith("user:") ? context.principal().substring(5) : "1001");
    lead.putAll(fields);
    leads.put((long) id, lead);
    return id;
  }

  @Override
  public synchronized LeadsGetResponse leadsGet(LeadsGetRequest request, CallContext context) {
    Integer owner = request.userId() != null || context.principal().startsWith("user:")
        ? actingUser(request.userId(), context) : null;
    Map<String, String> search = searchParams(request.searchParams());
    List<Map<String, String>> matching = leads.values().stream()
        .filter(lead -> owner == null || String.valueOf(owner).equals(lead.get("user_id")))
        .filter(lead -> search.entrySet().stream().allMatch(term -> term.getKey().equals("tag")
            ? tags(lead).contains(term.getValue())
            : term.getValue().equals(lead.get(term.getKey()))))
        .toList();
    int size = request.pageSize() == null ? 20 : Math.max(1, request.pageSize());
    int page = request.pageNumber() == null ? 1 : Math.max(1, request.pageNumber());
    List<RawJson> listed = new ArrayList<>();
    for (Map<String, String> lead : matching.subList(Math.min(matching.size(), (page - 1) * size),
        Math.min(matching.size(), page * size))) {
      Map<String, String> shown = new LinkedHashMap<>(lead);
      if (!request.limitFields().isEmpty()) {
        shown.keySet().retainAll(request.limitFields());
      }
      listed.add(new RawJson(Json.write(shown)));
    }
    return LeadsGetResponse.builder()
        .numResults(listed.size())
        .totalResults(matching.size())
        .leads(listed)
        .build();
  }

  /** {@code search_params} as the lead-management URL's query: {@code status=1&tag=prospect}. */
  private static Map<String, String> searchParams(String text) {
    Map<String, String> terms = new LinkedHashMap<>();
    if (text != null) {
      FormReader.parse(text).rest().entries().forEach(entry -> terms.put(entry.name(), entry.raw()));
    }
    return terms;
  }

  @Override
  public synchronized LeadsMergeResponse leadsMerge(LeadsMergeRequest request, CallContext context) {
    Map<String, String> target = lead(request.mergeToLead());
    request.mergeLeadList().forEach(this::lead); // every lead must exist before any is merged
    int merged = 0;
    for (long sourceId : request.mergeLeadList()) {
      if (sourceId == request.mergeToLead()) {
        continue;
      }
      Map<String, String> source = lead(sourceId);
      source.forEach((name, value) -> {
        if (!value.isEmpty() && target.getOrDefault(name, "").isEmpty()) {
          target.put(name, value); // the first non-empty value in list order is kept
        }
      });
      leads.remove(sourceId);
      merged++;
    }
    return LeadsMergeResponse.builder().resultTotals(totals("merged", merged)).build();
  }

  @Override
  public synchronized LeadsMultiManageTagsResponse leadsMultiManageTags(LeadsMultiManageTagsRequest request,
      CallContext context) {
    request.leadList().forEach(this::lead); // all or nothing
    for (long id : request.leadList()) {
      Map<String, String> lead = lead(id);
      Set<String> tags = tags(lead);
      tags.addAll(request.tagsAdd());
      request.tagsRemove().forEach(tags::remove);
      lead.put("tags", String.join(",", tags));
    }
    return LeadsMultiManageTagsResponse.builder()
        .resultTotals(totals("updated", request.leadList().size()))
        .build();
  }

  @Override
  public synchronized LeadsMultiTransferResponse leadsMultiTransfer(LeadsMultiTransferRequest request,
      CallContext context) {
    String to;
    if (request.toUserId() != null) {
      to = String.valueOf(user(request.toUserId()).id);
    } else if (request.toUsername() != null) {
      User user = byField("username", request.toUsername());
      if (user == null) {
        throw new CommandRefusedException(1, "No user " + request.toUsername());
      }
      to = String.valueOf(user.id);
    } else if (request.toPool() == null) {
      throw new CommandRefusedException(1, "Provide to_userid, to_username or to_pool");
    } else {
      to = null;
    }
    request.leadList().forEach(this::lead); // all or nothing
    for (long id : request.leadList()) {
      Map<String, String> lead = lead(id);
      if (to != null) {
        lead.put("user_id", to);
      } else {
        lead.put("pool", request.toPool());
      }
      if (Boolean.TRUE.equals(request.resetLeads())) {
        lead.remove("notes");
        lead.remove("admin_notes");
      }
    }
    return LeadsMultiTransferResponse.builder()
        .resultTotals(totals("transferred", request.leadList().size()))
        .build();
  }

  private Map<String, String> lead(long id) {
    Map<String, String> lead = leads.get(id);
    if (lead == null) {
      throw new CommandRefusedException(1, "Error Occurred", "Lead " + id + " does not exist");
    }
    return lead;
  }

  private static Set<String> tags(Map<String, String> lead) {
    Set<String> tags = new LinkedHashSet<>();
    for (String tag : lead.getOrDefault("tags", "").split(",")) {
      if (!tag.isBlank()) {
        tags.add(tag.strip());
      }
    }
    return tags;
  }

  private static RawJson totals(String counter, int count) {
    return new RawJson(Json.write(Map.of(counter, count)));
  }

  private static long parseId(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new CommandRefusedException(1, "Invalid lead_id: " + text);
    }
  }

  // ---- CSV imports ----------------------------------------------------------------------------------------

  @Override
  public synchronized LeadsCsvImportResponse leadsCsvImport(LeadsCsvImportRequest request, CallContext context) {
    int owner = request.userId() != null || context.principal().startsWith("user:")
        ? actingUser(request.userId(), context) : 1001;
    Import queued = new Import(imports.size() + 1, request, owner, LocalDateTime.now(clock));
    imports.put(queued.id, queued);
    if (Boolean.TRUE.equals(request.processNow())) {
      return LeadsCsvImportResponse.builder().summary(run(queued)).build();
    }
    return LeadsCsvImportResponse.builder().processId(queued.id).build();
  }

  @Override
  public synchronized LeadsCsvImportStatusResponse leadsCsvImportStatus(LeadsCsvImportStatusRequest request,
      CallContext context) {
    Import found = request.processId() != null ? imports.get(request.processId())
        : imports.values().stream().filter(i -> i.fileName().equals(request.processFilename())).findFirst()
            .orElse(null);
    if (found == null) {
      throw new CommandRefusedException(1, "Either process_id or process_filename of an import is required");
    }
    ImportSummary summary = found.summary == null ? run(found) : found.summary; // a queued import runs when asked
    return LeadsCsvImportStatusResponse.builder()
        .currentStatus(LeadsCsvImportStatusResponse.CurrentStatus.FINISHED)
        .rowsPercent(new BigDecimal("100.00"))
        .dCreated(found.created)
        .dStarted(found.created)
        .dUpdated(LocalDateTime.now(clock).withNano(0))
        .usedFile("uploads/" + found.fileName())
        .usedConfig(found.request.configJson())
        .summary(summary)
        .build();
  }

  /** Imports the file: a header line of lead field names, then one lead per line. */
  private ImportSummary run(Import job) {
    String[] lines = job.request.csvFile().strip().split("\r?\n");
    String[] header = lines[0].split(",", -1);
    int inserted = 0;
    int skipped = 0;
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",", -1);
      if (lines[i].isBlank() || cells.length != header.length) {
        skipped++;
        continue;
      }
      Map<String, String> lead = new LinkedHashMap<>();
      for (int c = 0; c < header.length; c++) {
        lead.put(header[c].strip(), cells[c].strip());
      }
      insertLead(lead, new CallContext("leads_csv_import", "user:" + job.owner));
      inserted++;
    }
    job.summary = ImportSummary.builder()
        .fileUploadCount(lines.length - 1)
        .fileUploadTotal(lines.length - 1)
        .totalCount(lines.length - 1)
        .insertCount(inserted)
        .fileUploadInsertCount(inserted)
        .fileUploadUpdateCount(0)
        .updateCount(0)
        .skipCount(skipped)
        .fileUploadSkipCount(skipped)
        .totalSkipped(skipped)
        .duplicateCount(0)
        .emptyCount(0)
        .unchangedCount(0)
        .fileBasename(job.fileName())
        .build();
    return job.summary;
  }

  // ---- orders ---------------------------------------------------------------------------------------------

  @Override
  public synchronized CreateOrderResponse createOrder(CreateOrderRequest request, CallContext context) {
    user(request.userId());
    if (request.products().isEmpty()) {
      throw new CommandRefusedException(1, "Fail", "products must list at least one product");
    }
    int id = nextId++;
    orders.put(id, request);
    // not on the page, which documents no order id in the answer: the emulator's own pair
    return CreateOrderResponse.builder()
        .unknownFields(UnknownFields.empty().with("order_id", String.valueOf(id)))
        .build();
  }

  @Override
  public synchronized UpdateOrderResponse updateOrder(UpdateOrderRequest request, CallContext context) {
    if (!orders.containsKey(request.orderId())) {
      throw new CommandRefusedException(1, "Fail", "No order " + request.orderId());
    }
    if (request.trackingNum() != null) {
      trackingNumbers.put(request.orderId(), request.trackingNum());
    }
    return UpdateOrderResponse.builder().build();
  }

  @Override
  public synchronized CreateHostedCheckoutResponse createHostedCheckout(CreateHostedCheckoutRequest request,
      CallContext context) {
    checkouts.add(request);
    return CreateHostedCheckoutResponse.builder().build();
  }

  // ---- undocumented ---------------------------------------------------------------------------------------

  @Override
  public PingResponse ping(PingRequest request, CallContext context) {
    return PingResponse.builder().unknownFields(request.unknownFields()).build();
  }

  // ---- helpers --------------------------------------------------------------------------------------------

  /** A request's wire pairs, written by the generated codec: the emulator stores what the wire carries. */
  private static <T> Map<String, String> pairsOf(BiConsumer<FormSink, T> codec, T request) {
    Map<String, String> pairs = new LinkedHashMap<>();
    codec.accept((name, value) -> {
      if (value != null) {
        pairs.put(name, value);
      }
    }, request);
    return pairs;
  }

  private byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  private static final class User {
    final int id;
    final Map<String, String> pairs = new LinkedHashMap<>();
    String password;

    User(int id) {
      this.id = id;
    }
  }

  private record Token(String value, int userId, LocalDateTime expiration) {}

  private static final class Import {
    final int id;
    final LeadsCsvImportRequest request;
    final int owner;
    final LocalDateTime created;
    ImportSummary summary;

    Import(int id, LeadsCsvImportRequest request, int owner, LocalDateTime created) {
      this.id = id;
      this.request = request;
      this.owner = owner;
      this.created = created.withNano(0);
    }

    String fileName() {
      return "imp_" + id + ".csv";
    }
  }
}
