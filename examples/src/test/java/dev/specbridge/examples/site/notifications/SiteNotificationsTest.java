package dev.specbridge.examples.site.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.http.EmbeddedHttpServer;
import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.value.StringOr;
import dev.specbridge.runtime.webhook.NotificationAuth;
import dev.specbridge.runtime.webhook.NotificationContext;
import dev.specbridge.runtime.webhook.NotificationSender;
import dev.specbridge.runtime.webhook.WebhookMessage;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The code generated from the bundled site-notifications.yaml, behind the runtime's endpoint on loopback HTTP,
 * driven by the sender as the dealer website would: the seed's requests, every documented field of each type
 * with the example values of its public page, and types the spec does not list.
 */
class SiteNotificationsTest {
  /** Every notification the handler got, typed, in order. */
  private final List<SiteNotification> received = new ArrayList<>();
  private final SiteNotificationsHandler recorder = new SiteNotificationsHandler() {
    @Override
    public void generic(GenericNotification notification, NotificationContext context) {
      received.add(notification);
    }

    @Override
    public void membership(MembershipNotification notification, NotificationContext context) {
      received.add(notification);
    }

    @Override
    public void newUser(NewUserNotification notification, NotificationContext context) {
      received.add(notification);
    }

    @Override
    public void unknown(UnknownSiteNotification notification, NotificationContext context) {
      received.add(notification);
    }
  };

  private EmbeddedHttpServer server;
  private NotificationSender website;

