package dev.specbridge.runtime.websocket;

import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.json.MemberNames;
import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.wire.WireFormatException;
import java.util.Objects;
import tools.jackson.core.JsonToken;

/**
 * The wire names of a JSON-over-WebSocket API whose every message is one object {@code {command, payload}}: the
 * two members, and the commands that run the session (authentication and server errors). A spec declares them;
 * {@link #CITYTRIPS} holds CityTrips's (seed 003), spellings as the server uses them.
 *
 * @param commandMember the member that names the message's command ({@code command})
 * @param payloadMember the member that carries its payload ({@code payload})
 * @param authenticate the command the client sends to authenticate ({@code s_ext/authenticate})
 * @param mustAuthenticate the command by which the server asks for authentication ({@code s_ext/must_authenticate})
 * @param authSuccessful the command that says authentication succeeded ({@code s_ext/auth_succesful}, the seed's
 *     spelling)
 * @param authError the command that says authentication failed ({@code s_ext/auth_error})
 * @param serverError the command of a generic server error ({@code s_ext/error})
 */
public record SocketEnvelope(String commandMember, String payloadMember, String authenticate,
    String mustAuthenticate, String authSuccessful, String authError, String serverError) {

  /** CityTrips's names, as seed 003 writes them (its typo {@code s_ext/auth_succesful} included). */
  public static final SocketEnvelope CITYTRIPS = new SocketEnvelope("command", "payload", "s_ext/authenticate",
      "s_ext/must_authenticate", "s_ext/auth_succesful", "s_ext/auth_error", "s_ext/error");

  public SocketEnvelope {
    Objects.requireNonNull(commandMember, "commandMember");
    Objects.requireNonNull(payloadMember, "payloadMember");
    Objects.requireNonNull(authenticate, "authenticate");
    Objects.requireNonNull(mustAuthenticate, "mustAuthenticate");
    Objects.requireNonNull(authSuccessful, "authSuccessful");
    Objects.requireNonNull(authError, "authError");
    Objects.requireNonNull(serverError, "serverError");
    if (commandMember.equals(payloadMember)) {
      throw new IllegalArgumentException("the command and payload members must differ, both are '"
          + commandMember + "'");
    }
  }

  /**
   * Whether {@code command}, received, is the session's to handle (must-authenticate, success, failure, server
   * error), and so never reaches the listener's {@code onMessage}.
   */
  public boolean isSessionCommand(String command) {
    return command.equals(mustAuthenticate) || command.equals(authSuccessful) || command.equals(authError)
        || command.equals(serverError);
  }

  /**
   * A message as read: its command and its payload, raw JSON ({@code null} when the frame has none).
   *
   * @param command the command
   * @param payload the payload as sent
   */
  public record Frame(String command, RawJson payload) {}

  /**
   * A message as the wire carries it: {@code {"command": …, "payload": …}} with this envelope's members; a
   * {@code null} payload is JSON {@code null}.
   *
   * @throws WireFormatException when the payload is not one JSON value
   */
  public String write(String command, String payloadJson) {
    return Json.write(generator -> {
      generator.writeStartObject();
      generator.writeName(commandMember);
      generator.writeString(command);
      generator.writeName(payloadMember);
      if (payloadJson == null) {
        generator.writeNull();
      } else {
        Json.writeRaw(generator, payloadJson, payloadMember);
      }
      generator.writeEndObject();
    });
  }

  /**
   * Reads a frame: an object with a string command and any payload (JSON {@code null} when absent); other members
   * are checked and passed over, a member written twice is an error. What both a session and a server read.
   *
   * @throws WireFormatException when the frame is not such an object
   */
  public Frame read(String text) {
    return Json.read(text, parser -> {
      Json.expect(parser, JsonToken.START_OBJECT, "a message");
      MemberNames names = new MemberNames();
      String command = null;
      String payload = null;
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        names.add(parser);
        String name = parser.currentName();
        JsonToken token = parser.nextToken();
        if (name.equals(commandMember)) {
          if (token != JsonToken.VALUE_STRING) {
            throw new WireFormatException("the member '" + name + "' should be a string");
          }
          command = parser.getString();
        } else if (name.equals(payloadMember)) {
          payload = Json.raw(parser);
        } else {
          Json.skipChecked(parser);
        }
      }
      if (command == null) {
        throw new WireFormatException("the message has no member '" + commandMember + "'");
      }
      return new Frame(command, new RawJson(payload == null ? "null" : payload));
    });
  }
}
