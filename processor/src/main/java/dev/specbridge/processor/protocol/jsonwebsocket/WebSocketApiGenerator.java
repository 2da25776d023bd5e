package dev.specbridge.processor.protocol.jsonwebsocket;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.generate.Generated;
import dev.specbridge.processor.generate.Javadoc;
import dev.specbridge.processor.generate.received.ReceivedMessages;
import dev.specbridge.processor.generate.received.ReceivedMessagesGenerator;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.protocol.EnvelopeNames;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.websocket.MessageContext;
import dev.specbridge.runtime.websocket.MessageDispatcher;
import dev.specbridge.runtime.websocket.SocketEnvelope;
import dev.specbridge.runtime.websocket.SocketListener;
import dev.specbridge.runtime.websocket.SocketSession;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes a {@code json-websocket} API's types: the received side as the shared received-message family (a sealed
 * interface over the records of the messages the server sends, the unknown-message record, the handler and its
 * dispatcher), leaving out the session's own messages, which the runtime's {@code SocketSession} answers; and the
 * {@code …Client}: the spec's {@code ENVELOPE}, {@code session(url, login, handler, events)} and a typed send method
 * per message the client sends.
 */
final class WebSocketApiGenerator {
  static final String BODY = "payload";
  static final String HANDLER = "Handler";
  static final String CLIENT = "Client";
  static final String SERVER_HANDLER = "ServerHandler";
  static final String SERVER_ROUTES = "ServerRoutes";
  static final String SERVER_CLIENT = "ServerClient";

  private final ApiModel api;
  private final ApiTypes types;
  private final WebSocketSettings settings;
  private final ReceivedMessages messages;
  /** The server's side: the messages the client sends, as its handler receives them. */
  private final ReceivedMessages server;

  WebSocketApiGenerator(ApiModel api, ApiTypes types) {
    this.api = api;
    this.types = types;
    this.settings = api.settings(WebSocketSettings.class);
    this.messages = new ReceivedMessages(received(api, settings), BODY, "message",
        types.named(familyName(api.javaName())), types.named("Unknown" + familyName(api.javaName())),
        types.api(HANDLER), ClassName.get(MessageDispatcher.class), ClassName.get(MessageContext.class),
        "the message's command and raw payload",
        "when the message was not handled: the session reports it and stays up", replies(api),
        types.named(ReceivedMessagesGenerator.routesName(api.javaName())));
    this.server = new ReceivedMessages(api.entries().stream()
            .filter(entry -> entry.options(MessageOptions.class).direction() == MessageOptions.Direction.SEND)
            .toList(), BODY, "message", types.named(clientFamilyName(api.javaName())),
        types.named("Unknown" + clientFamilyName(api.javaName())), types.api(SERVER_HANDLER),
        ClassName.get(MessageDispatcher.class), ClassName.get(MessageContext.class),
        "the message's command and raw payload, and the way back to its operator",
        "when the message was not handled: the server reports it", java.util.Map.of(),
        types.api(SERVER_ROUTES));
  }

  /** Each received message's reply, by the message's wire name. */
  private static java.util.Map<String, EntryModel> replies(ApiModel api) {
    java.util.Map<String, EntryModel> byName = new java.util.HashMap<>();
    api.entries().forEach(entry -> byName.put(entry.wireName(), entry));
    java.util.Map<String, EntryModel> replies = new java.util.HashMap<>();
    for (EntryModel entry : api.entries()) {
      String reply = entry.options(MessageOptions.class).reply();
      if (reply != null && byName.containsKey(reply)) {
        replies.put(entry.wireName(), byName.get(reply));
      }
    }
    return replies;
  }

  /** {@code Citytrips} gives {@code CitytripsServerMessage}: a message the server sends. */
  static String familyName(String apiJavaName) {
    return ReceivedMessages.familyName(apiJavaName, "ServerMessage");
  }

  /** {@code Citytrips} gives {@code CitytripsClientMessage}: a message the client sends. */
  static String clientFamilyName(String apiJavaName) {
    return ReceivedMessages.familyName(apiJavaName, "ClientMessage");
  }

  /** The messages the server sends that reach the handler: all but the session's own. */
  static List<EntryModel> received(ApiModel api, WebSocketSettings settings) {
    List<String> session = settings == null ? List.of() : WebSocketSettings.SESSION.keySet().stream()
        .map(settings.envelope()::get).toList();
    return api.entries().stream()
        .filter(entry -> entry.options(MessageOptions.class).direction() == MessageOptions.Direction.RECEIVE)
        .filter(entry -> !session.contains(entry.wireName()))
        .toList();
  }

  private List<EntryModel> sent() {
    String authenticate = settings.envelope().get("authenticate");
    java.util.Collection<EntryModel> replies = replies(api).values(); // sent by the session as answers
    return api.entries().stream()
        .filter(entry -> entry.options(MessageOptions.class).direction() == MessageOptions.Direction.SEND)
        .filter(entry -> !entry.wireName().equals(authenticate) && !replies.contains(entry))
        .toList();
  }

