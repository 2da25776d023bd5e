package dev.specbridge.runtime.webhook;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * An attempt is used by the one thread that handles its delivery.
 */
public interface Deduplicator {
  /**
   * Begins an attempt at {@code delivery}: waits while another attempt at it is under way, then answers what
   * earlier attempts handled. The endpoint calls {@link Attempt#end} once the attempt is over, however it ended.
   *
   * @throws InterruptedException when the thread is interrupted while it waits; the delivery is then answered
   *     not OK, with nothing handled
   */
  Attempt begin(Delivery delivery) throws InterruptedException;

  /** The delivery an attempt is at. */
  interface Delivery {
    /**
     * Its identity ({@link NotificationContext#delivery()}), made when first asked: a digest of a large delivery
     * takes time (some 30 µs for 50 KB), which a deduplicator spends only when it needs to.
     */
    String identity();

    /**
     * The length in bytes of its message list as sent, which the identity digests: deliveries of different
     * lengths are different deliveries, so a deduplicator can tell most deliveries apart without their identities.
     * Negative when not known.
     */
    int length();
  }

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
   * interface on a shared store. It makes a delivery's identity only when a delivery of the same length is
   * being attempted or remembered, so that a first attempt with no such delivery around costs no digest.
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
    public Attempt begin(Delivery delivery) {
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
   * forgotten first; and the deliveries being attempted, one attempt at a time. An attempt keeps its own marks until
   * it ends: no other attempt at its delivery can begin before that.
   */
  final class InMemory implements Deduplicator {
    private final int capacity;
    /** The handled indexes of deliveries not answered OK, by identity, in access order. */
    private final LinkedHashMap<String, Marks> pending = new LinkedHashMap<>(16, 0.75f, true);
    /** How many pending deliveries have each length (-1: unknown). */
    private final Map<Integer, Integer> pendingLengths = new HashMap<>();
    private final List<Delivery> running = new ArrayList<>();
    private int remembered;

    private record Marks(int length, BitSet indexes) {}

    private InMemory(int capacity) {
      this.capacity = capacity;
    }

    /** Whether two deliveries are one: never when their lengths differ, else by identity. */
    private static boolean same(Delivery a, Delivery b) {
      return (a.length() < 0 || b.length() < 0 || a.length() == b.length()) && a.identity().equals(b.identity());
    }

    private boolean mayBePending(Delivery delivery) {
      return delivery.length() < 0 ? !pending.isEmpty()
          : pendingLengths.containsKey(delivery.length()) || pendingLengths.containsKey(-1);
    }

    @Override
    public synchronized Attempt begin(Delivery delivery) throws InterruptedException {
      Objects.requireNonNull(delivery, "delivery");
      while (running.stream().anyMatch(other -> same(delivery, other))) {
        wait();
      }
      running.add(delivery);
      Marks before = mayBePending(delivery) ? pending.get(delivery.identity()) : null;
      return new Attempt() {
        private final BitSet handled = new BitSet();
        private boolean ended;

        @Override
        public boolean handledBefore(NotificationContext message) {
          return before != null && before.indexes().get(message.index());
        }

        @Override
        public void handled(NotificationContext message) {
          handled.set(message.index());
        }

        @Override
        public void end(boolean acknowledged) {
          synchronized (InMemory.this) {
            if (ended) {
              return;
            }
            ended = true;
            running.removeIf(attempted -> attempted == delivery);
            if (acknowledged) {
              if (before != null) {
                forget(delivery.identity());
              }
            } else {
              if (before != null) {
                handled.or(before.indexes()); // kept whole, should they have been forgotten meanwhile
              }
              if (!handled.isEmpty()) {
                remember(delivery, handled);
              }
            }
            InMemory.this.notifyAll();
          }
        }
      };
    }

    private void remember(Delivery delivery, BitSet handled) {
      Marks marks = pending.get(delivery.identity());
      if (marks == null) {
        marks = new Marks(delivery.length() < 0 ? -1 : delivery.length(), new BitSet());
        pending.put(delivery.identity(), marks);
        pendingLengths.merge(marks.length(), 1, Integer::sum);
      }
      remembered -= marks.indexes().cardinality();
      marks.indexes().or(handled);
      remembered += marks.indexes().cardinality();
      Iterator<Map.Entry<String, Marks>> eldest = pending.entrySet().iterator();
      while (remembered > capacity && eldest.hasNext()) {
        Marks forgotten = eldest.next().getValue();
        eldest.remove();
        forgotten(forgotten);
      }
    }

    private void forget(String identity) {
      Marks marks = pending.remove(identity);
      if (marks != null) {
        forgotten(marks);
      }
    }

    private void forgotten(Marks marks) {
      remembered -= marks.indexes().cardinality();
      pendingLengths.computeIfPresent(marks.length(), (length, count) -> count == 1 ? null : count - 1);
    }
  }
}
