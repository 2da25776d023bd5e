package dev.specbridge.runtime.webhook;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Remembers which messages of a delivery an attempt handled when the delivery was not answered OK, so that when
 * the server sends it again they are not handled twice.
 *
 * <p>The rule: a delivery is answered OK only when each of its messages was handled, by this attempt or by an
 * earlier attempt at the same delivery that has ended; never on the strength of an attempt still running, and
 * never on the strength of another delivery. The wire has no message ids, so:
 *
 * <ul>
 *   <li>A delivery is known by its identity ({@link NotificationContext#delivery()}): a digest of its whole
 *       message list as sent. The server sends a delivery again whole and identical, so every attempt at it has
 *       one identity. A message is known by its delivery's identity and its index: two equal messages in one
 *       delivery are two messages, and an equal message in another delivery is another message, never skipped
 *       because this one was handled.
 *   <li>Attempts at one delivery run one at a time: {@link #begin} waits while another attempt at the same
 *       identity is under way (a server that timed out and sent the delivery again), so that what an attempt
 *       skips was handled by an attempt that has ended.
 *   <li>A message is marked only after its handler returned; an attempt that was not answered OK keeps its marks
 *       for the redelivery; one answered OK forgets its delivery, which the server will not send again. An
 *       identical delivery after that (the same events again tomorrow: a user blocked a second time) is a new
 *       delivery, and all its messages are handled.
 * </ul>
 *
 * <p>What no deduplicator can cover: an OK answer lost on its way, after which the server sends the delivery
 * again and all of it is handled again; a server that writes a redelivery differently (other spacing, other
 * escapes) gives it another identity, and all of it is handled again (twice, never lost); and marks of a delivery
 * the server gave up on stay until they are forgotten, an identical delivery arriving meanwhile being taken for
 * its redelivery. Handlers that must never apply a message twice store {@link NotificationContext#delivery()} and
 * {@link NotificationContext#index()} with their effect, in the same transaction.
 *
 * <p>On a shared store (across restarts or instances), {@link #begin} must be exclusive across instances (a lock
 * or a lease on the identity, which {@link Attempt#end} releases and which expires if an instance dies),
 * {@link Attempt#handled} must be stored before it returns, and {@code end(true)} removes the delivery's marks.
 */
public interface Deduplicator {
  /**
   * Begins an attempt at the delivery of identity {@code delivery}: waits while another attempt at it is under
   * way, then answers what earlier attempts handled. The endpoint calls {@link Attempt#end} once the attempt is
   * over, however it ended. {@link #none()} is never asked, so that no identity is made for it.
   *
   * @param delivery the delivery's identity ({@link NotificationContext#delivery()})
   * @throws InterruptedException when the thread is interrupted while it waits; the delivery is then answered
   *     not OK, with nothing handled
   */
  Attempt begin(String delivery) throws InterruptedException;

  /** One attempt at a delivery, from {@link #begin} to {@link #end}. */
  interface Attempt {
    /** Whether an earlier attempt at this delivery handled this message; it is then skipped. */
    boolean handledBefore(NotificationContext message);

    /** Records that the message was handled: its handler returned. */
    void handled(NotificationContext message);

    /**
     * Ends the attempt, and lets the next attempt at the delivery begin.
     *
     * @param acknowledged whether the delivery was answered OK: the server will not send it again, so its
     *     marks are forgotten; otherwise they are kept for the redelivery
     */
    void end(boolean acknowledged);
  }

  /** Handles every message every time it comes: the handlers themselves are idempotent. */
  static Deduplicator none() {
    return None.INSTANCE;
  }

  /**
   * Remembers, in memory, the handled messages of deliveries not yet answered OK, at most {@code capacity}
   * messages (the deliveries least recently attempted are forgotten first, whole; a redelivery of one then
   * handles all its messages again). Suits one process; across restarts or several instances, implement this
   * interface on a shared store.
   */
  static Deduplicator inMemory(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, found " + capacity);
    }
    return new InMemory(capacity);
  }

  enum None implements Deduplicator, Attempt {
    INSTANCE;

    @Override
    public Attempt begin(String delivery) {
      return this;
    }

    @Override
    public boolean handledBefore(NotificationContext message) {
      return false;
    }

    @Override
    public void handled(NotificationContext message) {}

    @Override
    public void end(boolean acknowledged) {}
  }

  /**
   * The handled messages of deliveries not answered OK, by identity and index, the least recently attempted
   * forgotten first; and the identities being attempted, one attempt at a time.
   */
  final class InMemory implements Deduplicator {
    private final int capacity;
    /** Handled indexes by delivery, in access order. */
    private final LinkedHashMap<String, BitSet> handled = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<String> running = new HashSet<>();
    private int remembered;

    private InMemory(int capacity) {
      this.capacity = capacity;
    }

    @Override
    public synchronized Attempt begin(String delivery) throws InterruptedException {
      Objects.requireNonNull(delivery, "delivery");
      while (running.contains(delivery)) {
        wait();
      }
      running.add(delivery);
      handled.get(delivery); // the least recently attempted are forgotten first
      return new Attempt() {
        private boolean ended;

        @Override
        public boolean handledBefore(NotificationContext message) {
          synchronized (InMemory.this) {
            BitSet indexes = handled.get(delivery);
            return indexes != null && indexes.get(message.index());
          }
        }

        @Override
        public void handled(NotificationContext message) {
          synchronized (InMemory.this) {
            BitSet indexes = handled.computeIfAbsent(delivery, d -> new BitSet());
            if (!indexes.get(message.index())) {
              indexes.set(message.index());
              remembered++;
              forgetOverCapacity();
            }
          }
        }

        @Override
        public void end(boolean acknowledged) {
          synchronized (InMemory.this) {
            if (ended) {
              return;
            }
            ended = true;
            if (acknowledged) {
              BitSet indexes = handled.remove(delivery);
              remembered -= indexes == null ? 0 : indexes.cardinality();
            }
            running.remove(delivery);
            InMemory.this.notifyAll();
          }
        }
      };
    }

    private void forgetOverCapacity() {
      Iterator<Map.Entry<String, BitSet>> eldest = handled.entrySet().iterator();
      while (remembered > capacity && eldest.hasNext()) {
        remembered -= eldest.next().getValue().cardinality();
        eldest.remove();
      }
    }
  }
}
