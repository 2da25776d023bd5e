package dev.specbridge.runtime.form;

/**
 * Computes the signature of the API Service's "Advanced Authentication". Its public documentation stops before
 * saying what is signed and how (the example signature is 32 bytes in base64, which would fit HMAC-SHA256, but
 * that is a guess): implement it as your provider tells you.
 */
@FunctionalInterface
public interface RequestSigner {
  /** What a signature may cover: the user, the command, the nonce and the exact body bytes sent. */
  record Input(String user, String command, String nonce, byte[] body) {}

  /** The signature placed after {@code AI user:} in the {@code Authorization} header. */
  String sign(Input input);
}
