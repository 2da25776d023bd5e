package dev.specbridge.runtime.form;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Server side: decides who is calling from a request's credentials, or refuses the call by throwing
 * {@link CommandRefusedException}.
 */
@FunctionalInterface
public interface FormAuthenticator {
  /**
   * The credentials a request carried; fields not sent are {@code null}. For a signed request,
   * {@code signature} and {@code nonce} come from the headers and {@code body} is the exact body received.
   */
  record Credentials(String loginId, String password, String sitecomToken, String userToken, String signedUser,
      String signature, String nonce, String command, byte[] body) {
    @Override
    public String toString() {
      return "Credentials[loginId=" + loginId + ", signedUser=" + signedUser + ", command=" + command + "]";
    }
  }

  /** The principal (a name safe to log), or a thrown {@link CommandRefusedException}. */
  String authenticate(Credentials credentials);

  /** Accepts exactly one login id and password, compared in constant time. */
  static FormAuthenticator login(String loginId, String password) {
    Objects.requireNonNull(loginId, "loginId");
    byte[] expected = password.getBytes(StandardCharsets.UTF_8);
    return credentials -> {
      if (loginId.equals(credentials.loginId()) && credentials.password() != null
          && MessageDigest.isEqual(expected, credentials.password().getBytes(StandardCharsets.UTF_8))) {
        return loginId;
      }
      throw new CommandRefusedException(1, "Authentication failed");
    };
  }
}
