package dev.specbridge.runtime.form;

import dev.specbridge.runtime.http.HttpEndpoint;
import dev.specbridge.runtime.wire.Utf8;
import dev.specbridge.runtime.wire.WireFormatException;
import java.util.Objects;

/**
 * Server side of a name-value API, as an {@link HttpEndpoint}: decodes the form body, reads the credentials
 * (from the envelope's pairs, {@code ai_*}, or the signed-request headers), authenticates, dispatches, and
 * answers in
 * URL-encoded pairs. Refusals are answered like the API Service does, with HTTP 200 and a non-zero
 * {@code status}; only a body that is not a form is an HTTP 400.
 */
public final class FormEndpoint implements HttpEndpoint {
  private static final String FORM_TYPE = "application/x-www-form-urlencoded; charset=utf-8";

  private final FormDispatcher dispatcher;
  private static final System.Logger LOG = System.getLogger(FormEndpoint.class.getName());
  private final FormAuthenticator authenticator;
  private final FormEnvelope envelope;

  /** An endpoint that runs {@code dispatcher}'s commands, with its envelope, for whom {@code authenticator} lets in. */
  public FormEndpoint(FormDispatcher dispatcher, FormAuthenticator authenticator) {
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.envelope = dispatcher.envelope();
  }

  @Override
  public Answer handle(Request request) {
    if (!request.method().equals("POST")) {
      return Answer.text(405, "text/plain; charset=utf-8", "commands are POSTed");
    }
    FormReader in;
    try {
      in = FormReader.parse(Utf8.decode(request.body(), "the body is not UTF-8")); // never U+FFFD
    } catch (WireFormatException e) {
      return Answer.text(400, "text/plain; charset=utf-8", "the body is not URL-encoded name-value pairs: "
          + e.getMessage());
    }
    FormWriter out = new FormWriter();
    try {
      FormAuthenticator.Credentials credentials = credentials(request, in);
      if (credentials.command() == null) {
        throw new CommandRefusedException(1, "Required parameter \"" + envelope.command() + "\" missing");
      }
      String principal = authenticator.authenticate(credentials);
      dispatcher.dispatch(credentials.command(), in, principal, out);
    } catch (CommandRefusedException refused) {
      dispatcher.writeRefusal(refused, out);
    } catch (RuntimeException e) { // a handler's bug: one log line without its data, and nothing of it answered
      LOG.log(System.Logger.Level.WARNING, "a command failed in its handler (" + e.getClass().getName()
          + "); answered HTTP 500");
      LOG.log(System.Logger.Level.DEBUG, "the handler's failure", e);
      return Answer.text(500, "text/plain; charset=utf-8", "internal error");
    }
    return new Answer(200, FORM_TYPE, out.toBytes());
  }

  /**
   * Marks every credential pair as such, so that none (nor a repeated copy) becomes an unknown field of a
   * request, where a handler or {@code toString()} would see it.
   */
  static void hideCredentials(FormReader in, FormEnvelope envelope) {
    for (String name : envelope.credentials()) {
      in.credential(name);
    }
  }

  private FormAuthenticator.Credentials credentials(Request request, FormReader in) {
    String loginId = in.credential(envelope.loginId());
    String password = in.credential(envelope.password());
    String sitecomToken = in.credential(envelope.sitecomToken());
    String userToken = in.credential(envelope.userToken());
    String command = in.take(envelope.command());
    String authorization = request.header("Authorization");
    String scheme = envelope.authorization() + " ";
    String signedUser = null;
    String signature = null;
    if (authorization != null && authorization.startsWith(scheme) && authorization.indexOf(':') > 0) {
      signedUser = authorization.substring(scheme.length(), authorization.indexOf(':'));
      signature = authorization.substring(authorization.indexOf(':') + 1);
      if (command == null) {
        command = request.header(envelope.commandHeader());
      }
    }
    return new FormAuthenticator.Credentials(loginId, password, sitecomToken, userToken, signedUser, signature,
        request.header(envelope.nonceHeader()), command, request.body());
  }
}
