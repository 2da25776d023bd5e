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

  private final Router<RawJson, NotificationContext, Void> router;

  private NotificationDispatcher(Router<RawJson, NotificationContext, Void> router) {
    this.router = router;
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
    return router.decode(message.type(), message.data())::handle;
  }

  /** Adds the route of one type to the builder it gets, when it knows the type. */
  @FunctionalInterface
  public interface Resolver {
    /** Adds the route of {@code type} to {@code routes} and returns {@code true}, or returns {@code false}. */
    boolean resolve(String type, Builder routes);
  }

  public static final class Builder {
    private final Router.Builder<RawJson, NotificationContext, Void> router;

    private Builder() {
      this(Router.builder());
    }

    private Builder(Router.Builder<RawJson, NotificationContext, Void> router) {
      this.router = router;
    }

    /** Resolves each type's route when a message of the type first comes, loading no type's classes before. */
    public Builder lazily(Resolver resolver) {
      Objects.requireNonNull(resolver, "resolver");
      router.lazily((type, routes) -> resolver.resolve(type, new Builder(routes)));
      return this;
    }

    /** Routes messages of {@code type}: their data is read with {@code reader}, then handed to {@code handler}. */
    public <T> Builder on(String type, Function<JsonParser, T> reader, Handler<T> handler) {
      Objects.requireNonNull(reader, "reader");
      Objects.requireNonNull(handler, "handler");
      router.on(type, data -> Json.read(data.json(), reader), (T notification, NotificationContext context) -> {
        handler.handle(notification, context);
        return null;
      });
      return this;
    }

    /** Handles messages of every type no route names. Without it, such a message fails its delivery. */
    public Builder otherwise(UnknownHandler handler) {
      Objects.requireNonNull(handler, "handler");
      router.otherwise((type, data, context) -> {
        handler.handle(type, data, context);
        return null;
      });
      return this;
    }

    public NotificationDispatcher build() {
      return new NotificationDispatcher(router.build());
    }
  }
}
