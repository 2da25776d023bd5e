package dev.specbridge.runtime.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the messages handled of a delivery that was not answered OK, so that when the server sends it again
 * they are not handled twice. The wire has no message id, so a message is known by its type, its JSON and its
 * {@link NotificationContext#occurrence()}; that is why a message is remembered only until its delivery is
 * acknowledged: after that, an equal message is a new message (the same text sent again tomorrow, a user blocked
 * a second time), not a repeat.
 *
 * <p>{@link #handled} is called only after the handler returned, so a message that failed is handled again.
 * What no deduplicator can cover: an OK answer lost on its way to the server, after which the server sends the
 * whole delivery again; handlers that must never see a message twice have to be idempotent on their own data.
 */
public interface Deduplicator {
  /** Whether this message was handled before; it is then skipped. */
  boolean handledBefore(NotificationContext message);

  /** Records that the message was handled. */
  void handled(NotificationContext message);

  /** The delivery of these messages was answered OK: the server will not send them again. */
  default void acknowledged(List<NotificationContext> delivery) {}

  /** Handles every message every time it comes: the handlers themselves are idempotent. */
  static Deduplicator none() {
    return None.INSTANCE;
  }

  /**
   * Remembers, in memory, the handled messages of deliveries not yet answered OK, at most {@code capacity} of
   * them (the oldest are forgotten first). Suits one process; across restarts or several instances, implement
   * this interface on a shared store.
   */
  static Deduplicator inMemory(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, found " + capacity);
    }
    return new Pending(capacity);
  }

  /** The digest a message is remembered by: its type, occurrence and whole JSON. */
  static String digest(NotificationContext message) {
    return Digest.hex("SHA-256", message.type() + '\n' + message.occurrence() + '\n' + message.message().json());
  }

  enum None implements Deduplicator {
    INSTANCE;

    @Override
    public boolean handledBefore(NotificationContext message) {
      return false;
    }

    @Override
    public void handled(NotificationContext message) {}
  }

  /** The digests of handled messages whose delivery is not acknowledged yet, oldest evicted first. */
  final class Pending implements Deduplicator {
    private final Map<String, Boolean> digests;

    private Pending(int capacity) {
      this.digests = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > capacity;
        }
      };
    }

    @Override
    public synchronized boolean handledBefore(NotificationContext message) {
      return digests.get(digest(message)) != null;
    }

    @Override
    public synchronized void handled(NotificationContext message) {
      digests.put(digest(message), Boolean.TRUE);
    }

    @Override
    public synchronized void acknowledged(List<NotificationContext> delivery) {
      for (NotificationContext message : delivery) {
        digests.remove(digest(message));
      }
    }
  }
}
