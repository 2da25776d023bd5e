package dev.specbridge.processor.generate.received;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.generate.Generated;
import dev.specbridge.processor.generate.Javadoc;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.model.WireFormat;
import dev.specbridge.runtime.value.RawJson;
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
        .addAnnotation(Generated.from(api.source()))
        .addJavadoc("A $L of the $L API: one record per type the spec lists, and {@link $T} for the others.$L\n",
            messages.noun(), api.name(), messages.unknown(), ReceivedMessages.apiDoc(api));
    for (EntryModel entry : messages.entries()) {
      type.addPermittedSubclass(messages.record(types, entry));
    }
    return type.addPermittedSubclass(messages.unknown());
  }

  /** The record of a message of a type the spec does not list. */
  public TypeSpec unknown() {
    return TypeSpec.recordBuilder(messages.unknown())
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(messages.family())
        .addAnnotation(Generated.from(api.source()))
        .addJavadoc("A $L of a type the $L spec does not list, kept whole: its data stays JSON.\n\n"
            + "@param type the type as sent\n@param data the data as sent\n", messages.noun(), api.name())
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

  /**
   * The handler: an abstract method per type (so that a type added to the spec is a compile error rather than a
   * default that drops it), one for unknown types, and {@code dispatcher(handler)}.
   *
   * @param doc the interface's Javadoc, which says what returning and throwing mean for this protocol
   */
  public TypeSpec.Builder handler(String doc) {
    ClassName json = types.codec(WireFormat.JSON);
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(messages.handler())
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(Generated.from(api.source()))
        .addJavadoc("$L\n", doc);
    CodeBlock.Builder routes = CodeBlock.builder().add("return $T.builder()", messages.dispatcher()).indent();
    for (EntryModel entry : messages.entries()) {
      ClassName record = messages.record(types, entry);
      type.addMethod(handlerMethod(entry.methodName(), record, "Handles one {@code " + entry.wireName() + "} "
          + messages.noun() + "." + (entry.doc() == null ? "" : " " + Javadoc.escape(entry.doc()))));
      routes.add("\n.on($S, $T::read$L, handler::$N)", entry.wireName(), json, record.simpleName(),
          entry.methodName());
    }
    type.addMethod(handlerMethod("unknown", messages.unknown(), "Handles a " + messages.noun() + " of a type the"
        + " spec does not list; its data stays JSON, so nothing is dropped."));
    routes.add("\n.otherwise((type, data, context) -> handler.unknown(new $T(type, data), context))",
            messages.unknown())
        .add("\n.build();\n").unindent();
    type.addMethod(MethodSpec.methodBuilder("dispatcher")
        .addJavadoc("The dispatcher that decodes each $L by type and runs {@code handler}'s method.\n\n"
            + "@param handler the implementation\n@return its dispatcher\n", messages.noun())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(messages.dispatcher())
        .addParameter(messages.handler(), "handler")
        .addCode(routes.build())
        .build());
    return type;
  }

  private MethodSpec handlerMethod(String name, ClassName record, String doc) {
    return MethodSpec.methodBuilder(name)
        .addJavadoc("$L\n\n@param $L the $L's data\n@param context $L\n@throws Exception $L\n", doc, messages.noun(),
            messages.noun(), messages.contextDoc(), messages.throwsDoc())
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addParameter(record, messages.noun())
        .addParameter(messages.context(), "context")
        .addException(Exception.class)
        .build();
  }
}
