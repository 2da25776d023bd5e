package dev.specbridge.processor.generate.received;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.generate.Generated;
import dev.specbridge.processor.generate.Javadoc;
import dev.specbridge.processor.generate.RouteTable;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.runtime.value.RawJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes what any protocol with messages received from a server generates for them: the sealed family over their
 * records, the record of a message of a type the spec does not list (its data kept as JSON, so nothing is
 * dropped), and the handler, a method per type plus one for unknown types, with its {@code dispatcher(…)}. A
 * protocol adds its own members to the builders it gets back (a webhook its envelope and endpoint).
 */
public final class ReceivedMessagesGenerator {
  private final ApiModel api;
  private final ApiTypes types;
  private final ReceivedMessages messages;

  public ReceivedMessagesGenerator(ApiModel api, ApiTypes types, ReceivedMessages messages) {
    this.api = api;
    this.types = types;
    this.messages = messages;
  }

  /** The sealed interface that every received record, and the unknown-type record, implements. */
  public TypeSpec.Builder family() {
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(messages.family())
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addAnnotations(Generated.on(messages.family()))
        .addJavadoc("A $L of the $L API: one record per type the spec lists, and {@link $T} for the others.$L\n",
            messages.noun(), api.name(), messages.unknown(), ReceivedMessages.apiDoc(api));
    for (EntryModel entry : messages.entries()) {
      type.addPermittedSubclass(messages.record(types, entry));
    }
    return type.addPermittedSubclass(messages.unknown());
  }

  /** The record of a message of a type the spec does not list; a protocol may add to it. */
  public TypeSpec.Builder unknown() {
    return TypeSpec.recordBuilder(messages.unknown())
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(messages.family())
        .addAnnotations(Generated.on(messages.unknown()))
        .addJavadoc("A $L of a type the $L spec does not list, kept whole: its data stays JSON.\n\n"
            + "@param type the type as sent\n@param data the data as sent\n", messages.noun(), api.name())
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(String.class, "type")
            .addParameter(RawJson.class, "data")
            .build())
        .addMethod(MethodSpec.compactConstructorBuilder()
            .addJavadoc("The message, whose type and data must be there.\n\n@param type the type as sent\n"
                + "@param data the data as sent\n")
            .addModifiers(Modifier.PUBLIC)
            .addStatement("$T.requireNonNull(type, $S)", Objects.class, "type")
            .addStatement("$T.requireNonNull(data, $S)", Objects.class, "data")
            .build());
  }

  /**
   * The handler: an abstract method per type (so that a type added to the spec is a compile error rather than a
   * default that drops it), one for unknown types, and {@code dispatcher(handler)}.
   *
   * @param doc the interface's Javadoc, which says what returning and throwing mean for this protocol
   */
  public TypeSpec.Builder handler(CodeBlock doc) {
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(messages.handler())
        .addModifiers(Modifier.PUBLIC)
        .addAnnotations(Generated.on(messages.handler()))
        .addJavadoc("$L\n", doc);
    for (EntryModel entry : messages.entries()) {
      EntryModel reply = messages.replies().get(entry.wireName());
      MethodSpec.Builder method = handlerMethod(entry.methodName(), messages.record(types, entry), "Handles one"
          + " {@code " + entry.wireName() + "} " + messages.noun() + "." + (entry.doc() == null ? ""
          : " " + Javadoc.escape(entry.doc())), reply == null ? null : "the {@code " + reply.wireName() + "} "
          + messages.noun() + " that answers it, sent back on its session");
      if (reply != null) {
        method.returns(types.body(reply, messages.body()));
      }
      type.addMethod(method.build());
    }
    type.addMethod(handlerMethod("unknown", messages.unknown(), "Handles a " + messages.noun() + " of a type the"
        + " spec does not list; its data stays JSON, so nothing is dropped.", null).build());
    type.addMethod(MethodSpec.methodBuilder("dispatcher")
        .addJavadoc("The dispatcher that decodes each $L by type and runs {@code handler}'s method.\n\n"
            + "@param handler the implementation\n@return its dispatcher\n", messages.noun())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(messages.dispatcher())
        .addParameter(messages.handler(), "handler")
        .addStatement("return $T.builder()$Z.lazily((type, routes) -> $T.add(type, routes, handler))"
            + "$Z.otherwise((type, data, context) -> handler.unknown(new $T(type, data), context))$Z.build()",
            messages.dispatcher(), routesName(), messages.unknown())
        .build());
    return type;
  }

  /** The class of the dispatcher's routes, a route per type the spec lists. */
  public TypeSpec routes() {
    Map<String, CodeBlock> routes = new LinkedHashMap<>();
    for (EntryModel entry : messages.entries()) {
      EntryModel reply = messages.replies().get(entry.wireName());
      ClassName record = messages.record(types, entry);
      routes.put(entry.wireName(), reply == null
          ? CodeBlock.of("routes.on($S, $T::readJson,$Whandler::$N)", entry.wireName(), record, entry.methodName())
          : CodeBlock.of("routes.on($S, $T::readJson, (message, context) -> {\n$>$T reply = handler.$N(message,"
              + " context);\ncontext.reply($S, $T.write(g -> $T.writeJson(g, reply)));\n$<})", entry.wireName(),
              record, types.body(reply, messages.body()), entry.methodName(), reply.wireName(),
              dev.specbridge.runtime.json.Json.class, types.body(reply, messages.body())));
    }
    return RouteTable.of(routesName(), builder(), messages.handler(), routes);
  }

  /** {@code <Api>Routes}. */
  public static String routesName(String apiJavaName) {
    return apiJavaName + RouteTable.SUFFIX;
  }

  private ClassName routesName() {
    return messages.routes();
  }

  private ClassName builder() {
    return messages.dispatcher().nestedClass("Builder");
  }

  private MethodSpec.Builder handlerMethod(String name, ClassName record, String doc, String returnDoc) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc("$L\n\n@param $L the $L's data\n@param context $L\n$L@throws Exception $L\n", doc,
            messages.noun(), messages.noun(), messages.contextDoc(), returnDoc == null ? "" : "@return " + returnDoc
                + "\n", messages.throwsDoc())
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addParameter(record, messages.noun())
        .addParameter(messages.context(), "context")
        .addException(Exception.class);
  }
}
