package dev.specbridge.examples.bench;

import dev.specbridge.examples.site.notifications.MailingAddress;
import dev.specbridge.examples.site.notifications.NewUserNotification;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.wire.DateTimePattern;
import java.time.LocalDateTime;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.SerializableString;
import tools.jackson.core.sym.PropertyNameMatcher;

/**
 * The hand-written baseline of {@link JsonCodecBenchmark}: what a skilled engineer writes by hand on Jackson's
 * streaming API for the {@code new_user} data and its addresses, into the generated records, with the same
 * behaviour as the generated {@code NewUserNotification.readJson}/{@code writeJson} (lenient scalars, JSON null, PHP's {@code []} for an
 * empty object, unknown members kept and written back, a member written twice refused, errors naming the field):
 * wire names pre-encoded, one name matcher per record, dates by position. It uses the runtime's {@code Json}
 * helpers, as hand-written code on this runtime would.
 */
final class HandWrittenSiteNotificationsJson {
  private static final DateTimePattern FORMAT_YYYY_MM_DD_HH_MM_SS = DateTimePattern.of("yyyy-MM-dd HH:mm:ss");

  // One per distinct wire name of the spec's records.
  private static final SerializableString NAME_ACCOUNT_TYPE = Json.name("account_type");
  private static final SerializableString NAME_ADDRESS_LINE_1 = Json.name("address_line_1");
  private static final SerializableString NAME_BILLING_ADDRESS = Json.name("billing_address");
  private static final SerializableString NAME_COMPANY = Json.name("company");
  private static final SerializableString NAME_DATE_ADDED = Json.name("date_added");
  private static final SerializableString NAME_EMAIL = Json.name("email");
  private static final SerializableString NAME_ENROLLER_CODE = Json.name("enroller_code");
  private static final SerializableString NAME_ENROLLER_CODE_NAME = Json.name("enroller_code_name");
  private static final SerializableString NAME_ENROLLER_ID = Json.name("enroller_id");
  private static final SerializableString NAME_FIRST_NAME = Json.name("first_name");
  private static final SerializableString NAME_LAST_NAME = Json.name("last_name");
  private static final SerializableString NAME_PHONE = Json.name("phone");
  private static final SerializableString NAME_SHIPPING_ADDRESS = Json.name("shipping_address");
  private static final SerializableString NAME_UPLINE_ID = Json.name("upline_id");
  private static final SerializableString NAME_USER_ID = Json.name("user_id");
  private static final SerializableString NAME_USERNAME = Json.name("username");

  // One per record: its wire names in the order of its fields (the index is the switch's case).
  private static final PropertyNameMatcher MAILING_ADDRESS_NAMES = Json.names(
      "first_name", "last_name", "address_line_1");
  private static final PropertyNameMatcher NEW_USER_NOTIFICATION_NAMES = Json.names(
      "user_id", "username", "account_type", "first_name", "last_name", "email", "phone", "company", "date_added",
      "enroller_id", "upline_id", "enroller_code", "enroller_code_name", "billing_address", "shipping_address");

  private HandWrittenSiteNotificationsJson() {}

  static void writeMailingAddress(JsonGenerator g, MailingAddress value) {
    g.writeStartObject();
    if (value.firstName() != null) {
      g.writeName(NAME_FIRST_NAME);
      g.writeString(value.firstName());
    }
    if (value.lastName() != null) {
      g.writeName(NAME_LAST_NAME);
      g.writeString(value.lastName());
    }
    if (value.addressLine1() != null) {
      g.writeName(NAME_ADDRESS_LINE_1);
      g.writeString(value.addressLine1());
    }
    Json.writeUnknown(g, value.unknownFields());
    g.writeEndObject();
  }

  static MailingAddress readMailingAddress(JsonParser p) {
    boolean members = Json.startObject(p, "MailingAddress");
    String vFirstName = null;
    String vLastName = null;
    String vAddressLine1 = null;
    Json.Kept unknown = null;
    long seen = 0;
    int field;
    while (members && (field = p.nextNameMatch(MAILING_ADDRESS_NAMES)) != PropertyNameMatcher.MATCH_END_OBJECT) {
      seen = Json.once(p, seen, field);
      p.nextToken();
      switch (field) {
        case 0 -> vFirstName = Json.text(p, "first_name");
        case 1 -> vLastName = Json.text(p, "last_name");
        case 2 -> vAddressLine1 = Json.text(p, "address_line_1");
        default -> unknown = Json.keep(unknown, p);
      }
    }
    return new MailingAddress(vFirstName, vLastName, vAddressLine1, Json.unknown(unknown));
  }

