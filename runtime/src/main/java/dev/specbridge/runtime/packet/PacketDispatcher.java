package dev.specbridge.runtime.packet;

import dev.specbridge.runtime.dispatch.Router;
import dev.specbridge.runtime.form.FormReader;
import java.util.Objects;
import java.util.function.Function;

/**
 * Server side: runs an item of a received packet by its element and action ({@code account} {@code insert}),
 * on a {@link Router}: reads its fields with the object's generated reader, then calls the handler. Generated
 * {@code <Api>Handler.dispatcher(…)} builds one from a handler.
 */
public final class PacketDispatcher {
  /** Handles one action on one object. */
  @FunctionalInterface
  public interface ItemHandler<T> {
    ItemAnswer handle(T object, ItemContext context);
  }

  private final Router<FormReader, ItemContext, ItemAnswer> router;

  private PacketDispatcher(Router<FormReader, ItemContext, ItemAnswer> router) {
    this.router = router;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The route's name of an action on an element: {@code account insert}. */
  static String route(String element, String action) {
    return element + " " + action;
  }

  /** Whether any action on {@code element} has a route. */
  boolean knows(String element, String action) {
    return router.knows(route(element, action));
  }

  /** Reads an item's fields and runs its handler. */
  ItemAnswer dispatch(String element, String action, FormReader fields, ItemContext context) {
    try {
      return router.decode(route(element, action), fields).handle(context);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) { // an item handler declares no checked exception; keep the cause all the same
      throw new IllegalStateException(route(element, action) + " failed", e);
    }
  }

  /** Routes from an element and action to handlers. */
  public static final class Builder {
    private final Router.Builder<FormReader, ItemContext, ItemAnswer> router;

    private Builder() {
      this.router = Router.builder();
    }

    /** Runs {@code action} on {@code element}: its fields read by {@code reader}, then {@code handler}. */
    public <T> Builder on(String element, String action, Function<FormReader, T> reader, ItemHandler<T> handler) {
      Objects.requireNonNull(handler, "handler");
      router.on(route(element, action), reader, handler::handle);
      return this;
    }

    public PacketDispatcher build() {
      return new PacketDispatcher(router.build());
    }
  }
}
