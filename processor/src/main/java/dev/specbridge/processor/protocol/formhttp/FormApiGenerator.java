package dev.specbridge.processor.protocol.formhttp;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.specbridge.processor.generate.ApiTypes;
import dev.specbridge.processor.generate.Generated;
import dev.specbridge.processor.generate.Javadoc;
import dev.specbridge.processor.model.Names;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.model.RecordModel;
import dev.specbridge.processor.model.WireFormat;
import dev.specbridge.runtime.form.CallContext;
import dev.specbridge.runtime.form.CommandRefusedException;
import dev.specbridge.runtime.form.FormBatch;
import dev.specbridge.runtime.form.FormCommand;
import dev.specbridge.runtime.form.FormDispatcher;
import dev.specbridge.runtime.form.FormServiceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/**
 * Writes the API-level types of a name-value API: {@code <Api>Commands} (one {@link FormCommand} constant per
 * command, tying its name to its codec), {@code <Api>Client} (a typed method per command, blocking and
 * asynchronous) and {@code <Api>Handler} (the server side: a method per command, and its dispatcher).
 */
final class FormApiGenerator {
  static final String COMMANDS = "Commands";
  private static final String REQUEST = "request";
  private static final String RESPONSE = "response";
  static final String CLIENT = "Client";
  static final String HANDLER = "Handler";

  private final ApiModel api;
  private final ApiTypes types;
  private final FormHttpSettings settings;
  private final ClassName form;
  private final ClassName commands;

  FormApiGenerator(ApiModel api, ApiTypes types) {
    this.api = api;
    this.types = types;
    this.settings = api.settings(FormHttpSettings.class);
    this.form = types.codec(WireFormat.FORM);
    this.commands = types.api(COMMANDS);
  }

  private String batchCommand() {
    return settings.batchCommand();
  }

