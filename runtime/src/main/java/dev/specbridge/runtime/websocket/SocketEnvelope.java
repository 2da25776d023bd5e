package dev.specbridge.runtime.websocket;

import java.util.Objects;

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
}
