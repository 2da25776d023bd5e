package dev.specbridge.runtime.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8: bytes that are not UTF-8 are an error rather than silently replaced. */
public final class Utf8 {
  /** The bytes of an array read eight at a time. */
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
      ByteOrder.LITTLE_ENDIAN);
  /** The high bit of each of eight bytes: none is set in eight ASCII bytes. */
  private static final long HIGH_BITS = 0x8080808080808080L;

  private Utf8() {}

  /**
   * {@code bytes} as text.
   *
   * @param failure what the error says when the bytes are not UTF-8
   * @throws WireFormatException when they are not
   */
  public static String decode(byte[] bytes, String failure) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new WireFormatException(failure, e);
    }
  }

  /**
   * Checks that {@code bytes} are well-formed UTF-8 (RFC 3629: no overlong form, no surrogate, nothing beyond
   * U+10FFFF), without decoding them: for a parser that reads the bytes itself and is more lenient than that.
   *
   * @param failure what the error says when the bytes are not UTF-8
   * @throws WireFormatException when they are not
   */
  public static void check(byte[] bytes, String failure) {
    int i = 0;
    int length = bytes.length;
    while (i < length) {
      while (i <= length - Long.BYTES && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
        i += Long.BYTES; // eight ASCII bytes, the common case, at once: a byte at a time took 1 ns a byte
      }
      if (i == length) {
        return;
      }
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      int lead = b & 0xFF;
      int more;
      int low = 0x80; // the range of the first continuation byte, which rules out overlong forms and surrogates
      int high = 0xBF;
      if (lead >= 0xC2 && lead <= 0xDF) {
        more = 1;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        more = 2;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        more = 3;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
      } else {
        throw new WireFormatException(failure + " (a byte that starts no UTF-8 character at offset " + i + ")");
      }
      if (i + more >= length) {
        throw new WireFormatException(failure + " (a character cut short at offset " + i + ")");
      }
      for (int k = 1; k <= more; k++) {
        int next = bytes[i + k] & 0xFF;
        int min = k == 1 ? low : 0x80;
        int max = k == 1 ? high : 0xBF;
        if (next < min || next > max) {
          throw new WireFormatException(failure + " (a malformed character at offset " + i + ")");
        }
      }
      i += more + 1;
    }
  }
}
