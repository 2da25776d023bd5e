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

  private final ApiModel api;
  private final ApiTypes types;
  private final WebSocketSettings settings;
  private final ReceivedMessages messages;

  WebSocketApiGenerator(ApiModel api, ApiTypes types) {
    this.api = api;
    this.types = types;
    this.settings = api.settings(WebSocketSettings.class);
    this.messages = new ReceivedMessages(received(api, settings), BODY, "message",
        types.named(familyName(api.javaName())), types.named("Unknown" + familyName(api.javaName())),
        types.api(HANDLER), ClassName.get(MessageDispatcher.class), ClassName.get(MessageContext.class),
        "the message's command and raw payload",
        "when the message was not handled: the session reports it and stays up", replies(api));
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
    return List.of(received.family().build(), received.unknown().build(), received.handler(handlerDoc()).build(),
        received.routes(), client());
  }

  private CodeBlock handlerDoc() {
    return CodeBlock.of("Receives the messages of the $L API that the server sends: a method per message, and one"
        + " for the commands the spec does not list. The session answers its own (authentication, its failure, the"
        + " server's errors) and reports a handler that throws, staying up.$L", api.name(),
        api.doc() == null ? "" : "\n\n<p>" + Javadoc.escape(api.doc()));
  }

  private TypeSpec client() {
    ClassName name = types.api(CLIENT);
    EntryModel authenticate = api.entries().stream()
        .filter(entry -> entry.wireName().equals(settings.envelope().get("authenticate"))).findFirst().orElse(null);
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotations(Generated.on(name))
        .addJavadoc("A typed client of the $L API: a send method per message the client sends, through a session"
            + " ({@code new $T(session::send)}) or, in a handler, back on the session a message came on"
            + " ({@code new $T(context.replies())}).\n", api.name(), name, name)
        .addField(FieldSpec.builder(SocketEnvelope.class, "ENVELOPE", Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("The members of a message and the session's messages (the spec's"
                + " {@code protocol: envelope:}).\n")
            .initializer(EnvelopeNames.constant(SocketEnvelope.class, settings.envelope()))
            .build())
        .addField(MessageContext.Sender.class, "sender", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("A client that sends through {@code sender}.\n\n@param sender a session's {@code send}\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(MessageContext.Sender.class, "sender")
            .addStatement("this.sender = $T.requireNonNull(sender, $S)", Objects.class, "sender")
            .build());
    if (authenticate != null) {
      ClassName login = types.body(authenticate, BODY);
      type.addMethod(MethodSpec.methodBuilder("session")
          .addJavadoc("{@return the settings of a session at {@code url} that logs in with {@code login} after"
              + " connecting and whenever asked, and hands every message the server sends to {@code handler}}\n"
              + "@param url the server, e.g. {@code wss://api.example.com/v1}\n@param login the {@code $L}"
              + " message\n@param handler the messages' handler\n@param events the session's events: its"
              + " authentication, failures, reconnections\n", authenticate.wireName())
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(SocketSession.Builder.class)
          .addParameter(String.class, "url")
          .addParameter(login, "login")
          .addParameter(types.api(HANDLER), "handler")
          .addParameter(SocketListener.class, "events")
          .addStatement("return $T.builder(url).envelope(ENVELOPE)$Z.authenticator(() -> new $T($T.write(g -> $T"
              + ".writeJson(g, login))))$Z.listener(session -> $T.dispatcher(handler).listener(events, session::send))",
              SocketSession.class, RawJson.class, Json.class, login, types.api(HANDLER))
          .build());
    }
    for (EntryModel message : sent()) {
      ClassName record = types.body(message, BODY);
      type.addMethod(MethodSpec.methodBuilder(message.methodName())
          .addJavadoc("Sends {@code $L}$L; while the session is down or not yet authenticated it waits, in"
              + " order.\n\n@param message the message\n", message.wireName(),
              message.doc() == null ? "" : ": " + Javadoc.escape(message.doc()))
          .addModifiers(Modifier.PUBLIC)
          .addParameter(record, "message")
          .addStatement("sender.send($S, $T.write(g -> $T.writeJson(g, message)))", message.wireName(), Json.class,
              record)
          .build());
    }
    return type.build();
  }
}
