package dev.specbridge.examples.site.notifications;

import dev.specbridge.runtime.webhook.NotificationContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a user writes to receive the dealer website's notifications: one class that implements the generated
 * handler. This one keeps a directory of members in memory, as a CRM sync would keep them in its database. Its
 * {@link #storeOnline store} can be taken offline to show that a delivery it could not save comes again.
 */
public final class MemberDirectory implements SiteNotificationsHandler {
  private final Map<Integer, NewUserNotification> users = new LinkedHashMap<>();
  private final Map<Integer, MembershipNotification.Status> memberships = new LinkedHashMap<>();
  private final List<String> messages = new ArrayList<>();
  private final List<UnknownSiteNotification> unknown = new ArrayList<>();
  private volatile boolean storeOnline = true;

  @Override
  public synchronized void generic(GenericNotification notification, NotificationContext context) {
    save();
    var data = notification.data(); // a string, an object, or absent: the seed allows all three
    messages.add(data == null ? "" : data.asText().orElseGet(() -> data.asValue().orElseThrow().json()));
  }

  @Override
  public synchronized void membership(MembershipNotification notification, NotificationContext context) {
    save();
    memberships.put(notification.userId(), notification.status());
  }

  @Override
  public synchronized void newUser(NewUserNotification notification, NotificationContext context) {
    save();
    users.put(notification.userId(), notification);
  }

  @Override
  public synchronized void unknown(UnknownSiteNotification notification, NotificationContext context) {
    save();
    unknown.add(notification); // a type the spec does not list yet: kept whole, to be read once it is
  }

  /** Saving fails while the store is offline: the handler throws, and the delivery is answered not OK. */
  private void save() {
    if (!storeOnline) {
      throw new IllegalStateException("the member store is offline");
    }
  }

  public void storeOnline(boolean online) {
    this.storeOnline = online;
  }

  public synchronized Map<Integer, NewUserNotification> users() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(users)); // user_id is optional: null may be a key
  }

  public synchronized Map<Integer, MembershipNotification.Status> memberships() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(memberships));
  }

  public synchronized List<String> messages() {
    return List.copyOf(messages);
  }

  public synchronized List<UnknownSiteNotification> unknown() {
    return List.copyOf(unknown);
  }
}
