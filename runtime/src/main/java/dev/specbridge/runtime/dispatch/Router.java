package dev.specbridge.runtime.dispatch;

import dev.specbridge.runtime.wire.WireFormatException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Routes a named message (a command, a notification type, a message of a WebSocket) to its handler: decodes its
 * input with the route's reader, then, as a second step, calls the handler. The two steps are apart so that an
 * endpoint can decode every message of a delivery before it handles any. Every dispatcher of the runtime routes
 * through one; generated {@code <Api>Handler.dispatcher(…)} methods build them.
 *
 * @param <I> what a message arrives as (name-value pairs, raw JSON…)
 * @param <C> what a handler gets beside the decoded message (who calls, where the message stands)
 * @param <R> what handling gives back (an answer to write, or nothing)
 */
public final class Router<I, C, R> {
  /** Handles the messages of one name, decoded. */
  @FunctionalInterface
  public interface Handler<T, C, R> {
    R handle(T message, C context) throws Exception;
  }

  /** Handles a message whose name no route names, as it arrived: nothing is dropped. */
  @FunctionalInterface
  public interface Fallback<I, C, R> {
    R handle(String name, I input, C context) throws Exception;
  }

  /**
   * Adds the route of a name no route was given for, when it knows the name: a generated API of thousands of
   * entries routes lazily, so that a server starts without loading every entry's classes.
   */
  @FunctionalInterface
  public interface Resolver<I, C, R> {
    /** Adds the route of {@code name} to {@code routes} and returns {@code true}, or returns {@code false}. */
    boolean resolve(String name, Builder<I, C, R> routes);
  }

  /** A message decoded and ready to hand to its handler. */
  @FunctionalInterface
  public interface Decoded<C, R> {
    R handle(C context) throws Exception;
  }

  private record Route<I, T, C, R>(Function<? super I, ? extends T> reader, Handler<? super T, ? super C, ? extends R> handler) {
    Decoded<C, R> decode(I input) {
      T message = reader.apply(input);
      return context -> handler.handle(message, context);
    }
  }

  private final Map<String, Route<I, ?, C, R>> routes;
  private final Fallback<I, C, R> fallback;
  private final Resolver<I, C, R> resolver;

  private Router(Builder<I, C, R> builder) {
    this.routes = new ConcurrentHashMap<>(builder.routes);
    this.fallback = builder.fallback;
    this.resolver = builder.resolver;
  }

  /** The route of {@code name}: given, or resolved once and kept; {@code null} when none. */
  private Route<I, ?, C, R> route(String name) {
    Route<I, ?, C, R> route = routes.get(name);
    if (route == null && resolver != null) {
      Builder<I, C, R> resolved = new Builder<>();
      if (resolver.resolve(name, resolved) && (route = resolved.routes.get(name)) != null) {
        Route<I, ?, C, R> first = routes.putIfAbsent(name, route);
        route = first != null ? first : route;
      }
    }
    return route;
  }

  public static <I, C, R> Builder<I, C, R> builder() {
    return new Builder<>();
  }

  /** Whether {@code name} has a route of its own (other names go to the fallback, if there is one). */
  public boolean knows(String name) {
    return route(name) != null;
  }

  /**
   * Decodes a message with its route's reader; what the reader throws (a value that does not fit) comes out here,
   * before any handler runs.
   *
   * @throws WireFormatException when no route names the message and there is no fallback
   */
  public Decoded<C, R> decode(String name, I input) {
    Route<I, ?, C, R> route = route(name);
    if (route != null) {
      return route.decode(input);
    }
    if (fallback == null) {
      throw new WireFormatException("no handler for '" + name + "'");
    }
    return context -> fallback.handle(name, input, context);
  }

  public static final class Builder<I, C, R> {
    private final Map<String, Route<I, ?, C, R>> routes = new LinkedHashMap<>();
    private Fallback<I, C, R> fallback;
    private Resolver<I, C, R> resolver;

    private Builder() {}

    /** Routes messages named {@code name}: read with {@code reader}, then handed to {@code handler}. */
    public <T> Builder<I, C, R> on(String name, Function<? super I, ? extends T> reader,
        Handler<? super T, ? super C, ? extends R> handler) {
      Objects.requireNonNull(reader, "reader");
      Objects.requireNonNull(handler, "handler");
      if (routes.putIfAbsent(Objects.requireNonNull(name, "name"), new Route<>(reader, handler)) != null) {
        throw new IllegalArgumentException("'" + name + "' is routed twice");
      }
      return this;
    }

    /** Handles messages of every name no route names. Without it, such a message cannot be decoded. */
    public Builder<I, C, R> otherwise(Fallback<I, C, R> fallback) {
      this.fallback = Objects.requireNonNull(fallback, "fallback");
      return this;
    }

    /** Resolves the routes of names not given here, each once, when a message of that name first comes. */
    public Builder<I, C, R> lazily(Resolver<I, C, R> resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    public Router<I, C, R> build() {
      return new Router<>(this);
    }
  }
}