  TypeSpec commands() {
    TypeSpec.Builder type = TypeSpec.classBuilder(commands)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(Generated.from(api.source()))
        .addJavadoc("The commands of the $L API: each constant ties a command's wire name to its request and"
            + " response codec.\n", api.name())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    if (settings.path() != null) {
      type.addField(FieldSpec.builder(String.class, "PATH", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("Where the service answers, below the site's URL (the spec's {@code protocol: path:}).\n")
          .initializer("$S", settings.path())
          .build());
    }
    List<CodeBlock> all = new ArrayList<>();
    for (EntryModel command : api.entries()) {
      String request = request(command).javaName();
      String response = response(command).javaName();
      CommandOptions options = command.options(CommandOptions.class);
      type.addField(FieldSpec.builder(commandType(command), constant(command), Modifier.PUBLIC, Modifier.STATIC,
              Modifier.FINAL)
          .addJavadoc("{@code $L}$L\n", command.wireName(), command.doc() == null ? "" : ": "
              + Javadoc.escape(command.doc()))
          .initializer("new $T<>($S, $L, $S,$W$T::write$L, $T::read$L,$W$T::write$L, $T::read$L)", FormCommand.class,
              command.wireName(), options.idempotent(), options.successStatus(),
              form, request, form, request, form, response, form, response)
          .build());
      all.add(CodeBlock.of("$N", constant(command)));
    }
    TypeName list = ParameterizedTypeName.get(ClassName.get(List.class),
        ParameterizedTypeName.get(ClassName.get(FormCommand.class), com.palantir.javapoet.WildcardTypeName
            .subtypeOf(Object.class), com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class)));
    type.addField(FieldSpec.builder(list, "ALL", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Every command, in the spec's order.\n")
        .initializer("$T.of($L)", List.class, CodeBlock.join(all, ",$W"))
        .build());
    return type.build();
  }

  TypeSpec client() {
    ClassName name = types.api(CLIENT);
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(Generated.from(api.source()))
        .addJavadoc("A typed client of the $L API.$L\n\n<p>Each command has a blocking method and an"
            + " {@code …Async} one. A non-zero status raises {@link $T}; an unreadable answer"
            + " {@link $T}.\n", api.name(), api.doc() == null ? "" : "\n\n<p>" + Javadoc.escape(api.doc()),
            dev.specbridge.runtime.error.CommandFailedException.class,
            dev.specbridge.runtime.error.MalformedResponseException.class)
        .addField(FormServiceClient.class, "client", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("A client that calls through {@code client} (its URL, credentials and timeouts).\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(FormServiceClient.class, "client")
            .addStatement("this.client = $T.requireNonNull(client, $S)", java.util.Objects.class, "client")
            .build())
        .addMethod(MethodSpec.methodBuilder("formClient")
            .addJavadoc("The untyped client underneath, for {@code exchange(…)} with the status messages.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(FormServiceClient.class)
            .addStatement("return client")
            .build());
    for (EntryModel command : api.entries()) {
      ClassName request = types.body(command, REQUEST);
      ClassName response = types.body(command, RESPONSE);
      String method = command.methodName();
      String doc = commandDoc(command);
      type.addMethod(MethodSpec.methodBuilder(method)
          .addJavadoc("$L\n\n@param request the command's parameters\n@return the decoded answer\n", doc)
          .addModifiers(Modifier.PUBLIC)
          .returns(response)
          .addParameter(request, "request")
          .addStatement("return client.call($T.$N, request)", commands, constant(command))
          .build());
      type.addMethod(MethodSpec.methodBuilder(method + "Async")
          .addJavadoc("$L\n\n@param request the command's parameters\n@return the decoded answer, later\n", doc)
          .addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), response))
          .addParameter(request, "request")
          .addStatement("return client.callAsync($T.$N, request)", commands, constant(command))
          .build());
      if (request(command).fields().stream().noneMatch(FieldModel::required)) { // nothing to pass is valid
        type.addMethod(MethodSpec.methodBuilder(method)
            .addJavadoc("$L\n\n@return the decoded answer\n", doc)
            .addModifiers(Modifier.PUBLIC)
            .returns(response)
            .addStatement("return $N($T.builder().build())", method, request)
            .build());
      }
    }
    if (batchCommand() != null) {
      type.addMethod(MethodSpec.methodBuilder("newBatch")
          .addJavadoc("A typed batch: add commands with their requests, {@code send()} once, and read each"
              + " item's result.\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(FormBatch.class)
          .addStatement("return client.batch($S)", batchCommand())
          .build());
    }
    return type.build();
  }

  TypeSpec handler() {
    ClassName name = types.api(HANDLER);
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(Generated.from(api.source()))
        .addJavadoc("The server side of the $L API: implement the commands you serve; the others answer that"
            + " they are not supported. Throw {@link $T} to answer with a non-zero status.\n", api.name(),
            CommandRefusedException.class);
    CodeBlock.Builder routes = CodeBlock.builder().add("return $T.builder()", FormDispatcher.class).indent();
    for (EntryModel command : api.entries()) {
      if (command.wireName().equals(batchCommand())) {
        continue; // the dispatcher answers it by running the other commands' methods
      }
      ClassName request = types.body(command, REQUEST);
      ClassName response = types.body(command, RESPONSE);
      type.addMethod(MethodSpec.methodBuilder(command.methodName())
          .addJavadoc("$L\n\n@param request the decoded parameters\n@param context who is calling\n"
              + "@return the answer\n", commandDoc(command))
          .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
          .returns(response)
          .addParameter(request, "request")
          .addParameter(CallContext.class, "context")
          .addStatement("throw $T.notSupported($S)", CommandRefusedException.class, command.wireName())
          .build());
      routes.add("\n.on($T.$N, handler::$N)", commands, constant(command), command.methodName());
    }
    if (batchCommand() != null) {
      routes.add("\n.batch($S)", batchCommand());
    }
    routes.add("\n.build();\n").unindent();
    type.addMethod(MethodSpec.methodBuilder("dispatcher")
        .addJavadoc("The dispatcher that runs {@code handler}'s methods by command name$L.\n\n"
            + "@param handler the implementation\n@return its dispatcher\n",
            batchCommand() == null ? "" : ", and answers {@code " + batchCommand() + "} as a batch of them")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(FormDispatcher.class)
        .addParameter(name, "handler")
        .addCode(routes.build())
        .build());
    return type.build();
  }

  private static RecordModel request(EntryModel command) {
    return command.body(REQUEST);
  }

  private static RecordModel response(EntryModel command) {
    return command.body(RESPONSE);
  }

  private TypeName commandType(EntryModel command) {
    return ParameterizedTypeName.get(ClassName.get(FormCommand.class),
        types.body(command, REQUEST), types.body(command, RESPONSE));
  }

  private static String commandDoc(EntryModel command) {
    String doc = "Runs {@code " + command.wireName() + "}." + (command.doc() == null ? ""
        : " " + Javadoc.escape(command.doc()));
    return command.documented() ? doc
        : doc + "\n\n<p>Its parameters are not published: send them as unknown fields of the request.";
  }

  /** {@code CreateLead} → {@code CREATE_LEAD}. */
  private static String constant(EntryModel command) {
    return Names.constantCase(command.javaName());
  }
}
