package dev.specbridge.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.value.RawJson;
import dev.specbridge.runtime.webhook.NotificationContext;
import dev.specbridge.runtime.webhook.NotificationDispatcher;
import dev.specbridge.runtime.webhook.NotificationEndpoint;
import dev.specbridge.runtime.webhook.WebhookEnvelope;
import dev.specbridge.runtime.webhook.WebhookMessage;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes the API-level types of a JSON webhook: the sealed family over its notification records (with the
 * envelope's wire names, and each notification as a message to send), the record of a notification of a type the
 * spec does not list, and {@code <Api>Handler} (a method per type plus one for unknown types, and its dispatcher
 * and endpoint).
 */
final class WebhookApiGenerator {
  private final ApiModel api;
  private final JavaTypes types;
  private final ClassName json;
  private final ClassName family;
  private final ClassName unknown;

  WebhookApiGenerator(ApiModel api, JavaTypes types, ClassName json, ClassName family, ClassName unknown) {
    this.api = api;
    this.types = types;
    this.json = json;
    this.family = family;
    this.unknown = unknown;
  }

  TypeSpec family() {
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(family)
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addAnnotation(Generated.from(api.source()))
        .addJavadoc("A notification of the $L API: one record per type the spec lists, and {@link $T} for the"
            + " others.$L\n", api.name(), unknown, api.doc() == null ? "" : "\n\n<p>" + Javadoc.escape(api.doc()));
    CodeBlock.Builder toMessage = CodeBlock.builder();
    for (EntryModel notification : api.entries()) {
      ClassName record = record(notification);
      type.addPermittedSubclass(record);
      toMessage.beginControlFlow("if (notification instanceof $T n)", record)
          .addStatement("return new $T($S, new $T($T.write(g -> $T.write$L(g, n))))", WebhookMessage.class,
              notification.wireName(), RawJson.class, Json.class, json, record.simpleName())
          .endControlFlow();
    }
    type.addPermittedSubclass(unknown);
    toMessage.addStatement("$T n = ($T) notification", unknown, unknown)
        .addStatement("return new $T(n.type(), n.data())", WebhookMessage.class);

    List<CodeBlock> names = api.protocol().envelope().values().stream().map(wire -> CodeBlock.of("$S", wire))
        .toList();
    type.addField(FieldSpec.builder(WebhookEnvelope.class, "ENVELOPE", Modifier.PUBLIC, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("The wire names of the envelope around the notifications (the spec's"
            + " {@code protocol: envelope:}).\n")
        .initializer("new $T($L)", WebhookEnvelope.class, CodeBlock.join(names, ",$W"))
        .build());
    type.addMethod(MethodSpec.methodBuilder("toMessage")
        .addJavadoc("A notification as a message of a delivery: its type and its data as JSON, e.g. for a"
            + " {@link $T}.\n\n@param notification the notification\n@return the message\n",
            dev.specbridge.runtime.webhook.NotificationSender.class)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(WebhookMessage.class)
        .addParameter(family, "notification")
        .addStatement("$T.requireNonNull(notification, $S)", Objects.class, "notification")
        .addCode(toMessage.build())
        .build());
    return type.build();
  }

  TypeSpec unknown() {
    return TypeSpec.recordBuilder(unknown)
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(family)
        .addAnnotation(Generated.from(api.source()))
        .addJavadoc("A notification of a type the $L spec does not list, kept whole: its data stays JSON.\n\n"
            + "@param type the type as sent\n@param data the data as sent\n", api.name())
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(String.class, "type")
            .addParameter(RawJson.class, "data")
            .build())
        .addMethod(MethodSpec.compactConstructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addStatement("$T.requireNonNull(type, $S)", Objects.class, "type")
            .addStatement("$T.requireNonNull(data, $S)", Objects.class, "data")
            .build())
        .build();
  }

  TypeSpec handler(ClassName name) {
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(Generated.from(api.source()))
        .addJavadoc("Receives the notifications of the $L API: a method per type, and one for the types the"
            + " spec does not list. A method that returns has handled its message; one that throws makes the"
            + " delivery answered not OK, so that the server sends it again. Deliveries repeat (at least once):"
            + " make the methods idempotent, or give the endpoint a"
            + " {@link dev.specbridge.runtime.webhook.Deduplicator}.\n", api.name());
    CodeBlock.Builder routes = CodeBlock.builder().add("return $T.builder()", NotificationDispatcher.class).indent();
    for (EntryModel notification : api.entries()) {
      ClassName record = record(notification);
      type.addMethod(handlerMethod(notification.methodName(), record, "Handles one {@code " + notification.wireName()
          + "} notification." + (notification.doc() == null ? "" : " " + Javadoc.escape(notification.doc()))));
      routes.add("\n.on($S, $T::read$L, handler::$N)", notification.wireName(), json, record.simpleName(),
          notification.methodName());
    }
    type.addMethod(handlerMethod("unknown", unknown, "Handles a notification of a type the spec does not list;"
        + " its data stays JSON, so nothing is dropped."));
    routes.add("\n.otherwise((type, data, context) -> handler.unknown(new $T(type, data), context))", unknown)
        .add("\n.build();\n").unindent();
    type.addMethod(MethodSpec.methodBuilder("dispatcher")
        .addJavadoc("The dispatcher that decodes each message by type and runs {@code handler}'s method.\n\n"
            + "@param handler the implementation\n@return its dispatcher\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(NotificationDispatcher.class)
        .addParameter(name, "handler")
        .addCode(routes.build())
        .build());
    type.addMethod(MethodSpec.methodBuilder("endpoint")
        .addJavadoc("An endpoint for {@code handler}, with the spec's envelope; say how it answers"
            + " {@code authenticate} challenges, then {@code build()} it.\n\n"
            + "@param handler the implementation\n@return the endpoint's builder\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(NotificationEndpoint.Builder.class)
        .addParameter(name, "handler")
        .addStatement("return $T.builder($T.ENVELOPE, dispatcher(handler))", NotificationEndpoint.class, family)
        .build());
    return type.build();
  }

  private static MethodSpec handlerMethod(String name, ClassName record, String doc) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc("$L\n\n@param notification the message's data\n@param context where the message stands in"
            + " its delivery\n@throws Exception when the message was not handled: the delivery is answered not"
            + " OK and comes again\n", doc)
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addParameter(ParameterSpec.builder(record, "notification").build())
        .addParameter(NotificationContext.class, "context")
        .addException(Exception.class)
        .build();
  }

  private ClassName record(EntryModel notification) {
    return types.className(List.of(notification.bodies().get("data").javaName()));
  }
}
