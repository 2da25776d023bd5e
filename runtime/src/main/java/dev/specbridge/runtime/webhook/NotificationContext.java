package dev.specbridge.runtime.webhook;

import dev.specbridge.runtime.value.RawJson;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where a message stands in the delivery that brought it, and which message it is: the wire has no message id,
 * so a message is known by its delivery's identity and its index in it. Two equal messages in one delivery are
 * two messages (two indexes), and an equal message in another delivery is another message (another identity).
 *
 * <p>A handler that must never apply a message twice, whatever the server resends, can store
 * {@link #delivery()} and {@link #index()} with its effect, in the same transaction, and skip a pair it has.
 */
public final class NotificationContext {
  private final Supplier<String> delivery;
  private final int index;
  private final String type;
  /** The body the message came in, and where in it the message stands; {@code null} when given as text. */
  private final byte[] body;
  private final int start;
  private final int end;
  private RawJson message;

  /**
   * A message's context as the endpoint makes it, over the body the message came in: the message's text and the
   * delivery's identity are made only when asked.
   *
   * @param delivery the identity of the delivery, made when first asked
   * @param start where the message's object starts in {@code body}
   * @param end where it ends (exclusive)
   */
  NotificationContext(Supplier<String> delivery, int index, String type, byte[] body, int start, int end) {
    this.delivery = delivery;
    this.index = index;
    this.type = type;
    this.body = body;
    this.start = start;
    this.end = end;
  }

  /**
   * A message's context, e.g. for a test of a handler or of a {@link Deduplicator}.
   *
   * @param delivery the identity of the delivery, as {@link #delivery()} says
   * @param index the message's 0-based position in the delivery
   * @param type the message's type as sent
   * @param message the whole message object as JSON
   */
  public NotificationContext(String delivery, int index, String type, RawJson message) {
    Objects.requireNonNull(delivery, "delivery");
    if (index < 0) {
      throw new IllegalArgumentException("index must be at least 0, found " + index);
    }
    this.delivery = constant(delivery);
    this.index = index;
    this.type = Objects.requireNonNull(type, "type");
    this.message = Objects.requireNonNull(message, "message");
    this.body = null;
    this.start = 0;
    this.end = 0;
  }

  private static Supplier<String> constant(String value) {
    return () -> value;
  }

  /** The message's type as sent. */
  public String type() {
    return type;
  }

  /** The message's 0-based position in its delivery. */
  public int index() {
    return index;
  }

  /**
   * The identity of the delivery that brought the message: the lowercase hex SHA-256 of its whole message list as
   * sent. The server sends a delivery again whole and identical until it is answered OK, so every attempt at one
   * delivery has one identity; an identical delivery sent after one was answered OK has it too, and is a new
   * delivery all the same (see {@link Deduplicator}).
   */
  public String delivery() {
    return delivery.get();
  }

  /**
   * The whole message object as JSON, with any member the envelope does not name: the very text the server sent
   * (its spacing and escapes included), made when first asked from the request's body. A context kept after its
   * handler returned keeps that body, so the body must not be reused meanwhile; ask for the text first to keep
   * only it.
   */
  public RawJson message() {
    RawJson text = message;
    if (text == null) {
      text = new RawJson(new String(body, start, end - start, StandardCharsets.UTF_8)); // checked to be UTF-8
      message = text; // a race makes two equal texts, and a RawJson is safe to share
    }
    return text;
  }

  /** The message's type and index; never its data, which may be personal. */
  @Override
  public String toString() {
    return "message " + index + " (" + type + ")";
  }
}
