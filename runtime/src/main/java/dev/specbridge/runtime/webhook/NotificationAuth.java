package dev.specbridge.runtime.webhook;

import java.util.Objects;

/**
 * How a notification endpoint answers the server's {@code authenticate} challenge. With the login, the
 * password leaves only hashed with the challenge's key (lowercase hex MD5 of login id + password + key), unless
 * plain answers are explicitly allowed; passively, the endpoint answers {@code OK} and the client opens the
 * notifications itself with the {@code authenticate_notifications} command. {@code toString()} never shows
 * the password.
 */
public sealed interface NotificationAuth {
  /** Answers a challenge with the login, the password hashed with its key; refuses a challenge without a key. */
  static NotificationAuth login(String loginId, String password) {
    return new Login(loginId, password, false);
  }

  /**
   * Like {@link #login}, and also answers a challenge without a key with the plain password, as the server
   * expects when its key authentication is turned off. Not recommended: the password then travels as is.
   */
  static NotificationAuth loginAllowingPlainPassword(String loginId, String password) {
    return new Login(loginId, password, true);
  }

  /** Answers every challenge {@code OK}; the client then calls {@code authenticate_notifications}. */
  static NotificationAuth passive() {
    return Passive.INSTANCE;
  }

  /** The login's answer to a challenge with {@code key}: lowercase hex MD5 of (login id + password + key). */
  static String hashedPassword(String loginId, String password, String key) {
    return Digest.hex("MD5", loginId + password + key);
  }

  /** Answers with the login. */
  record Login(String loginId, String password, boolean allowPlainPassword) implements NotificationAuth {
    public Login {
      Objects.requireNonNull(loginId, "loginId");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Login[loginId=" + loginId + ", password=(hidden), allowPlainPassword=" + allowPlainPassword + "]";
    }
  }

  /** Answers {@code OK} and leaves authentication to the {@code authenticate_notifications} command. */
  enum Passive implements NotificationAuth { INSTANCE }
}