  @BeforeEach
  void start() throws Exception {
    server = EmbeddedHttpServer.start("/notifications", SiteNotificationsHandler.endpoint(recorder)
        .auth(NotificationAuth.login("apiuser", "APIuser123"))
        .build());
    website = new NotificationSender(server.url("/notifications"), SiteNotification.ENVELOPE);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theSeedsChallengeIsAnsweredWithTheHashedLogin() {
    NotificationSender.Reply reply = website.authenticate("0123456789abcdefg");
    // echo -n "apiuserAPIuser1230123456789abcdefg" | md5sum
    assertEquals("{\"ai_login_id\":\"apiuser\",\"ai_login_password\":\"8f3a4830f39f4ae665d3050123aa59bc\"}",
        reply.body());
  }

  @Test
  void theSeedsDeliveryArrivesTypedAndIsAnsweredOk() {
    NotificationSender.Reply reply = website.post("{\"request\":\"delivery\",\"messages\":[{\"type\":\"generic\","
        + "\"data\":\"Hello World\"},{\"type\":\"new_user\",\"data\":{\"first_name\":\"John\",\"last_name\":\"Doe\"}}]}");
    assertEquals("{\"status\":\"OK\"}", reply.body());
    assertEquals(List.of(
        GenericNotification.builder().data(StringOr.text("Hello World")).build(),
        NewUserNotification.builder().firstName("John").lastName("Doe").build()), received);
  }

  @Test
  void newUserReadsEveryFieldOfItsPageAndKeepsTheAddressesRest() {
    String data = "{\"user_id\":1001,\"username\":\"johndoe\",\"account_type\":\"Customer\",\"first_name\":\"John\","
        + "\"last_name\":\"Doe\",\"email\":\"john.doe@examle.com\",\"phone\":\"8005551234\",\"company\":\"Doe"
        + " Enterprises\",\"date_added\":\"2014-01-01 13:59:00\",\"enroller_id\":1002,\"upline_id\":1003,"
        + "\"enroller_code\":8,\"enroller_code_name\":\"Silver\",\"billing_address\":{\"first_name\":\"John\","
        + "\"last_name\":\"Doe\",\"address_line_1\":\"123 Fake St\",\"city\":\"Springfield\"},\"shipping_address\":"
        + "{\"first_name\":\"John\",\"last_name\":\"Doe\",\"address_line_1\":\"123 Fake St\"}}";
    assertTrue(website.deliver(List.of(new WebhookMessage("new_user", new RawJson(data)))).ok());
    NewUserNotification user = (NewUserNotification) received.get(0);
    assertEquals(1001, user.userId());
    assertEquals("johndoe", user.username());
    assertEquals("Customer", user.accountType());
    assertEquals("john.doe@examle.com", user.email());
    assertEquals("8005551234", user.phone());
    assertEquals("Doe Enterprises", user.company());
    assertEquals(LocalDateTime.of(2014, 1, 1, 13, 59), user.dateAdded());
    assertEquals(1002, user.enrollerId());
    assertEquals(1003, user.uplineId());
    assertEquals(8, user.enrollerCode());
    assertEquals("Silver", user.enrollerCodeName());
    assertEquals("123 Fake St", user.billingAddress().addressLine1());
    assertEquals("{city=\"Springfield\"}", user.billingAddress().unknownFields().toString(),
        "the page's \"...\": the address's other fields are kept");
    assertEquals("John", user.shippingAddress().firstName());
    assertTrue(user.unknownFields().isEmpty());
    // and the record goes back on the wire as it came
    assertEquals(data, user.toMessage().data().json());
  }

  @Test
  void membershipReadsItsStatusValuesAndYesNoFlags() {
    String data = "{\"status\":\"updated\",\"user_id\":1001,\"external_user_id\":\"abc123\",\"account_type\":"
        + "\"Customer\",\"expires\":\"Y\",\"exp_date\":\"2014-01-01 13:59:00\",\"blocked\":\"N\",\"date_created\":"
        + "\"2014-01-01 13:59:00\",\"last_updated\":\"2014-01-01 13:59:00\"}";
    assertTrue(website.deliver(List.of(new WebhookMessage("membership", new RawJson(data)),
        new WebhookMessage("membership", new RawJson("{\"status\":\"suspended\"}")))).ok());
    MembershipNotification membership = (MembershipNotification) received.get(0);
    assertEquals(MembershipNotification.Status.UPDATED, membership.status());
    assertEquals(1001, membership.userId());
    assertEquals("abc123", membership.externalUserId());
    assertEquals(true, membership.expires());
    assertEquals(false, membership.blocked());
    assertEquals(LocalDateTime.of(2014, 1, 1, 13, 59), membership.expDate());
    assertEquals(LocalDateTime.of(2014, 1, 1, 13, 59), membership.lastUpdated());
    assertEquals(data, membership.toMessage().data().json());
    MembershipNotification.Status later = ((MembershipNotification) received.get(1)).status();
    assertEquals("suspended", later.wireValue());
    assertFalse(later.isKnown(), "a status the page does not list is kept, not refused");
  }

  @Test
  void genericDataIsAStringOrAnObjectAndOtherTypesArriveWhole() {
    NotificationSender.Reply reply = website.post("{\"request\":\"delivery\",\"messages\":["
        + "{\"type\":\"generic\",\"data\":{\"a\":1,\"b\":2,\"c\":3}},"
        + "{\"type\":\"order_shipped\",\"data\":{\"order_id\":7,\"tracking\":[\"1Z\"]}}]}");
    assertEquals("{\"status\":\"OK\"}", reply.body());
    assertEquals(StringOr.value(new RawJson("{\"a\":1,\"b\":2,\"c\":3}")),
        ((GenericNotification) received.get(0)).data());
    assertEquals(new UnknownSiteNotification("order_shipped", new RawJson("{\"order_id\":7,\"tracking\":[\"1Z\"]}")),
        received.get(1));
  }

  @Test
  void dataThatDoesNotFitItsTypeIsRefusedWholeAndNothingIsHandled() {
    NotificationSender.Reply reply = website.deliver(List.of(
        GenericNotification.builder().data(StringOr.text("first")).build().toMessage(),
        new WebhookMessage("new_user", new RawJson("{\"user_id\":\"one thousand\"}"))));
    assertEquals(422, reply.httpStatus());
    assertFalse(reply.ok());
    assertTrue(reply.member("message").contains("message 1 (new_user) does not fit its type: field 'user_id'"),
        reply.body());
    assertTrue(received.isEmpty());
  }

  @Test
  void everyTypedNotificationRoundTripsThroughTheSender() {
    List<SiteNotification> sent = List.of(
        GenericNotification.builder().data(StringOr.text("Hello World")).build(),
        MembershipNotification.builder().status(MembershipNotification.Status.BLOCKED).userId(7).blocked(true)
            .build(),
        NewUserNotification.builder().userId(8).billingAddress(MailingAddress.builder().firstName("Ann").build())
            .build(),
        new UnknownSiteNotification("complex", new RawJson("{\"a\":[1,2]}")));
    assertTrue(website.deliver(sent.stream().map(SiteNotification::toMessage).toList()).ok());
    assertEquals(sent, received);
  }
}
