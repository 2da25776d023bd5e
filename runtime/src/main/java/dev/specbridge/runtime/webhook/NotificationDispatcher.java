package dev.specbridge.runtime.webhook;

import dev.specbridge.runtime.dispatch.Router;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.wire.WireFormatException;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.core.JsonParser;

/**
 * Routes a webhook's message to its handler by type, on a {@link Router}: decodes its data with the type's
 * generated reader, then calls the handler. Decoding and handling are two steps so that an endpoint can decode
 * every message of a delivery before it handles any. Generated {@code <Api>Handler.dispatcher(…)} builds one from
 * a handler.
 */
public final class NotificationDispatcher {
  /** Handles the messages of one type. */
  @FunctionalInterface
  public interface Handler<T> {
    void handle(T notification, NotificationContext context) throws Exception;
  }

  /** Handles a message whose type no route names: its data stays raw JSON, nothing is dropped. */
  @FunctionalInterface
  public interface UnknownHandler {
    void handle(String type, RawJson data, NotificationContext context) throws Exception;
  }

  /** A message decoded and ready to hand to its handler. */
  @FunctionalInterface
  public interface Decoded {
    void handle(NotificationContext context) throws Exception;
  }

  private final Router<JsonParser, NotificationContext, Void> router;
  private final UnknownHandler unknown;

  private NotificationDispatcher(Router<JsonParser, NotificationContext, Void> router, UnknownHandler unknown) {
    this.router = router;
    this.unknown = unknown;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether {@code type} has a route of its own (other types go to the unknown-type handler). */
  public boolean knows(String type) {
    return router.knows(type);
  }

  /**
   * Decodes a message with its type's reader.
   *
   * @throws WireFormatException when the data does not fit the type, or the type is unknown and no
   *     unknown-type handler was given
   */
  public Decoded decode(WebhookMessage message) {
    String type = message.type();
    if (unknown != null && !router.knows(type)) {
      RawJson data = message.data();
      return context -> unknown.handle(type, data, context);
    }
    return Json.read(message.data().json(), parser -> decode(type, parser));
  }

  /**
   * Decodes the data of a message of {@code type} where it stands, from the parser on its first token to its last,
   * with the type's reader; a type no route names keeps its data as raw JSON (numbers as written) for the
   * unknown-type handler. The endpoint reads a delivery's messages this way, in one pass over its body.
   *
   * @throws WireFormatException when the type is unknown and no unknown-type handler was given (the parser has not
   *     moved), or the data does not fit the type
   */
  Decoded decode(String type, JsonParser data) {
    if (unknown == null || router.knows(type)) {
      return router.decode(type, data)::handle;
    }
    RawJson raw = new RawJson(Json.raw(data));
    return context -> unknown.handle(type, raw, context);
  }

  /** Adds the route of one type to the builder it gets, when it knows the type. */
  @FunctionalInterface
  public interface Resolver {
    /** Adds the route of {@code type} to {@code routes} and returns {@code true}, or returns {@code false}. */
    boolean resolve(String type, Builder routes);
  }

  public static final class Builder {
    private final Router.Builder<JsonParser, NotificationContext, Void> router;
    private UnknownHandler unknown;

    private Builder() {
      this(Router.builder());
    }

    private Builder(Router.Builder<JsonParser, NotificationContext, Void> router) {
      this.router = router;
    }

    /** Resolves each type's route when a message of the type first comes, loading no type's classes before. */
    public Builder lazily(Resolver resolver) {
      Objects.requireNonNull(resolver, "resolver");
      router.lazily((type, routes) -> resolver.resolve(type, new Builder(routes)));
      return this;
    }

    /**
     * Routes messages of {@code type}: their data is read with {@code reader} (from the value's first token to its
     * last, as generated {@code readJson} methods read), then handed to {@code handler}.
     */
    public <T> Builder on(String type, Function<JsonParser, T> reader, Handler<T> handler) {
      Objects.requireNonNull(reader, "reader");
      Objects.requireNonNull(handler, "handler");
      router.on(type, reader, (T notification, NotificationContext context) -> {
        handler.handle(notification, context);
        return null;
      });
      return this;
    }

    /** Handles messages of every type no route names. Without it, such a message fails its delivery. */
    public Builder otherwise(UnknownHandler handler) {
      this.unknown = Objects.requireNonNull(handler, "handler");
      return this;
    }

    public NotificationDispatcher build() {
      return new NotificationDispatcher(router.build(), unknown);
    }
  }
}
