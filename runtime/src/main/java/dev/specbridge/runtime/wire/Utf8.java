package dev.specbridge.runtime.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8: bytes that are not UTF-8 are an error rather than silently replaced. */
public final class Utf8 {
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
}
