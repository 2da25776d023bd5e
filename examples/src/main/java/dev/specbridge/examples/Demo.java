package dev.specbridge.examples;

import dev.specbridge.examples.centric.Account;
import dev.specbridge.examples.centric.CentricCrmClient;
import dev.specbridge.examples.centric.CentricEmulator;
import dev.specbridge.examples.citytrips.Auth;
import dev.specbridge.examples.citytrips.AuthenticateMessage;
import dev.specbridge.examples.citytrips.CityTripsEmulator;
import dev.specbridge.examples.citytrips.FleetOperator;
import dev.specbridge.examples.citytrips.CitytripsOperatorClient;
import dev.specbridge.examples.citytrips.Country;
import dev.specbridge.examples.citytrips.NewUser;
import dev.specbridge.examples.citytrips.Vehicle;
import dev.specbridge.examples.citytrips.VehicleFullMessage;
import dev.specbridge.examples.citytrips.VehicleIncrementalMessage;
import dev.specbridge.examples.citytrips.VehicleStatusMessage;
import dev.specbridge.examples.site.CreateLeadRequest;
import dev.specbridge.examples.site.CreateLeadResponse;
import dev.specbridge.examples.site.IssueInvitesRequest;
import dev.specbridge.examples.site.LeadsGetRequest;
import dev.specbridge.examples.site.LeadsMergeRequest;
import dev.specbridge.examples.site.SiteServiceClient;
import dev.specbridge.examples.site.SiteServiceEmulator;
import dev.specbridge.examples.site.StandInSigner;
import dev.specbridge.examples.site.UserLoginTokenRequest;
import dev.specbridge.examples.site.ValidateUserRequest;
import dev.specbridge.examples.site.notifications.GenericNotification;
import dev.specbridge.examples.site.notifications.MemberDirectory;
import dev.specbridge.examples.site.notifications.MembershipNotification;
import dev.specbridge.examples.site.notifications.NewUserNotification;
import dev.specbridge.examples.site.notifications.SiteNotification;
import dev.specbridge.examples.site.notifications.SiteNotificationsHandler;
import dev.specbridge.runtime.error.CommandFailedException;
import dev.specbridge.runtime.form.FormAuth;
import dev.specbridge.runtime.form.FormBatch;
import dev.specbridge.runtime.form.FormServiceClient;
import dev.specbridge.runtime.http.EmbeddedHttpServer;
import dev.specbridge.runtime.packet.PacketAnswer;
import dev.specbridge.runtime.packet.PacketAuth;
import dev.specbridge.runtime.packet.PacketItem;
import dev.specbridge.runtime.packet.RecordSet;
import dev.specbridge.runtime.packet.Transaction;
import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.value.StringOr;
import dev.specbridge.runtime.value.UnknownFields;
import dev.specbridge.runtime.webhook.Deduplicator;
import dev.specbridge.runtime.webhook.NotificationAuth;
import dev.specbridge.runtime.webhook.NotificationEndpoint;
import dev.specbridge.runtime.webhook.NotificationSender;
import dev.specbridge.runtime.webhook.WebhookMessage;
import dev.specbridge.runtime.websocket.SocketListener;
import dev.specbridge.runtime.websocket.SocketSession;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The tour: calls the site-service API through its generated client against an in-process emulator over real
 * HTTP, receives the site's notifications through the generated handler's endpoint, then builds records generated from the bundled CityTrips spec plus this module's extension and shows
 * what they do, and sends Centric CRM packets to an emulator of its server. Run it with {@code mvn -B -q -Pdemo -DskipTests package} from the project root.
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) throws IOException {
    run(System.out);
  }

  static void run(PrintStream out) throws IOException {
    siteService(out);
    out.println();
    siteNotifications(out);
    out.println();
    cityTrips(out);
    out.println();
    centric(out);
    out.println();
    operator(out);
  }

  static void operator(PrintStream out) throws IOException {
    try (CityTripsEmulator emulator = CityTripsEmulator.start("730f8a96", "a9eb2bc7-secret")) {
      out.println("specbridge demo, part 6: a CityTrips operator session (apispec/citytrips.yaml) against an"
          + " emulator of its server at " + emulator.url());
      Vehicle car = Vehicle.builder().id("car-17").battery(82).country(Country.SPAIN).city("Madrid").build();
      FleetOperator operator = new FleetOperator(List.of(car));
      java.util.concurrent.BlockingQueue<String> events = new java.util.concurrent.LinkedBlockingQueue<>();
      SocketListener listener = new SocketListener() {
        @Override
        public void onMessage(String command, RawJson payload) {}

        @Override
        public void onAuthenticated() {
          events.add("authenticated");
        }

        @Override
        public void onDisconnected(String reason, Throwable failure) {
          events.add("disconnected");
        }
      };
      AuthenticateMessage login = AuthenticateMessage.builder().payload(Auth.builder().clientId("730f8a96")
          .apiKey("a9eb2bc7-secret").build()).build();
      try (SocketSession session = CitytripsOperatorClient.session(emulator.url(), login, operator, listener)
          .allowPlainHttp().backoff(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(200)).connect()) {
        out.println("1. Connected and " + take(events) + "; the server asked for the fleet, the handler sent "
            + take(emulator.received(), "s_vehicle/full").payload().json());
        emulator.sendNewUser(NewUser.builder().termsAccepted(true).username("ana").build());
        out.println("2. s_user/new answered with the spec's reply: " + take(emulator.received(),
            "s_user/new_result").payload().json());
        emulator.dropConnections();
        out.println("3. The connection dropped (" + take(events) + "); sent meanwhile, queued:");
        new CitytripsOperatorClient(session::send).vehicleIncremental(VehicleIncrementalMessage.builder()
            .payload(List.of(car.toBuilder().battery(79).build())).build());
        out.println("   reconnected and " + take(events) + " again, then it went out once: "
            + take(emulator.received(), "s_vehicle/incremental").payload().json());
      }
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("the CityTrips emulator failed", e);
    }
  }

  private static String take(java.util.concurrent.BlockingQueue<String> queue) throws InterruptedException {
    String value = queue.poll(10, java.util.concurrent.TimeUnit.SECONDS);
    if (value == null) {
      throw new IllegalStateException("nothing came in 10 s");
    }
    return value;
  }

  /** The next message of {@code command} the emulator received, passing over the others (logins, fleets). */
  private static CityTripsEmulator.Received take(java.util.concurrent.BlockingQueue<CityTripsEmulator.Received> queue,
      String command) throws InterruptedException {
    while (true) {
      CityTripsEmulator.Received received = queue.poll(10, java.util.concurrent.TimeUnit.SECONDS);
      if (received == null) {
        throw new IllegalStateException("no " + command + " came in 10 s");
      }
      if (received.command().equals(command)) {
        return received;
      }
    }
  }

  static void centric(PrintStream out) throws IOException {
    try (CentricEmulator emulator = CentricEmulator.start(Clock.systemUTC())) {
      out.println("specbridge demo, part 5: Centric CRM's XML packets (apispec/centric-crm.yaml), sent through the"
          + " generated client to an emulator of the real server at " + emulator.url());
      CentricCrmClient crm = new CentricCrmClient(CentricCrmClient.forServer(emulator.url()).allowPlainHttp()
          .auth(PacketAuth.user(CentricEmulator.USER, CentricEmulator.PASSWORD)).build());
      PacketAnswer inserted = crm.send(
          Transaction.withId(1).meta("id", "name")
              .item(Account.insert(Account.builder().name("Dark Horse Ventures").owner(1).enteredBy(1)
                  .modifiedBy(1).build()))
              .item(Account.insert(Account.builder().name("Horsepower Inc.").owner(1).enteredBy(1)
                  .modifiedBy(1).build())),
          Transaction.withId(2).item(PacketItem.of(Account.ELEMENT, "delete", fields -> fields.add("id", "1"))));
      out.println("1. One packet, two transactions: 1 inserts two accounts and answers the first item's record, "
          + inserted.transaction(0).recordSet().records().stream().map(record -> record.value(Account.class).name())
          .toList() + ", as the server does; 2 -> status "
          + inserted.transaction(1).status() + ", " + inserted.transaction(1).errorText().replace('\n', ' '));
      PacketAnswer selected = crm.send(Transaction.withId(3).meta("id", "name", "modified")
          .item(Account.select(Account.filters().accountName("%horse%")).page(0, 1)));
      RecordSet page = selected.transaction(0).recordSet();
      Account first = page.records().get(0).value(Account.class);
      out.println("2. A typed select, paged: " + page.count() + " of " + page.total() + " -> Account " + first.id()
          + ", " + first.name() + ", modified " + first.modified());
      PacketAnswer updated = crm.send(Transaction.withId(4).meta("id", "name")
          .item(Account.update(first.toBuilder().name(first.name() + " (renamed)").owner(1).enteredBy(1)
              .modifiedBy(1).build())));
      out.println("3. An update starts from the whole selected record (with its modified): "
          + updated.transaction(0).recordSet().records().get(0).action() + " -> "
          + updated.transaction(0).recordSet().records().get(0).value(Account.class).name());
    }
  }

  static void siteService(PrintStream out) throws IOException {
    try (SiteServiceEmulator emulator = SiteServiceEmulator.start(Clock.systemUTC(),
        new StandInSigner(SiteServiceEmulator.PASSWORD))) {
      out.println("specbridge demo, part 1: the site-service API (apispec/site-service.yaml), called through the"
          + " generated client against an emulator at " + emulator.url());
      out.println();

      // What a user writes: a client for the service URL and its credentials, then typed calls.
      SiteServiceClient site = new SiteServiceClient(FormServiceClient.builder(emulator.url())
          .allowPlainHttp() // loopback only; HTTPS is required otherwise
          .auth(FormAuth.login(SiteServiceEmulator.LOGIN_ID, SiteServiceEmulator.PASSWORD))
          .build());
      CreateLeadResponse lead = site.createLead(CreateLeadRequest.builder()
          .firstName("Jane").lastName("Roe").email("jane.roe@example.com").okToText(true)
          .followupDate(LocalDateTime.of(2026, 12, 1, 9, 30)).tagAppend(List.of("prospect", "web"))
          .build());
      out.println("1. create_lead -> " + lead);

      var token = site.userLoginToken(UserLoginTokenRequest.builder()
          .username(SiteServiceEmulator.SEEDED_USER).password("Pass1234").build());
      out.println("2. user_login_token -> " + token + " (the token is a secret: it never prints)");

      SiteServiceClient asUser = new SiteServiceClient(FormServiceClient.builder(emulator.url())
          .allowPlainHttp()
          .auth(FormAuth.userToken(token.aiToken()))
          .build());
      asUser.createLead(CreateLeadRequest.builder().firstName("Max").email("max@example.com").build());
      out.println("3. leads_get as that user (ai_token) -> "
          + asUser.leadsGet(LeadsGetRequest.builder().limitFields(List.of("id", "first_name", "email")).build()));

      FormBatch batch = site.newBatch();
      var check = batch.add(ValidateUserRequest.COMMAND, ValidateUserRequest.builder()
          .username(SiteServiceEmulator.SEEDED_USER).password("Pass1234").build());
      var merge = batch.add(LeadsMergeRequest.COMMAND, LeadsMergeRequest.builder()
          .mergeToLead(lead.leadId()).mergeLeadList(List.of(999_999L)).build());
      batch.send();
      out.println("4. batch of validate_user and leads_merge, one HTTP call, answered element by element:");
      out.println("   " + check.result());
      out.println("   " + merge.result());

      out.println("5. issue_invites answers status=SUCCESS, which its spec says is success -> "
          + site.issueInvites(IssueInvitesRequest.builder().userId(1001).typeName("1").qty(2).build()));

      SiteServiceClient wrong = new SiteServiceClient(FormServiceClient.builder(emulator.url())
          .allowPlainHttp()
          .auth(FormAuth.login(SiteServiceEmulator.LOGIN_ID, "not-the-password"))
          .build());
      try {
        wrong.ping();
      } catch (CommandFailedException e) {
        out.println("6. A wrong password -> " + e.getClass().getSimpleName() + ": " + e.getMessage()
            + " (status " + e.status() + ")");
      }
    }
  }

  static void siteNotifications(PrintStream out) throws IOException {
    // What a user writes: a handler (MemberDirectory implements the generated SiteNotificationsHandler), then an
    // endpoint for it that answers the key challenge with the API login, mounted on the embedded server.
    MemberDirectory directory = new MemberDirectory();
    NotificationEndpoint endpoint = SiteNotificationsHandler.endpoint(directory)
        .auth(NotificationAuth.login(SiteServiceEmulator.LOGIN_ID, SiteServiceEmulator.PASSWORD))
        .deduplicator(Deduplicator.inMemory(10_000))
        .build();
    try (EmbeddedHttpServer server = EmbeddedHttpServer.start("/notifications", endpoint)) {
      out.println("specbridge demo, part 3: the site's notifications (apispec/site-notifications.yaml), POSTed by"
          + " a sender that plays the dealer website to the generated handler's endpoint at "
          + server.url("/notifications"));
      out.println();
      NotificationSender website = new NotificationSender(server.url("/notifications"), SiteNotification.ENVELOPE);

      NotificationSender.Reply login = website.authenticate("0123456789abcdefg");
      out.println("1. authenticate with key 0123456789abcdefg -> " + login.body());
      out.println("   = the login with MD5(id + password + key): "
          + login.proves(SiteServiceEmulator.LOGIN_ID, SiteServiceEmulator.PASSWORD, "0123456789abcdefg"));

      NotificationSender.Reply seed = website.deliver(List.of(
          GenericNotification.builder().data(StringOr.text("Hello World")).build().toMessage(),
          NewUserNotification.builder().userId(1001).firstName("John").lastName("Doe")
              .dateAdded(LocalDateTime.of(2014, 1, 1, 13, 59)).build().toMessage()));
      out.println("2. the seed's delivery (generic + new_user) -> " + seed.body());
      out.println("   messages " + directory.messages() + ", users " + directory.users().keySet());

      List<WebhookMessage> membership = List.of(
          MembershipNotification.builder().status(MembershipNotification.Status.CREATED)
              .userId(1001).expires(false).blocked(false).build().toMessage(),
          new WebhookMessage("order_shipped", new RawJson("{\"order_id\":7}")));
      directory.storeOnline(false);
      NotificationSender.Reply refused = website.deliver(membership);
      out.println("3. membership + a type the spec does not list, while the store is offline -> HTTP "
          + refused.httpStatus() + " " + refused.body());
      directory.storeOnline(true);
      NotificationSender.Reply again = website.deliver(membership);
      out.println("4. the website sends it again -> " + again.body() + "; memberships " + directory.memberships()
          + ", kept whole: " + directory.unknown());
    }
  }

  static void cityTrips(PrintStream out) {
    out.println("specbridge demo, part 4: records generated from apispec/citytrips.yaml"
        + " + specs/citytrips-operator.yaml");
    out.println();

    AuthenticateMessage login = AuthenticateMessage.builder()
        .payload(Auth.builder().clientId("730f8a96-a92c-4a74-8ce0-e7e4cdfff5ad").apiKey("a9eb2bc7-secret").build())
        .build();
    out.println("1. A secret never prints:");
    out.println("   " + login);

    Vehicle vehicle = Vehicle.builder()
        .id("car-17")
        .battery(82)
        .plate("1234-KLM")
        .country(Country.SPAIN)
        .city("Madrid")
        .location(Vehicle.Location.builder()
            .latitude(new BigDecimal("40.4168"))
            .longitude(new BigDecimal("-3.7038"))
            .build())
        .rangeKm(210) // a field this module's extension adds to the bundled spec
        .build();
    VehicleFullMessage fleet = VehicleFullMessage.builder().payload(List.of(vehicle)).build();
    out.println("2. A typed message built from the spec, with the extension's field (rangeKm):");
    out.println("   " + fleet);

    Vehicle charged = vehicle.toBuilder().battery(100).build();
    out.println("3. Records are immutable; toBuilder() copies: battery " + vehicle.battery() + " -> " + charged.battery());

    Country portugal = Country.of("Portugal");
    out.println("4. Enums stay open: Country.of(\"Portugal\") = " + portugal + ", known: " + portugal.isKnown()
        + "; Country.of(\"Chile\") is Country.CHILE: " + (Country.of("Chile") == Country.CHILE));

    try {
      vehicle.toBuilder().battery(120).build();
    } catch (IllegalArgumentException e) {
      out.println("5. Constraints from the spec are checked: " + e.getMessage());
    }

    Vehicle withExtra = vehicle.toBuilder().unknownFields(UnknownFields.empty().with("color", "\"red\"")).build();
    out.println("6. Fields the spec does not declare are kept: " + withExtra.unknownFields()
        + "; equal to the original: " + withExtra.equals(vehicle));

    VehicleStatusMessage status = VehicleStatusMessage.builder()
        .online(true)
        .since(LocalDateTime.of(2026, 11, 24, 9, 30))
        .build();
    out.println("7. A message the extension adds: " + status);
  }
}
