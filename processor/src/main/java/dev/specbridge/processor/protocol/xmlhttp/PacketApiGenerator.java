package dev.specbridge.processor.protocol.xmlhttp;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.generate.Generated;
import dev.specbridge.processor.generate.JavaTypes;
import dev.specbridge.processor.generate.Javadoc;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.model.Names;
import dev.specbridge.runtime.form.FormReader;
import dev.specbridge.runtime.form.FormSink;
import dev.specbridge.runtime.packet.ItemAnswer;
import dev.specbridge.runtime.packet.ItemContext;
import dev.specbridge.runtime.packet.ItemRefusedException;
import dev.specbridge.runtime.packet.PacketAnswer;
import dev.specbridge.runtime.packet.PacketClient;
import dev.specbridge.runtime.packet.PacketDispatcher;
import dev.specbridge.runtime.packet.PacketItem;
import dev.specbridge.runtime.packet.Transaction;
import dev.specbridge.runtime.value.UnknownFields;
import dev.specbridge.runtime.xml.XmlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes an {@code xml-http} API's types: on each object's record, its element names and an item factory per
 * action it lists ({@code Account.insert(account)}, {@code Account.select(filters)} on its list form); the
 * {@code …Client}, typed over the runtime's {@code PacketClient}, which reads every object's records typed; and
 * the {@code …Handler}, a method per object and action, with its {@code PacketDispatcher}.
 */
final class PacketApiGenerator {
  static final String CLIENT = "Client";
  static final String HANDLER = "Handler";
  private static final String ELEMENT = "ELEMENT";
  private static final String LIST = "LIST";
  /** The actions that write a whole record: the item carries the object's fields. */
  private static final List<String> RECORD_ACTIONS = List.of("insert", "update", "delete");

  private final ApiModel api;
  private final ApiTypes types;

  PacketApiGenerator(ApiModel api, ApiTypes types) {
    this.api = api;
    this.types = types;
  }

