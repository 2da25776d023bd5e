package dev.specbridge.runtime.websocket;

import dev.specbridge.runtime.dispatch.Router;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.wire.WireFormatException;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.core.JsonParser;

/**
 * Routes a received message to its handler by command, on a {@link Router}: reads its payload with the command's
 * generated reader, then calls the handler; a command no route names goes, raw, to the unknown-message handler.
 * Generated {@code <Api>Handler.dispatcher(…)} builds one; {@link #listener(SocketListener)} hands a session's
 * messages to it.
 */
public final class MessageDispatcher {
  /** Handles the messages of one command. */
  @FunctionalInterface
  public interface Handler<T> {
    void handle(T message, MessageContext context) throws Exception;
  }

  /** Handles a message whose command no route names: its payload stays raw JSON, nothing is dropped. */
  @FunctionalInterface
  public interface UnknownHandler {
    void handle(String command, RawJson payload, MessageContext context) throws Exception;
  }

  /** Adds the route of one command to the builder it gets, when it knows the command. */
  @FunctionalInterface
  public interface Resolver {
    /** Adds the route of {@code command} to {@code routes} and returns {@code true}, or returns {@code false}. */
    boolean resolve(String command, Builder routes);
  }

  private final Router<JsonParser, MessageContext, Void> router;
  private final UnknownHandler unknown;

  private MessageDispatcher(Router<JsonParser, MessageContext, Void> router, UnknownHandler unknown) {
    this.router = router;
    this.unknown = unknown;
  }

  public static Builder builder() {
    return new Builder(Router.builder());
  }

  /**
   * Reads a message's payload with its command's reader and hands it to the handler.
   *
   * @throws WireFormatException when the payload does not fit, or the command is unknown and no unknown-message
   *     handler was given
   * @throws Exception what the handler throws
   */
  public void dispatch(String command, RawJson payload) throws Exception {
    dispatch(new MessageContext(command, payload));
  }

  /**
   * Reads the context's message with its command's reader and hands it to the handler, which may answer through
   * the context: what a server that receives messages on a connection of its own calls.
   *
   * @throws WireFormatException when the payload does not fit, or the command is unknown and no unknown-message
   *     handler was given
   * @throws Exception what the handler throws
   */
  public void dispatch(MessageContext context) throws Exception {
    String command = context.command();
    RawJson payload = context.payload();
    if (unknown != null && !router.knows(command)) {
      unknown.handle(command, payload, context);
      return;
    }
    Router.Decoded<MessageContext, Void> decoded;
    try {
      decoded = Json.read(payload.json(), parser -> router.decode(command, parser));
    } catch (WireFormatException e) { // the payload's, not the handler's: a session reports it as malformed
      throw new MalformedPayloadException(command, e);
    }
    decoded.handle(context);
  }

  /**
   * A session listener that hands each message to this dispatcher, and every session event to {@code events}: a
   * payload that does not fit its message reaches {@code onMalformed}, a handler's failure
   * {@code onHandlerFailure}, both through the session, which stays up.
   */
  public SocketListener listener(SocketListener events) {
    return listener(events, null);
  }

  /**
   * {@link #listener(SocketListener)}, replies going back through {@code replies}: what a generated session
   * passes, with the session's {@code send}.
   */
  public SocketListener listener(SocketListener events, MessageContext.Sender replies) {
    Objects.requireNonNull(events, "events");
    return new SocketListener() {
      @Override
      public void onMessage(String command, RawJson payload) throws Exception {
        dispatch(new MessageContext(command, payload, replies));
      }

      @Override
      public void onAuthenticated() {
        events.onAuthenticated();
      }

      @Override
      public void onAuthError(RawJson payload) {
        events.onAuthError(payload);
      }

      @Override
      public void onServerError(RawJson payload) {
        events.onServerError(payload);
      }

      @Override
      public void onMalformed(String frame, String reason) {
        events.onMalformed(frame, reason);
      }

      @Override
      public void onHandlerFailure(String command, Throwable failure) {
        events.onHandlerFailure(command, failure);
      }

      @Override
      public void onDisconnected(String reason, Throwable failure) {
        events.onDisconnected(reason, failure);
      }

      @Override
      public void onReconnecting(int attempt, java.time.Duration delay) {
        events.onReconnecting(attempt, delay);
      }

      @Override
      public void onGaveUp(int attempts) {
        events.onGaveUp(attempts);
      }
    };
  }

  /** Routes from commands to handlers. */
  public static final class Builder {
    private final Router.Builder<JsonParser, MessageContext, Void> router;
    private UnknownHandler unknown;

    private Builder(Router.Builder<JsonParser, MessageContext, Void> router) {
      this.router = router;
    }

    /** Resolves each command's route when a message of it first comes, loading no message's classes before. */
    public Builder lazily(Resolver resolver) {
      Objects.requireNonNull(resolver, "resolver");
      router.lazily((command, routes) -> resolver.resolve(command, new Builder(routes)));
      return this;
    }

    /** Routes messages of {@code command}: their payload read with {@code reader}, then handed to {@code handler}. */
    public <T> Builder on(String command, Function<JsonParser, T> reader, Handler<T> handler) {
      Objects.requireNonNull(reader, "reader");
      Objects.requireNonNull(handler, "handler");
      router.on(command, reader, (T message, MessageContext context) -> {
        handler.handle(message, context);
        return null;
      });
      return this;
    }

    /** Handles messages of every command no route names. */
    public Builder otherwise(UnknownHandler handler) {
      this.unknown = Objects.requireNonNull(handler, "handler");
      return this;
    }

    public MessageDispatcher build() {
      return new MessageDispatcher(router.build(), unknown);
    }
  }
}
