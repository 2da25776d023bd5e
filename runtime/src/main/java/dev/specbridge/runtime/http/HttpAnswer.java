package dev.specbridge.runtime.http;

import dev.specbridge.runtime.error.MalformedResponseException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import okhttp3.MediaType;

/**
 * An HTTP answer read whole (within the transport's size cap), as a protocol's {@link HttpCall} reads it.
 *
 * @param call the name of the call it answers, for messages
 * @param status the HTTP status
 * @param reason the HTTP reason phrase
 * @param headers the answer's headers
 * @param body its bytes
 */
public record HttpAnswer(String call, int status, String reason, Headers headers, byte[] body) {
  /** The declared content type, or {@code "no content type"}. */
  public String contentType() {
    String type = headers.get("Content-Type");
    return type == null ? "no content type" : type;
  }

  /**
   * The body decoded strictly in its declared charset (UTF-8 when none): bytes that are not text in it are a
   * {@link MalformedResponseException} carrying them, never replaced by U+FFFD.
   */
  public String text() {
    Charset charset = charset();
    try {
      return strict(body, charset);
    } catch (CharacterCodingException e) {
      throw new MalformedResponseException(call + ": the answer is not valid " + charset.name() + " ("
          + body.length + " bytes)", raw(), e);
    }
  }

  /**
   * The body as text for a message or an exception's raw body: decoded strictly when it is text in its charset,
   * else each byte as one character (ISO-8859-1), so that nothing is replaced and every byte can be recovered.
   */
  public String raw() {
    try {
      return strict(body, charset());
    } catch (CharacterCodingException e) {
      return new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  private Charset charset() {
    String type = headers.get("Content-Type");
    MediaType media = type == null ? null : MediaType.parse(type);
    Charset charset = media == null ? null : media.charset(null);
    return charset == null ? StandardCharsets.UTF_8 : charset;
  }

  private static String strict(byte[] bytes, Charset charset) throws CharacterCodingException {
    return charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /** Says no header and no byte of the body: either may carry a session or a secret. */
  @Override
  public String toString() {
    return "HttpAnswer[" + call + ", HTTP " + status + ", " + body.length + " bytes]";
  }
}
