package dev.specbridge.examples.citytrips;

import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.websocket.MessageContext;
import dev.specbridge.runtime.websocket.MessageDispatcher;
import dev.specbridge.runtime.websocket.SocketEnvelope;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * An in-process CityTrips server on a real WebSocket (embedded Jetty 12) on loopback, on the generated server side
 * ({@code CitytripsOperatorServerHandler}, {@code CitytripsOperatorServerClient}), as seed 003 describes it: it
 * authenticates an operator's {@code s_ext/authenticate} (answering {@code s_ext/auth_succesful} or
 * {@code s_ext/auth_error}), then asks for the whole fleet with {@code s_vehicle/full_request}; on demand it asks
 * for authentication again, sends a new user, and drops every connection without a close, as a network would.
 * A frame it cannot read or handle is answered with {@code s_ext/error}, the connection kept.
 * Everything an operator sends is kept, in order, in {@link #received()}.
 */
public final class CityTripsEmulator implements AutoCloseable {
  /** A message the emulator received: its command and raw payload. */
  public record Received(String command, RawJson payload) {}

  private final String clientId;
  private final String apiKey;
  private final Server server;
  private final List<Session> sessions = new CopyOnWriteArrayList<>();
  private final List<Operator> operators = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  /** The connection whose message the generated handler is handling, on this thread. */
  private static final ThreadLocal<Operator> OPERATOR = new ThreadLocal<>();
  private final MessageDispatcher dispatcher = CitytripsOperatorServerHandler.dispatcher(new Messages());

  private CityTripsEmulator(String clientId, String apiKey) {
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ContextHandler context = new ContextHandler("/");
    context.setHandler(WebSocketUpgradeHandler.from(server, context, container -> container.addMapping("/v1",
        (request, response, callback) -> new Operator())));
    server.setHandler(context);
  }

  /** An emulator that accepts the operator {@code clientId} with {@code apiKey}, started on loopback. */
  public static CityTripsEmulator start(String clientId, String apiKey) throws Exception {
    CityTripsEmulator emulator = new CityTripsEmulator(clientId, apiKey);
    emulator.server.start();
    return emulator;
  }

  /** The server's URL: {@code ws://127.0.0.1:<port>/v1}. */
  public String url() {
    return "ws://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/v1";
  }

  /** What the operators sent, in order, the authentications included. */
  public BlockingQueue<Received> received() {
    return received;
  }

  /** How many connections are open. */
  public int connections() {
    return (int) sessions.stream().filter(Session::isOpen).count();
  }

  /** Sends {@code command} with its payload to every open connection. */
  public void send(String command, String payloadJson) {
    String frame = CitytripsOperatorClient.ENVELOPE.write(command, payloadJson);
    sessions.stream().filter(Session::isOpen).forEach(session -> session.sendText(frame, Callback.NOOP));
  }

  /** Asks the operators to authenticate again ({@code s_ext/must_authenticate}); until they do, they are refused. */
  public void askForAuthentication(String reason) {
    operators.forEach(operator -> operator.authenticated = false);
    toOperators().mustAuthenticate(MustAuthenticateMessage.builder().payload(reason(reason)).build());
  }

  /** Asks the operators for the whole fleet ({@code s_vehicle/full_request}). */
  public void requestFleet(String reason) {
    toOperators().vehicleFullRequest(VehicleFullRequestMessage.builder().payload(reason(reason)).build());
  }

  /** Signs a user up with the operators ({@code s_user/new}). */
  public void sendNewUser(NewUser user) {
    toOperators().newUser(NewUserMessage.builder().payload(user).build());
  }

  /** The generated server side's typed sends, to every open connection. */
  private CitytripsOperatorServerClient toOperators() {
    return new CitytripsOperatorServerClient(this::send);
  }

  /** Drops every connection without a close frame, as a network that fails does. */
  public void dropConnections() {
    sessions.forEach(Session::disconnect);
  }

  private static Reason reason(String reason) {
    return Reason.builder().reason(reason).build();
  }

  /**
   * The generated server side's handler: every message an operator sends is kept, an authentication answered as
   * the server does (success, then a fleet request; or an error).
   */
  private final class Messages implements CitytripsOperatorServerHandler {
    private void keep(MessageContext context) {
      received.add(new Received(context.command(), context.payload()));
    }

    @Override
    public void authenticate(AuthenticateMessage message, MessageContext context) {
      keep(context);
      CitytripsOperatorServerClient answer = new CitytripsOperatorServerClient(context.replies());
      Auth auth = message.payload();
      if (clientId.equals(auth.clientId()) && apiKey.equals(auth.apiKey())) {
        OPERATOR.get().authenticated = true;
        answer.authSuccessful(AuthSuccessfulMessage.builder().build());
        answer.vehicleFullRequest(VehicleFullRequestMessage.builder().payload(reason("authenticated")).build());
      } else {
        OPERATOR.get().authenticated = false;
        answer.authError(AuthErrorMessage.builder().payload(reason("unknown client or wrong key")).build());
      }
    }

    @Override
    public void newUserResult(NewUserResultMessage message, MessageContext context) {
      keep(context);
    }

    @Override
    public void vehicleFull(VehicleFullMessage message, MessageContext context) {
      keep(context);
    }

    @Override
    public void vehicleIncremental(VehicleIncrementalMessage message, MessageContext context) {
      keep(context);
    }

    @Override
    public void vehicleStatus(VehicleStatusMessage message, MessageContext context) {
      keep(context);
    }

    @Override
    public void unknown(UnknownCitytripsOperatorClientMessage message, MessageContext context) {
      keep(context);
    }
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  /** One operator's connection; public, as Jetty calls its methods through method handles. */
  public final class Operator implements Session.Listener.AutoDemanding {
    private Session session;
    /** Whether this connection logged in; until then only an authentication is taken. */
    private volatile boolean authenticated;

    @Override
    public void onWebSocketOpen(Session session) {
      this.session = session;
      sessions.add(session);
      operators.add(this);
    }

    @Override
    public void onWebSocketText(String text) {
      try {
        handle(text);
      } catch (Exception e) { // a server answers what it cannot read with its error and keeps the connection
        new CitytripsOperatorServerClient(this::reply).serverError(ServerErrorMessage.builder()
            .payload(reason("the message could not be handled: " + e.getMessage())).build());
      }
    }

    private void handle(String text) throws Exception {
      SocketEnvelope.Frame frame = CitytripsOperatorClient.ENVELOPE.read(text); // the session's own reading
      if (!authenticated && !frame.command().equals(CitytripsOperatorClient.ENVELOPE.authenticate())) { // login first
        new CitytripsOperatorServerClient(this::reply).mustAuthenticate(MustAuthenticateMessage.builder()
            .payload(reason("authenticate first")).build());
        return;
      }
      OPERATOR.set(this);
      try {
        dispatcher.dispatch(new MessageContext(frame.command(), frame.payload(), this::reply));
      } finally {
        OPERATOR.remove();
      }
    }

    private void reply(String command, String payloadJson) {
      session.sendText(CitytripsOperatorClient.ENVELOPE.write(command, payloadJson), Callback.NOOP);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
      sessions.remove(session);
      operators.remove(this);
    }
  }
}
