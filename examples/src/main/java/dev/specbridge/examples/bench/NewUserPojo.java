package dev.specbridge.examples.bench;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.specbridge.examples.site.notifications.MailingAddress;
import dev.specbridge.examples.site.notifications.NewUserNotification;
import java.time.LocalDateTime;

/**
 * The data of a {@code new_user} notification as a Jackson databind user writes it: a plain class with the same
 * fields and Java types as the generated {@link NewUserNotification}, {@code @JsonProperty} for the wire names,
 * {@code @JsonFormat} for the site's date-time spelling, nulls left out and members in the page's order (so that
 * it writes the very same text as the generated codec). Public fields: databind's fastest bean path.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"user_id", "username", "account_type", "first_name", "last_name", "email", "phone", "company",
    "date_added", "enroller_id", "upline_id", "enroller_code", "enroller_code_name", "billing_address",
    "shipping_address"})
public final class NewUserPojo {
  @JsonProperty("user_id") public Integer userId;
  @JsonProperty("username") public String username;
  @JsonProperty("account_type") public String accountType;
  @JsonProperty("first_name") public String firstName;
  @JsonProperty("last_name") public String lastName;
  @JsonProperty("email") public String email;
  @JsonProperty("phone") public String phone;
  @JsonProperty("company") public String company;
  @JsonProperty("date_added")
  @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd HH:mm:ss")
  public LocalDateTime dateAdded;
  @JsonProperty("enroller_id") public Integer enrollerId;
  @JsonProperty("upline_id") public Integer uplineId;
  @JsonProperty("enroller_code") public Integer enrollerCode;
  @JsonProperty("enroller_code_name") public String enrollerCodeName;
  @JsonProperty("billing_address") public Address billingAddress;
  @JsonProperty("shipping_address") public Address shippingAddress;

  /** {@code MailingAddress}, the same way. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"first_name", "last_name", "address_line_1"})
  public static final class Address {
    @JsonProperty("first_name") public String firstName;
    @JsonProperty("last_name") public String lastName;
    @JsonProperty("address_line_1") public String addressLine1;

    static Address of(MailingAddress address) {
      if (address == null) {
        return null;
      }
      Address pojo = new Address();
      pojo.firstName = address.firstName();
      pojo.lastName = address.lastName();
      pojo.addressLine1 = address.addressLine1();
      return pojo;
    }

    MailingAddress toRecord() {
      return MailingAddress.builder().firstName(firstName).lastName(lastName).addressLine1(addressLine1).build();
    }
  }

  static NewUserPojo of(NewUserNotification user) {
    NewUserPojo pojo = new NewUserPojo();
    pojo.userId = user.userId();
    pojo.username = user.username();
    pojo.accountType = user.accountType();
    pojo.firstName = user.firstName();
    pojo.lastName = user.lastName();
    pojo.email = user.email();
    pojo.phone = user.phone();
    pojo.company = user.company();
    pojo.dateAdded = user.dateAdded();
    pojo.enrollerId = user.enrollerId();
    pojo.uplineId = user.uplineId();
    pojo.enrollerCode = user.enrollerCode();
    pojo.enrollerCodeName = user.enrollerCodeName();
    pojo.billingAddress = Address.of(user.billingAddress());
    pojo.shippingAddress = Address.of(user.shippingAddress());
    return pojo;
  }

  /** The generated record with the same values, to check that every codec read the same data. */
  NewUserNotification toRecord() {
    return NewUserNotification.builder()
        .userId(userId)
        .username(username)
        .accountType(accountType)
        .firstName(firstName)
        .lastName(lastName)
        .email(email)
        .phone(phone)
        .company(company)
        .dateAdded(dateAdded)
        .enrollerId(enrollerId)
        .uplineId(uplineId)
        .enrollerCode(enrollerCode)
        .enrollerCodeName(enrollerCodeName)
        .billingAddress(billingAddress == null ? null : billingAddress.toRecord())
        .shippingAddress(shippingAddress == null ? null : shippingAddress.toRecord())
        .build();
  }
}
