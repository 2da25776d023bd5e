package dev.specbridge.runtime.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers handled messages, so that a message delivered again is not handled twice. Delivery is at least
 * once: the server sends a whole delivery again unless every message of it was handled, and it sends no message
 * id, so a message is known by its content, its type and its {@link NotificationContext#occurrence()}.
 * {@link #handled} is called only after the handler returned, so a message that failed is handled again.
 */
public interface Deduplicator {
  /** Whether this message was handled before; it is then skipped. */
  boolean handledBefore(NotificationContext message);

  /** Records that the message was handled. */
  void handled(NotificationContext message);

  /** Handles every message every time it comes: the handlers themselves are idempotent. */
  static Deduplicator none() {
    return None.INSTANCE;
  }

  /**
   * Remembers the last {@code capacity} handled messages in memory (by a SHA-256 digest of each). Suits one
   * process; across restarts or several instances, implement this interface on a shared store.
   */
  static Deduplicator inMemory(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, found " + capacity);
    }
    return new Recent(capacity);
  }

  /** The digest a message is remembered by: its type, occurrence and whole JSON. */
  static String digest(NotificationContext message) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((message.type() + '\n' + message.occurrence() + '\n').getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(message.message().json().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
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

  /** The most recently handled digests, oldest evicted first. */
  final class Recent implements Deduplicator {
    private final Map<String, Boolean> digests;

    private Recent(int capacity) {
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
  }
}