  List<TypeSpec> generate() {
    ReceivedMessagesGenerator received = new ReceivedMessagesGenerator(api, types, messages);
    ReceivedMessagesGenerator serverSide = new ReceivedMessagesGenerator(api, types, server);
    return List.of(received.family().build(), received.unknown().build(), received.handler(handlerDoc()).build(),
        received.routes(), client(), serverSide.family().build(), serverSide.unknown().build(),
        serverSide.handler(CodeBlock.of("The server's side of the $L API, for emulators and tests: a method per"
            + " message the client sends, and one for the commands the spec does not list.", api.name())).build(),
        serverSide.routes(), serverClient());
  }

  private CodeBlock handlerDoc() {
    return CodeBlock.of("Receives the messages of the $L API that the server sends: a method per message, and one"
        + " for the commands the spec does not list. The session answers its own (authentication, its failure, the"
        + " server's errors) and reports a handler that throws, staying up.$L", api.name(),
        api.doc() == null ? "" : "\n\n<p>" + Javadoc.escape(api.doc()));
  }

  /** The server's typed sends: a method per message the server sends, the session's own included. */
  private TypeSpec serverClient() {
    TypeSpec.Builder type = sender(types.api(SERVER_CLIENT), CodeBlock.of("The server's side of the $L API, for"
        + " emulators and tests: a send method per message the server sends, through a"
        + " {@code MessageContext.Sender} (a connection's).", api.name()));
    api.entries().stream()
        .filter(message -> message.options(MessageOptions.class).direction() == MessageOptions.Direction.RECEIVE)
        .forEach(message -> type.addMethod(send(message, "")));
    return type.build();
  }

  /** A class that sends typed messages through a {@code MessageContext.Sender}, without its send methods yet. */
  private static TypeSpec.Builder sender(ClassName name, CodeBlock doc) {
    return TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotations(Generated.on(name))
        .addJavadoc("$L\n", doc)
        .addField(MessageContext.Sender.class, "sender", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("Sends through {@code sender}.\n\n@param sender a session's or a connection's {@code send}\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(MessageContext.Sender.class, "sender")
            .addStatement("this.sender = $T.requireNonNull(sender, $S)", Objects.class, "sender")
            .build());
  }

  /** The typed send method of {@code message}: its payload written as JSON, then sent with its command. */
  private MethodSpec send(EntryModel message, String note) {
    ClassName record = types.body(message, BODY);
    return MethodSpec.methodBuilder(message.methodName())
        .addJavadoc("Sends {@code $L}$L$L.\n\n@param message the message\n", message.wireName(),
            message.doc() == null ? "" : ": " + Javadoc.escape(message.doc()), note)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(record, "message")
        .addStatement("sender.send($S, $T.write(g -> $T.writeJson(g, message)))", message.wireName(), Json.class,
            record)
        .build();
  }

  private TypeSpec client() {
    ClassName name = types.api(CLIENT);
    EntryModel authenticate = api.entries().stream()
        .filter(entry -> entry.wireName().equals(settings.envelope().get("authenticate"))).findFirst().orElse(null);
    TypeSpec.Builder type = sender(name, CodeBlock.of("A typed client of the $L API: a send method per message the"
        + " client sends, through a session ({@code new $T(session::send)}) or, in a handler, back on the session a"
        + " message came on ({@code new $T(context.replies())}).", api.name(), name, name))
        .addField(FieldSpec.builder(SocketEnvelope.class, "ENVELOPE", Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("The members of a message and the session's messages (the spec's"
                + " {@code protocol: envelope:}).\n")
            .initializer(EnvelopeNames.constant(SocketEnvelope.class, settings.envelope()))
            .build());
    ClassName login = authenticate == null ? null : types.body(authenticate, BODY);
    MethodSpec.Builder session = MethodSpec.methodBuilder("session")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(SocketSession.Builder.class)
        .addParameter(String.class, "url");
    if (login != null) {
      session.addJavadoc("{@return the settings of a session at {@code url} that logs in with {@code login} after"
              + " connecting and whenever asked, and hands every message the server sends to {@code handler}}\n"
              + "@param url the server, e.g. {@code wss://api.example.com/v1}\n@param login the {@code $L}"
              + " message\n", authenticate.wireName())
          .addParameter(login, "login");
    } else {
      session.addJavadoc("{@return the settings of a session at {@code url}, which has no login (the spec names no"
          + " authenticate message), and hands every message the server sends to {@code handler}}\n"
          + "@param url the server, e.g. {@code wss://api.example.com/v1}\n");
    }
    session.addJavadoc("@param handler the messages' handler\n@param events the session's events: its"
            + " authentication, failures, reconnections\n")
        .addParameter(types.api(HANDLER), "handler")
        .addParameter(SocketListener.class, "events")
        .addStatement("return $T.builder(url).envelope(ENVELOPE)$L$Z.listener(session -> $T.dispatcher(handler)"
            + ".listener(events, session::send))", SocketSession.class, login == null ? CodeBlock.of("")
            : CodeBlock.of("$Z.authenticator(() -> new $T($T.write(g -> $T.writeJson(g, login))))", RawJson.class,
                Json.class, login), types.api(HANDLER));
    type.addMethod(session.build());
    for (EntryModel message : sent()) {
      type.addMethod(send(message, "; while the session is down or not yet authenticated it waits, in order"));
    }
    return type.build();
  }
}
