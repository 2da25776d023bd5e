package dev.specbridge.runtime.form;

import java.util.Objects;

/**
 * How a client proves who it is, in each of the ways the API Service documents. Secrets are never printed.
 */
public sealed interface FormAuth {
  /** {@code ai_login_id} and {@code ai_login_password} in every request. */
  static FormAuth login(String loginId, String password) {
    return new Login(loginId, password);
  }

  /** {@code ai_sitecom_token} in place of the login pair; the token is opaque, made by the site. */
  static FormAuth sitecomToken(String token) {
    return new SitecomToken(token);
  }

  /** A user's {@code ai_token}, as {@code user_login_token} returns it. */
  static FormAuth userToken(String token) {
    return new UserToken(token);
  }

  /**
   * The "Advanced Authentication" headers: {@code Authorization: AI user:signature}, {@code X-AI-Command} and
   * {@code X-AI-Nonce}, with the body free of credentials. The signature algorithm is not public, so the
   * caller supplies it.
   */
  static FormAuth signed(String user, RequestSigner signer) {
    return new Signed(user, signer);
  }

  /** No credentials, for commands that take none (the documented {@code user_login_token} example). */
  static FormAuth none() {
    return None.INSTANCE;
  }

  record Login(String loginId, String password) implements FormAuth {
    public Login {
      Objects.requireNonNull(loginId, "loginId");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Login[loginId=" + loginId + ", password=██]";
    }
  }

  record SitecomToken(String token) implements FormAuth {
    public SitecomToken {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
      return "SitecomToken[██]";
    }
  }

  record UserToken(String token) implements FormAuth {
    public UserToken {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
      return "UserToken[██]";
    }
  }

  record Signed(String user, RequestSigner signer) implements FormAuth {
    public Signed {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(signer, "signer");
    }

    /** The signer holds the key: only the user prints. */
    @Override
    public String toString() {
      return "Signed[user=" + user + ", signer=██]";
    }
  }

  enum None implements FormAuth {
    INSTANCE
  }
}
