package dev.specbridge.examples.bench;

import dev.specbridge.examples.site.notifications.MailingAddress;
import dev.specbridge.examples.site.notifications.NewUserNotification;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The workload of {@link JsonCodecBenchmark}: a delivery of 100 {@code new_user} notifications, every field of the
 * page set (the seed's example values, varied per user: ids from 1001, a {@code yyyy-MM-dd HH:mm:ss} date, names
 * with a few non-ASCII letters, both addresses). No member is unknown, so that databind (which drops unknown
 * members) and the generated codec (which keeps them) read the very same data.
 */
final class NewUserDelivery {
  static final int SIZE = 100;

  private static final String[] FIRST = {"John", "Jane", "Maria", "Ahmed", "Zoë", "Liam", "Olivia", "Noah",
      "Emma", "José", "Chloé", "Ethan", "Aiko", "Lucas", "Sofia", "Mateo"};
  private static final String[] LAST = {"Doe", "Smith", "García", "Nguyen", "Müller", "Johnson", "O'Brien",
      "Williams", "Brown", "Jones", "Kowalski", "Rossi", "Tanaka", "Dubois", "Silva", "Larsen"};
  private static final String[] ACCOUNT = {"Customer", "Distributor", "Retail Customer", "Preferred Customer"};
  private static final String[] COMPANY = {"Doe Enterprises", "Acme Corp.", "Blue Sky Wellness LLC",
      "Northwind Traders", "Globex Inc.", "Initech"};
  private static final String[] CODE = {"Bronze", "Silver", "Gold", "Platinum", "Diamond"};
  private static final String[] STREET = {"Fake St", "Main Street", "Oak Avenue", "Elm Street, Apt. 4B",
      "Maple Drive", "Sunset Blvd."};

  private NewUserDelivery() {}

  /** The 100 records, the same at every call. */
  static List<NewUserNotification> records() {
    List<NewUserNotification> users = new ArrayList<>(SIZE);
    LocalDateTime added = LocalDateTime.of(2014, 1, 1, 13, 59);
    for (int i = 0; i < SIZE; i++) {
      String first = FIRST[i % FIRST.length];
      String last = LAST[(i * 7) % LAST.length];
      MailingAddress billing = MailingAddress.builder()
          .firstName(first)
          .lastName(last)
          .addressLine1((100 + i * 13) + " " + STREET[i % STREET.length])
          .build();
      MailingAddress shipping = i % 3 == 0
          ? MailingAddress.builder().firstName(first).lastName(last).addressLine1("PO Box " + (4000 + i)).build()
          : billing;
      users.add(NewUserNotification.builder()
          .userId(1001 + i)
          .username((first.charAt(0) + last).toLowerCase(Locale.ROOT).replace("'", "") + (1001 + i))
          .accountType(ACCOUNT[i % ACCOUNT.length])
          .firstName(first)
          .lastName(last)
          .email(ascii(first) + "." + ascii(last) + "@example.com")
          .phone(String.format(Locale.ROOT, "800555%04d", (1234 + i * 17) % 10000))
          .company(COMPANY[i % COMPANY.length])
          .dateAdded(added.plusMinutes(i * 977L).plusSeconds(i * 7L % 60))
          .enrollerId(1002 + i / 4)
          .uplineId(1003 + i / 2)
          .enrollerCode(1 + i % 12)
          .enrollerCodeName(CODE[i % CODE.length])
          .billingAddress(billing)
          .shippingAddress(shipping)
          .build());
    }
    return users;
  }

  private static String ascii(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD)
        .replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
  }
}
