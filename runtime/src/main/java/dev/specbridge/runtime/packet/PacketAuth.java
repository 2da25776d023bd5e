package dev.specbridge.runtime.packet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How a packet logs in, in its {@code <authentication>}: as a user ({@code username} and the lowercase hex MD5 of
 * the password as {@code code}) or as a sync client ({@code clientId} and its {@code code}). The server checks a
 * sync client's {@code id} against its own host name, so the client sends the URL's host as {@code id} unless
 * told otherwise. {@code toString()} never shows a code.
 */
public sealed interface PacketAuth {
  /** A user's login: the code is the lowercase hex MD5 of the password, as the server stores it. */
  static PacketAuth user(String username, String password) {
    return new User(username, md5Hex(Objects.requireNonNull(password, "password")));
  }

  /** A user's login with its code already made (the lowercase hex MD5 of the password). */
  static PacketAuth userCode(String username, String code) {
    return new User(username, code);
  }

  /** A sync client's login: its id and code, as the server's {@code sync_client} row has them. */
  static PacketAuth syncClient(int clientId, String code) {
    return new SyncClient(clientId, code);
  }

  /** A user's login. */
  record User(String username, String code) implements PacketAuth {
    public User {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
      return "User[" + username + ", code=\u2588\u2588]";
    }
  }

  /** A sync client's login. */
  record SyncClient(int clientId, String code) implements PacketAuth {
    public SyncClient {
      Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
      return "SyncClient[" + clientId + ", code=\u2588\u2588]";
    }
  }

  /** The lowercase hex MD5 of {@code text} in UTF-8: the code of a password. */
  static String md5Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }
}
