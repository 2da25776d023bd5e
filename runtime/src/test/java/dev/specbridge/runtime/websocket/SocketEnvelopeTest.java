package dev.specbridge.runtime.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.wire.WireFormatException;
import org.junit.jupiter.api.Test;

/** The frame reading and writing that a session and a server share, against what a hostile peer sends. */
class SocketEnvelopeTest {
  private static final SocketEnvelope CITYTRIPS = SocketEnvelope.CITYTRIPS;

  @Test
  void aFrameIsWrittenAndReadBackWithItsPayloadDigitForDigit() {
    String frame = CITYTRIPS.write("s_vehicle/full", "[{\"lat\":1e5,\"b\":0.10}]");
    assertEquals("{\"command\":\"s_vehicle/full\",\"payload\":[{\"lat\":1e5,\"b\":0.10}]}", frame);
    SocketEnvelope.Frame read = CITYTRIPS.read(frame);
    assertEquals("s_vehicle/full", read.command());
    assertEquals("[{\"lat\":1e5,\"b\":0.10}]", read.payload().json());
    assertEquals("null", CITYTRIPS.read("{\"command\":\"x\"}").payload().json());
  }

  @Test
  void aHostileFrameIsATypedErrorNeverAStackOverflow() {
    String deep = "{\"command\":\"x\",\"payload\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    assertThrows(WireFormatException.class, () -> CITYTRIPS.read(deep));
    WireFormatException twice = assertThrows(WireFormatException.class,
        () -> CITYTRIPS.read("{\"command\":\"a\",\"command\":\"b\",\"payload\":1}"));
    assertTrue(twice.getMessage().contains("written twice"), twice.getMessage());
    assertThrows(WireFormatException.class, () -> CITYTRIPS.read("{\"command\":7}"));
    assertThrows(WireFormatException.class, () -> CITYTRIPS.read("[1,2]"));
    assertThrows(WireFormatException.class, () -> CITYTRIPS.read("{\"payload\":1}"));
    assertThrows(WireFormatException.class, () -> CITYTRIPS.write("x", "{\"a\":1} trailing"));
  }
}
