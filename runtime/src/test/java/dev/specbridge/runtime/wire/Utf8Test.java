package dev.specbridge.runtime.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {
  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static boolean decodes(byte[] bytes) {
    try {
      Utf8.decode(bytes, "no");
      return true;
    } catch (WireFormatException e) {
      return false;
    }
  }

  private static boolean checks(byte[] bytes) {
    try {
      Utf8.check(bytes, "no");
      return true;
    } catch (WireFormatException e) {
      return false;
    }
  }

  @Test
  void overlongFormsSurrogatesAndCodePointsBeyondUnicodeAreRefused() {
    for (byte[] bad : List.of(bytes(0xC1, 0xBF), bytes(0xC0, 0x80), bytes(0xE0, 0x80, 0x80),
        bytes(0xF0, 0x80, 0x80, 0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xED, 0xA0, 0x80), bytes(0xFF),
        bytes(0xC3), bytes(0xE2, 0x82), bytes(0x80), bytes(0xC3, 0x28))) {
      assertThrows(WireFormatException.class, () -> Utf8.check(bad, "not UTF-8"));
    }
    Utf8.check("plain, Jos\u00e9, \u20ac, \ud83d\ude00".getBytes(StandardCharsets.UTF_8), "not UTF-8");
  }

  @Test
  void checkAgreesWithTheStrictDecoderOnRandomBytes() {
    Random random = new Random(42);
    int[] alphabet = {0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xA0,
        0x9F, 0x90, 0x8F};
    for (int n = 0; n < 20_000; n++) {
      byte[] bytes = new byte[1 + random.nextInt(6)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) alphabet[random.nextInt(alphabet.length)];
      }
      assertEquals(decodes(bytes), checks(bytes), () -> java.util.HexFormat.of().formatHex(bytes));
    }
  }

  @Test
  void checkAgreesWithTheStrictDecoderWhereverACharacterFallsAmongAsciiRuns() {
    Random random = new Random(7);
    int[] alphabet = {0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xA0, 0x9F};
    for (int n = 0; n < 20_000; n++) {
      byte[] bytes = new byte[1 + random.nextInt(40)];
      java.util.Arrays.fill(bytes, (byte) 'a');
      for (int k = random.nextInt(4); k > 0; k--) { // a few bytes of the alphabet, anywhere: across 8-byte words too
        int at = random.nextInt(bytes.length);
        for (int j = at; j < Math.min(bytes.length, at + 1 + random.nextInt(4)); j++) {
          bytes[j] = (byte) alphabet[random.nextInt(alphabet.length)];
        }
      }
      assertEquals(decodes(bytes), checks(bytes), () -> java.util.HexFormat.of().formatHex(bytes));
    }
    byte[] cut = "0123456789abcdef\u00e9".getBytes(StandardCharsets.UTF_8);
    WireFormatException e = assertThrows(WireFormatException.class,
        () -> Utf8.check(java.util.Arrays.copyOf(cut, cut.length - 1), "not UTF-8"));
    assertEquals("not UTF-8 (a character cut short at offset 16)", e.getMessage());
  }
}