  /** The element names of an object, as constants of its record. */
  static List<FieldSpec> constants(EntryModel object) {
    List<FieldSpec> constants = new ArrayList<>();
    constants.add(FieldSpec.builder(String.class, ELEMENT, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The element of the object in a packet.\n")
        .initializer("$S", object.wireName())
        .build());
    String list = object.options(ObjectOptions.class).list();
    if (list != null) {
      constants.add(FieldSpec.builder(String.class, LIST, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The element of the object's list form, which selects and syncs records.\n")
          .initializer("$S", list)
          .build());
    }
    return constants;
  }

  /** An item factory per action the object lists. */
  static List<MethodSpec> itemFactories(ApiTypes types, EntryModel object) {
    ClassName record = types.body(object, EntryModel.SELF);
    ObjectOptions options = object.options(ObjectOptions.class);
    List<MethodSpec> methods = new ArrayList<>();
    if (!options.filters().isEmpty()) {
      methods.add(MethodSpec.methodBuilder("filters")
          .addJavadoc("{@return no filter yet, of the list form {@code <$L>}: add them, then pass them to a select}\n",
              options.list())
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(filtersType(types, object))
          .addStatement("return new $T()", filtersType(types, object))
          .build());
    }
    for (String action : options.actions()) {
      MethodSpec.Builder method = MethodSpec.methodBuilder(action)
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(PacketItem.class);
      if (RECORD_ACTIONS.contains(action)) {
        method.addJavadoc("{@return an item that asks the server to $L {@code value}}$L\n@param value the record\n",
            action, action.equals("update") ? "\n\n<p>The server replaces the whole record: a field not sent is"
                + " blanked. Start from a whole record (a selected one, changed with {@code toBuilder()}), with its"
                + " {@code id} and its current {@code modified}, which the server checks." : "")
            .addParameter(record, "value")
            .addStatement("return $T.of($N, $S, out -> writeForm(out, value))", PacketItem.class, ELEMENT, action);
      } else {
        boolean onList = XmlHttpProtocol.LIST_ACTIONS.contains(action) && options.list() != null;
        method.addJavadoc("{@return an item that asks the server to $L$L, with {@code fields} (a select's filters"
            + " are properties of the list: {@code ownerId}, {@code accountName}…; paging with"
            + " {@code page(offset, items)})}\n@param fields writes the item's fields\n", action,
            onList ? " the records of the list form" : "")
            .addParameter(ParameterizedTypeName.get(Consumer.class, FormSink.class), "fields")
            .addStatement("return $T.of($N, $S, fields)", PacketItem.class, onList ? LIST : ELEMENT, action);
      }
      methods.add(method.build());
    }
    return methods;
  }

  List<TypeSpec> generate() {
    List<TypeSpec> generated = new ArrayList<>(List.of(client(), handler()));
    for (EntryModel object : api.entries()) {
      if (!object.options(ObjectOptions.class).filters().isEmpty()) {
        generated.add(filters(object));
      }
    }
    return generated;
  }

  /** The class of an object's list filters: {@code AccountFilters}. */
  static ClassName filtersType(ApiTypes types, EntryModel object) {
    return types.named(types.body(object, EntryModel.SELF).simpleName() + "Filters");
  }

  /**
   * The typed filters of an object's list form, each a method that adds one and returns the filters, written as
   * the list element's children: {@code Account.select(Account.filters().accountName("%horse%").ownerId(5))}.
   */
  private TypeSpec filters(EntryModel object) {
    ClassName name = filtersType(types, object);
    ObjectOptions options = object.options(ObjectOptions.class);
    TypeName sink = ParameterizedTypeName.get(Consumer.class, FormSink.class);
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotations(Generated.on(name))
        .addSuperinterface(sink)
        .addJavadoc("The filters of {@code <$L>}, the list form of {@code <$L>}: the server selects the records that"
            + " pass every one given. Each is written as a child element, in the order added.\n", options.list(),
            object.wireName())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class),
                ParameterizedTypeName.get(ClassName.get(java.util.Map.Entry.class), ClassName.get(String.class),
                    ClassName.get(String.class))), "filters", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T<>()", ArrayList.class)
            .build())
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("No filter yet; {@code $T.filters()} makes one.\n", types.body(object, EntryModel.SELF))
            .addModifiers(Modifier.PUBLIC)
            .build());
    for (ObjectOptions.Filter filter : options.filters()) {
      TypeName valueType = switch (filter.type()) {
        case INT -> TypeName.INT;
        case LONG -> TypeName.LONG;
        case BOOLEAN -> TypeName.BOOLEAN;
        case DECIMAL -> ClassName.get(java.math.BigDecimal.class);
        default -> ClassName.get(String.class);
      };
      CodeBlock text = switch (filter.type()) {
        case DECIMAL -> CodeBlock.of("value.toPlainString()");
        case STRING -> CodeBlock.of("value");
        default -> CodeBlock.of("$T.valueOf(value)", String.class);
      };
      type.addMethod(MethodSpec.methodBuilder(filter.name())
          .addJavadoc("{@return these filters and {@code <$L>}$L}\n@param value its value$L\n", filter.name(),
              filter.doc() == null ? "" : ": " + Javadoc.escape(filter.doc()),
              filter.type() == dev.specbridge.processor.model.ScalarKind.STRING ? " ({@code %} matches any text"
                  + " where the list says so)" : "")
          .addModifiers(Modifier.PUBLIC)
          .returns(name)
          .addParameter(valueType, "value")
          .addStatement("filters.add(new $T<>($S, $L))", java.util.AbstractMap.SimpleImmutableEntry.class,
              filter.name(), text)
          .addStatement("return this")
          .build());
    }
    type.addMethod(MethodSpec.methodBuilder("accept")
        .addJavadoc("Writes the filters, as the list element's children.\n\n@param out where to write\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(FormSink.class, "out")
        .addStatement("filters.forEach(filter -> out.add(filter.getKey(), filter.getValue()))")
        .build());
    return type.build();
  }

  private TypeSpec client() {
    ClassName name = types.api(CLIENT);
    TypeName reader = ParameterizedTypeName.get(ClassName.get(Function.class), ClassName.get(XmlReader.class),
        WildcardTypeName.subtypeOf(Object.class));
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (recordSet) {\n").indent();
    for (EntryModel object : api.entries()) {
      String list = object.options(ObjectOptions.class).list();
      cases.add("case $S$L ->$W$T::readXml;\n", object.wireName(), list == null ? CodeBlock.of("")
          : CodeBlock.of(",$W$S", list), types.body(object, EntryModel.SELF));
    }
    cases.add("default -> null;\n").unindent().add("};\n");
    return TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotations(Generated.on(name))
        .addJavadoc("A typed client of the $L API: packets of transactions whose records are read as the objects'"
            + " records.$L\n", api.name(), api.doc() == null ? "" : "\n\n<p>" + Javadoc.escape(api.doc()))
        .addField(PacketClient.class, "client", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("A client that sends through {@code client}.\n\n@param client the packet client: its URL,"
                + " login and transport\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(PacketClient.class, "client")
            .addStatement("this.client = $T.requireNonNull(client, $S)", java.util.Objects.class, "client")
            .build())
        .addMethod(MethodSpec.methodBuilder("forServer")
            .addJavadoc("{@return the settings of a packet client of the server at {@code packetUrl}, reading every"
                + " object's records typed}\n@param packetUrl the server's packet URL, e.g."
                + " {@code https://crm.example.com/centric/ProcessPacket.do}\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(PacketClient.Builder.class)
            .addParameter(String.class, "packetUrl")
            .addStatement("return $T.builder(packetUrl).records($T::reader)", PacketClient.class, name)
            .build())
        .addMethod(MethodSpec.methodBuilder("reader")
            .addJavadoc("{@return the reader of the records of a record set, an object's or its list form's, or"
                + " {@code null}}\n@param recordSet the record set's name\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(JavaTypes.nullable(reader))
            .addParameter(String.class, "recordSet")
            .addCode(cases.build())
            .build())
        .addMethod(MethodSpec.methodBuilder("send")
            .addJavadoc("{@return the answer: a result per transaction, its records typed}\n@param transactions the"
                + " transactions, in order\n")
            .addModifiers(Modifier.PUBLIC)
            .varargs()
            .returns(PacketAnswer.class)
            .addParameter(Transaction[].class, "transactions")
            .addStatement("return client.send($T.of(transactions))", List.class)
            .build())
        .addMethod(MethodSpec.methodBuilder("packetClient")
            .addJavadoc("{@return the packet client underneath}\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(PacketClient.class)
            .addStatement("return client")
            .build())
        .build();
  }

  private TypeSpec handler() {
    ClassName name = types.api(HANDLER);
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addAnnotations(Generated.on(name))
        .addJavadoc("The server side of the $L API: a method per object and action; implement those you serve."
            + " The others fail their transaction with {@code Transaction failed}, as the real server does for an"
            + " action an object cannot perform. Throw {@link $T} to fail a transaction with other words.\n",
            api.name(), ItemRefusedException.class);
    CodeBlock.Builder routes = CodeBlock.builder().add("return $T.builder()", PacketDispatcher.class).indent()
        .indent();
    for (EntryModel object : api.entries()) {
      ObjectOptions options = object.options(ObjectOptions.class);
      ClassName record = types.body(object, EntryModel.SELF);
      for (String action : options.actions()) {
        boolean whole = RECORD_ACTIONS.contains(action);
        boolean onList = XmlHttpProtocol.LIST_ACTIONS.contains(action);
        String element = onList && options.list() != null ? options.list() : object.wireName();
        String method = action + Names.pascalCase(element); // an element may hold '-' and '.': account-list
        type.addMethod(MethodSpec.methodBuilder(method)
            .addJavadoc("Performs {@code $L} on {@code <$L>}.\n\n@param $L $L\n@param context who asks, and a"
                + " select's page\n@return the records to answer, with every field they have\n", action, element,
                whole ? "value" : "fields", whole ? "the record" : "the item's fields (a select's filters)")
            .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
            .returns(ItemAnswer.class)
            .addParameter(whole ? record : ClassName.get(UnknownFields.class), whole ? "value" : "fields")
            .addParameter(ItemContext.class, "context")
            .addStatement("throw new $T($S)", ItemRefusedException.class, "Transaction failed")
            .build());
        routes.add("\n.on($S, $S,$W$L,$Whandler::$N)", element, action,
            whole ? CodeBlock.of("$T::readForm", record) : CodeBlock.of("$T::rest", FormReader.class), method);
      }
    }
    routes.add("\n.build();\n").unindent().unindent();
    type.addMethod(MethodSpec.methodBuilder("dispatcher")
        .addJavadoc("The dispatcher that runs {@code handler}'s methods by element and action, for a"
            + " {@code PacketEndpoint}.\n\n@param handler the implementation\n@return its dispatcher\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(PacketDispatcher.class)
        .addParameter(name, "handler")
        .addCode(routes.build())
        .build());
    return type.build();
  }
}
