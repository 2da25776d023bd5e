package dev.specbridge.examples.site;

import dev.specbridge.runtime.form.RequestSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A signer for the emulator and the tests: base64 HMAC-SHA256, keyed with the password, over the user, the
 * command, the nonce and the body. <strong>Not the API Service's algorithm</strong>, which is not public; it
 * only shows where a real one plugs in ({@code FormAuth.signed(user, signer)}).
 */
public final class StandInSigner implements RequestSigner {
  private final SecretKeySpec key;

  public StandInSigner(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  @Override
  public String sign(Input input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update((input.user() + "\n" + input.command() + "\n" + input.nonce() + "\n")
          .getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(input.body()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The key stays out of logs. */
  @Override
  public String toString() {
    return "StandInSigner[██]";
  }
}
