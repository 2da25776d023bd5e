package dev.specbridge.runtime.form;

import dev.specbridge.runtime.wire.Utf8;
import dev.specbridge.runtime.wire.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of {@code application/x-www-form-urlencoded} in UTF-8, as the WHATWG URL standard and every
 * browser write it: letters, digits and {@code *-._} stay, a space becomes {@code +}, every other byte
 * becomes {@code %XX}. Decoding is strict: a broken {@code %} escape or invalid UTF-8 is an error, not a guess.
 */
public final class FormEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final boolean[] SAFE = new boolean[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      SAFE[c] = true;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      SAFE[c] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      SAFE[c] = true;
    }
    for (char c : "*-._".toCharArray()) {
      SAFE[c] = true;
    }
  }

  private FormEncoding() {}

  /** Appends {@code text} encoded to {@code out}. */
  public static void encode(CharSequence text, StringBuilder out) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 128 && SAFE[c]) {
        out.append(c);
      } else if (c == ' ') {
        out.append('+');
      } else if (c < 128) {
        appendByte(c, out);
      } else {
        int codePoint = Character.codePointAt(text, i);
        if (Character.isSupplementaryCodePoint(codePoint)) {
          i++;
        } else if (Character.isSurrogate(c)) {
          codePoint = '?'; // a lone surrogate has no UTF-8 form; the JDK encoder writes '?' too
        }
        for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
          appendByte(b & 0xFF, out);
        }
      }
    }
  }

  public static String encode(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    encode(text, out);
    return out.toString();
  }

  private static void appendByte(int b, StringBuilder out) {
    out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
  }

  /** An ASCII hex digit's value, else -1 ({@code Character.digit} would also take {@code ٣}, an Arabic three). */
  private static int hex(char c) {
    return c < 128 ? Character.digit(c, 16) : -1;
  }

  /** Decodes {@code text[start, end)}. */
  public static String decode(String text, int start, int end) {
    int i = start;
    while (i < end && text.charAt(i) != '%' && text.charAt(i) != '+') {
      i++;
    }
    if (i == end) {
      return text.substring(start, end); // the common case: nothing to decode
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(end - start);
    for (int j = start; j < end; j++) {
      char c = text.charAt(j);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (j + 2 >= end) {
          throw new WireFormatException("a '%' escape is cut short at character " + j);
        }
        int high = hex(text.charAt(j + 1));
        int low = hex(text.charAt(j + 2));
        if (high < 0 || low < 0) {
          throw new WireFormatException("'" + text.substring(j, j + 3) + "' at character " + j
              + " is not a '%' escape");
        }
        bytes.write(high << 4 | low);
        j += 2;
      } else if (c < 128) {
        bytes.write(c);
      } else {
        // a character beyond the BMP is two chars: encoded one by one, each would be a '?'
        int chars = Character.isHighSurrogate(c) && j + 1 < end && Character.isLowSurrogate(text.charAt(j + 1))
            ? 2 : 1;
        if (chars == 1 && Character.isSurrogate(c)) {
          throw new WireFormatException("a lone surrogate at character " + j + " is not text");
        }
        byte[] utf8 = text.substring(j, j + chars).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        j += chars - 1;
      }
    }
    return Utf8.decode(bytes.toByteArray(), "a '%' escape does not decode to UTF-8 text");
  }
}