  static void writeNewUserNotification(JsonGenerator g, NewUserNotification value) {
    g.writeStartObject();
    if (value.userId() != null) {
      g.writeName(NAME_USER_ID);
      g.writeNumber(value.userId());
    }
    if (value.username() != null) {
      g.writeName(NAME_USERNAME);
      g.writeString(value.username());
    }
    if (value.accountType() != null) {
      g.writeName(NAME_ACCOUNT_TYPE);
      g.writeString(value.accountType());
    }
    if (value.firstName() != null) {
      g.writeName(NAME_FIRST_NAME);
      g.writeString(value.firstName());
    }
    if (value.lastName() != null) {
      g.writeName(NAME_LAST_NAME);
      g.writeString(value.lastName());
    }
    if (value.email() != null) {
      g.writeName(NAME_EMAIL);
      g.writeString(value.email());
    }
    if (value.phone() != null) {
      g.writeName(NAME_PHONE);
      g.writeString(value.phone());
    }
    if (value.company() != null) {
      g.writeName(NAME_COMPANY);
      g.writeString(value.company());
    }
    if (value.dateAdded() != null) {
      g.writeName(NAME_DATE_ADDED);
      Json.writeDateTime(g, value.dateAdded(), FORMAT_YYYY_MM_DD_HH_MM_SS);
    }
    if (value.enrollerId() != null) {
      g.writeName(NAME_ENROLLER_ID);
      g.writeNumber(value.enrollerId());
    }
    if (value.uplineId() != null) {
      g.writeName(NAME_UPLINE_ID);
      g.writeNumber(value.uplineId());
    }
    if (value.enrollerCode() != null) {
      g.writeName(NAME_ENROLLER_CODE);
      g.writeNumber(value.enrollerCode());
    }
    if (value.enrollerCodeName() != null) {
      g.writeName(NAME_ENROLLER_CODE_NAME);
      g.writeString(value.enrollerCodeName());
    }
    if (value.billingAddress() != null) {
      g.writeName(NAME_BILLING_ADDRESS);
      writeMailingAddress(g, value.billingAddress());
    }
    if (value.shippingAddress() != null) {
      g.writeName(NAME_SHIPPING_ADDRESS);
      writeMailingAddress(g, value.shippingAddress());
    }
    Json.writeUnknown(g, value.unknownFields());
    g.writeEndObject();
  }

  static NewUserNotification readNewUserNotification(JsonParser p) {
    boolean members = Json.startObject(p, "NewUserNotification");
    Integer vUserId = null;
    String vUsername = null;
    String vAccountType = null;
    String vFirstName = null;
    String vLastName = null;
    String vEmail = null;
    String vPhone = null;
    String vCompany = null;
    LocalDateTime vDateAdded = null;
    Integer vEnrollerId = null;
    Integer vUplineId = null;
    Integer vEnrollerCode = null;
    String vEnrollerCodeName = null;
    MailingAddress vBillingAddress = null;
    MailingAddress vShippingAddress = null;
    Json.Kept unknown = null;
    long seen = 0;
    int field;
    while (members
        && (field = p.nextNameMatch(NEW_USER_NOTIFICATION_NAMES)) != PropertyNameMatcher.MATCH_END_OBJECT) {
      seen = Json.once(p, seen, field);
      p.nextToken();
      switch (field) {
        case 0 -> vUserId = Json.readInt(p, "user_id", false);
        case 1 -> vUsername = Json.text(p, "username");
        case 2 -> vAccountType = Json.text(p, "account_type");
        case 3 -> vFirstName = Json.text(p, "first_name");
        case 4 -> vLastName = Json.text(p, "last_name");
        case 5 -> vEmail = Json.text(p, "email");
        case 6 -> vPhone = Json.text(p, "phone");
        case 7 -> vCompany = Json.text(p, "company");
        case 8 -> vDateAdded = Json.readDateTime(p, FORMAT_YYYY_MM_DD_HH_MM_SS, "date_added", false);
        case 9 -> vEnrollerId = Json.readInt(p, "enroller_id", false);
        case 10 -> vUplineId = Json.readInt(p, "upline_id", false);
        case 11 -> vEnrollerCode = Json.readInt(p, "enroller_code", false);
        case 12 -> vEnrollerCodeName = Json.text(p, "enroller_code_name");
        case 13 -> vBillingAddress = Json.readNullable(p, HandWrittenSiteNotificationsJson::readMailingAddress);
        case 14 -> vShippingAddress = Json.readNullable(p, HandWrittenSiteNotificationsJson::readMailingAddress);
        default -> unknown = Json.keep(unknown, p);
      }
    }
    return new NewUserNotification(vUserId, vUsername, vAccountType, vFirstName, vLastName, vEmail, vPhone,
        vCompany, vDateAdded, vEnrollerId, vUplineId, vEnrollerCode, vEnrollerCodeName, vBillingAddress,
        vShippingAddress, Json.unknown(unknown));
  }
}
