package dev.specbridge.processor.protocol.jsonwebhook;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.generate.received.ReceivedMessages;
import dev.specbridge.processor.generate.received.ReceivedMessagesGenerator;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.protocol.EnvelopeNames;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.webhook.Deduplicator;
import dev.specbridge.runtime.webhook.NotificationContext;
import dev.specbridge.runtime.webhook.NotificationDispatcher;
import dev.specbridge.runtime.webhook.NotificationEndpoint;
import dev.specbridge.runtime.webhook.NotificationSender;
import dev.specbridge.runtime.webhook.WebhookEnvelope;
import dev.specbridge.runtime.webhook.WebhookMessage;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the API-level types of a JSON webhook: the received-message family of its notifications, to which it adds
 * the envelope's wire names and each notification as a message to send; the unknown-type record; and
 * {@code <Api>Handler}, to which it adds the endpoint.
 */
final class WebhookApiGenerator {
  static final String BODY = "data";
  static final String HANDLER = "Handler";

  private final ApiModel api;
  private final ApiTypes types;
  private final ReceivedMessages messages;

  WebhookApiGenerator(ApiModel api, ApiTypes types) {
    this.api = api;
    this.types = types;
    this.messages = new ReceivedMessages(api.entries(), BODY, "notification",
        types.named(familyName(api.javaName())), types.named("Unknown" + familyName(api.javaName())),
        types.api(HANDLER), ClassName.get(NotificationDispatcher.class), ClassName.get(NotificationContext.class),
        "where the message stands in its delivery",
        "when the message was not handled: the delivery is answered not OK and comes again", java.util.Map.of(),
        types.named(ReceivedMessagesGenerator.routesName(api.javaName())));
  }

  /** {@code SiteNotifications} gives {@code SiteNotification}, {@code Notices} gives {@code NoticesNotification}. */
  static String familyName(String apiJavaName) {
    return ReceivedMessages.familyName(apiJavaName, "Notification");
  }

  List<TypeSpec> generate() {
    ReceivedMessagesGenerator received = new ReceivedMessagesGenerator(api, types, messages);
    return List.of(family(received.family()), unknown(received.unknown()),
        handler(received.handler(handlerDoc())), received.routes());
  }

  /** {@code toMessage()} of a notification's record: its type, and its data written as JSON. */
  static MethodSpec toMessage(EntryModel notification) {
    return toMessage()
        .addAnnotation(Override.class)
        .addStatement("return new $T($S, new $T($T.write(g -> writeJson(g, this))))", WebhookMessage.class,
            notification.wireName(), RawJson.class, Json.class)
        .build();
  }

  private static MethodSpec.Builder toMessage() {
    return MethodSpec.methodBuilder("toMessage")
        .addJavadoc("{@return this notification as a message of a delivery: its type and its data as JSON, e.g. for"
            + " a {@link $T}}\n", NotificationSender.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(WebhookMessage.class);
  }

  private TypeSpec unknown(TypeSpec.Builder unknown) {
    return unknown.addMethod(toMessage()
            .addAnnotation(Override.class)
            .addStatement("return new $T(type, data)", WebhookMessage.class)
            .build())
        .build();
  }

  private TypeSpec family(TypeSpec.Builder family) {
    return family
        .addField(FieldSpec.builder(WebhookEnvelope.class, "ENVELOPE", Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("The wire names of the envelope around the notifications (the spec's"
                + " {@code protocol: envelope:}).\n")
            .initializer(EnvelopeNames.constant(WebhookEnvelope.class, api.settings(WebhookSettings.class).envelope()))
            .build())
        .addMethod(toMessage().addModifiers(Modifier.ABSTRACT).build()) // each record its own: none grows
        .build();
  }

  private CodeBlock handlerDoc() {
    return CodeBlock.of("Receives the notifications of the $L API: a method per type, and one for the types the"
        + " spec does not list. A method that returns has handled its message; one that throws makes the delivery"
        + " answered not OK, so that the server sends it again. Deliveries repeat (at least once): make the methods"
        + " idempotent, or give the endpoint a {@link $T}.", api.name(), Deduplicator.class);
  }

  private TypeSpec handler(TypeSpec.Builder handler) {
    return handler.addMethod(MethodSpec.methodBuilder("endpoint")
            .addJavadoc("An endpoint for {@code handler}, with the spec's envelope; say how it answers"
                + " {@code authenticate} challenges, then {@code build()} it.\n\n"
                + "@param handler the implementation\n@return the endpoint's builder\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(NotificationEndpoint.Builder.class)
            .addParameter(messages.handler(), "handler")
            .addStatement("return $T.builder($T.ENVELOPE, dispatcher(handler))", NotificationEndpoint.class,
                messages.family())
            .build())
        .build();
  }
}
