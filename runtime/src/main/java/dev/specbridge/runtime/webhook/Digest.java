package dev.specbridge.runtime.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lowercase hex digests of UTF-8 text or bytes, with algorithms every Java platform has. */
final class Digest {
  private Digest() {}

  static String hex(String algorithm, String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return hex(algorithm, utf8, 0, utf8.length);
  }

  /** The digest of {@code length} bytes of {@code bytes} from {@code offset}. */
  static String hex(String algorithm, byte[] bytes, int offset, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance(algorithm);
      digest.update(bytes, offset, length);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has " + algorithm, e);
    }
  }
}
