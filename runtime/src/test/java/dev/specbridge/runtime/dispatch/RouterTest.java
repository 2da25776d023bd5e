package dev.specbridge.runtime.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
  @Test
  void aLazyRouteIsResolvedOnceWhenItsNameFirstComesAndAnUnknownNameStaysUnknown() throws Exception {
    List<String> asked = new ArrayList<>();
    Router<String, String, String> router = Router.<String, String, String>builder()
        .on("given", input -> input, (message, context) -> "given " + message)
        .lazily((name, routes) -> {
          asked.add(name);
          if (!name.equals("late")) {
            return false;
          }
          routes.on("late", String::length, (length, context) -> "late " + length + " for " + context);
          return true;
        })
        .build();
    assertEquals(List.of(), asked, "nothing is resolved before a message comes");
    assertEquals("late 3 for ctx", router.decode("late", "abc").handle("ctx"));
    assertEquals("late 2 for ctx", router.decode("late", "ab").handle("ctx"));
    assertEquals("given x", router.decode("given", "x").handle("ctx"));
    assertEquals(List.of("late"), asked, "resolved once, and never for a name given up front");
    assertFalse(router.knows("other"));
    assertThrows(WireFormatException.class, () -> router.decode("other", "x"));
    assertEquals(List.of("late", "other", "other"), asked, "an unknown name is asked again, never kept");
  }

  private final List<String> handled = new ArrayList<>();

  private Router<String, String, String> router(boolean withFallback) {
    Router.Builder<String, String, String> builder = Router.<String, String, String>builder()
        .on("double", Integer::parseInt, (Integer n, String context) -> {
          handled.add("double " + n);
          return context + ":" + (n * 2);
        });
    if (withFallback) {
      builder.otherwise((name, input, context) -> {
        handled.add("other " + name);
        return context + ":" + name + "=" + input;
      });
    }
    return builder.build();
  }

  @Test
  void aMessageIsDecodedByItsRouteThenHandledWithItsContext() throws Exception {
    Router<String, String, String> router = router(false);
    Router.Decoded<String, String> decoded = router.decode("double", "21");
    assertTrue(handled.isEmpty(), "decoding handles nothing yet");
    assertEquals("ctx:42", decoded.handle("ctx"));
    assertEquals(List.of("double 21"), handled);
    assertTrue(router.knows("double"));
    assertFalse(router.knows("triple"));
  }

  @Test
  void aReaderThatFailsFailsTheDecodeBeforeAnyHandlerRuns() {
    assertThrows(NumberFormatException.class, () -> router(false).decode("double", "many"));
    assertTrue(handled.isEmpty());
  }

  @Test
  void anUnknownNameGoesToTheFallbackWholeOrIsAnError() throws Exception {
    assertEquals("ctx:triple=7", router(true).decode("triple", "7").handle("ctx"));
    assertEquals(List.of("other triple"), handled);
    WireFormatException e = assertThrows(WireFormatException.class, () -> router(false).decode("triple", "7"));
    assertTrue(e.getMessage().contains("'triple'"), e.getMessage());
  }

  @Test
  void aNameRoutedTwiceIsRefused() {
    Router.Builder<String, String, String> builder = Router.<String, String, String>builder()
        .on("a", s -> s, (String s, String c) -> s);
    assertThrows(IllegalArgumentException.class, () -> builder.on("a", s -> s, (String s, String c) -> s));
  }
}
