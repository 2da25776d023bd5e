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
import dev.specbridge.processor.generate.RouteTable;
import dev.specbridge.processor.model.Names;
import dev.specbridge.processor.model.ApiModel;
import dev.specbridge.processor.model.EntryModel;
import dev.specbridge.processor.model.FieldModel;
import dev.specbridge.processor.model.RecordModel;
import dev.specbridge.processor.model.TypeRef;
import dev.specbridge.processor.model.WireFormat;
import dev.specbridge.processor.protocol.EnvelopeNames;
import dev.specbridge.runtime.form.CallContext;
import dev.specbridge.runtime.form.CommandRefusedException;
import dev.specbridge.runtime.form.FormBatch;
import dev.specbridge.runtime.form.FormCommand;
import dev.specbridge.runtime.form.FormDispatcher;
import dev.specbridge.runtime.form.FormEnvelope;
import dev.specbridge.runtime.form.FormServiceClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/**
 * Writes the API-level types of a name-value API: {@code <Api>Client} (a typed method per command, blocking and
 * asynchronous) and {@code <Api>Handler} (the server side: a method per command, and its dispatcher, whose routes
 * are in {@code <Api>Routes}). Each command's {@link FormCommand}, which ties its name to its codecs, is the
 * {@code COMMAND} constant of its request record, so that no class holds every command's constant.
 */
final class FormApiGenerator {
  private static final String REQUEST = "request";
  private static final String RESPONSE = "response";
  static final String CLIENT = "Client";
  static final String HANDLER = "Handler";
  static final String COMMAND = "COMMAND";
  static final String ENVELOPE = "ENVELOPE";

  private final ApiModel api;
  private final ApiTypes types;
  private final FormHttpSettings settings;

  FormApiGenerator(ApiModel api, ApiTypes types) {
    this.api = api;
    this.types = types;
    this.settings = api.settings(FormHttpSettings.class);
  }

  private String batchCommand() {
    return settings.batchCommand();
  }

  /** The {@code COMMAND} constant of a command's request record. */
  static FieldSpec command(ApiModel api, ApiTypes types, EntryModel command) {
    ClassName request = types.body(command, REQUEST);
    ClassName response = types.body(command, RESPONSE);
    CommandOptions options = command.options(CommandOptions.class);
    Set<String> secrets = secretNames(api, command);
    CodeBlock hidden = secrets.isEmpty() ? CodeBlock.of("") : CodeBlock.of("$T.of($L),$W", Set.class,
        CodeBlock.join(secrets.stream().map(name -> CodeBlock.of("$S", name)).toList(), ", "));
    return FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(FormCommand.class), request, response), COMMAND,
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The command {@code $L}: its name$L and the codecs of its request and response.\n",
            command.wireName(), secrets.isEmpty() ? "" : ", its secret fields")
        .initializer("$Wnew $T<>($S, $L, $S,$W$L$T::writeForm, $T::readForm,$W$T::writeForm, $T::readForm)",
            FormCommand.class, command.wireName(), options.idempotent(), options.successStatus(), hidden, request,
            request, response, response)
        .build();
  }

  /**
   * The wire names of the fields the spec marks {@code secret} in a command's request and response and in every
   * type inside them: what no text shown of its request or answer holds the value of.
   */
  static Set<String> secretNames(ApiModel api, EntryModel command) {
    Map<String, RecordModel> shared = new LinkedHashMap<>();
    api.records().forEach(record -> shared.put(record.javaName(), record));
    Set<String> names = new TreeSet<>();
    Set<RecordModel> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.ArrayDeque<RecordModel> todo = new java.util.ArrayDeque<>(List.of(request(command), response(command)));
    while (!todo.isEmpty()) {
      RecordModel record = todo.pop();
      if (!seen.add(record)) {
        continue;
      }
      todo.addAll(record.records());
      for (FieldModel field : record.fields()) {
        if (field.secret()) {
          names.add(field.wireName());
        }
        TypeRef type = field.type();
        while (!(type instanceof TypeRef.Named) && !(type instanceof TypeRef.Scalar)) {
          type = type instanceof TypeRef.ListOf list ? list.element() : type instanceof TypeRef.MapOf map
              ? map.value() : ((TypeRef.StringOr) type).value();
        }
        if (type instanceof TypeRef.Named named && named.simpleNames().size() == 1
            && shared.containsKey(named.simpleNames().get(0))) {
          todo.add(shared.get(named.simpleNames().get(0)));
        }
      }
    }
    return names;
  }

  TypeSpec client() {
    ClassName name = types.api(CLIENT);
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotations(Generated.on(name))
        .addJavadoc("A typed client of the $L API.$L\n\n<p>Each command has a blocking method and an"
            + " {@code …Async} one. A non-zero status raises {@link $T}; an unreadable answer"
            + " {@link $T}.\n", api.name(), api.doc() == null ? "" : "\n\n<p>" + Javadoc.escape(api.doc()),
            dev.specbridge.runtime.error.CommandFailedException.class,
            dev.specbridge.runtime.error.MalformedResponseException.class)
        .addField(FormServiceClient.class, "client", Modifier.PRIVATE, Modifier.FINAL);
    if (settings.path() != null) {
      type.addField(FieldSpec.builder(String.class, "PATH", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("Where the service answers, below the site's URL (the spec's {@code protocol: path:}).\n")
          .initializer("$S", settings.path())
          .build());
      type.addMethod(MethodSpec.methodBuilder("forSite")
          .addJavadoc("{@return the settings of a client of the service at {@link #PATH} below {@code siteUrl}}\n"
              + "@param siteUrl the site, e.g. {@code https://www.example.com}\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(FormServiceClient.Builder.class)
          .addParameter(String.class, "siteUrl")
          .addStatement("return $T.builder(siteUrl, PATH).envelope(ENVELOPE)", FormServiceClient.class)
          .build());
    }
    type.addField(FieldSpec.builder(FormEnvelope.class, ENVELOPE, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The wire names of the envelope around each command's pairs (the spec's"
                + " {@code protocol: envelope:}).\n")
            .initializer(EnvelopeNames.constant(FormEnvelope.class, settings.envelope()))
            .build())
        .addMethod(MethodSpec.methodBuilder("forService")
            .addJavadoc("{@return the settings of a client of the service at {@code serviceUrl}, with the spec's"
                + " envelope}\n@param serviceUrl the service, e.g. {@code https://www.example.com/service}\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(FormServiceClient.Builder.class)
            .addParameter(String.class, "serviceUrl")
            .addStatement("return $T.builder(serviceUrl).envelope(ENVELOPE)", FormServiceClient.class)
            .build());
    type
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("A client that calls through {@code client}.\n\n@param client the untyped client: its URL,"
                + " credentials and timeouts\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(FormServiceClient.class, "client")
            .addStatement("this.client = $T.requireNonNull(client, $S)", java.util.Objects.class, "client")
            .build())
        .addMethod(MethodSpec.methodBuilder("formClient")
            .addJavadoc("{@return the untyped client underneath, for {@code exchange(…)} with the status messages}\n")
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
          .addStatement("return client.call($T.$N, request)", request, COMMAND)
          .build());
      type.addMethod(MethodSpec.methodBuilder(method + "Async")
          .addJavadoc("$L\n\n@param request the command's parameters\n@return the decoded answer, later\n", doc)
          .addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), response))
          .addParameter(request, "request")
          .addStatement("return client.callAsync($T.$N, request)", request, COMMAND)
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
          .addJavadoc("{@return a typed batch: add commands with their requests, {@code send()} once, and read each"
              + " item's result}\n")
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
        .addAnnotations(Generated.on(name))
        .addJavadoc("The server side of the $L API: implement the commands you serve; the others answer that"
            + " they are not supported. Throw {@link $T} to answer with a non-zero status.\n", api.name(),
            CommandRefusedException.class);
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
    }
    type.addMethod(MethodSpec.methodBuilder("dispatcher")
        .addJavadoc("The dispatcher that runs {@code handler}'s methods by command name$L.\n\n"
            + "@param handler the implementation\n@return its dispatcher\n",
            batchCommand() == null ? "" : ", and answers {@code " + batchCommand() + "} as a batch of them")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(FormDispatcher.class)
        .addParameter(name, "handler")
        .addStatement("return $T.builder()$Z.envelope($T.$N)$Z.lazily((name, routes) -> $T.add(name, routes,"
            + " handler))$L$Z.build()", FormDispatcher.class, types.api(CLIENT), ENVELOPE, types.api(RouteTable.SUFFIX),
            batchCommand() == null ? CodeBlock.of("")
            : CodeBlock.of("$Z.batch($S)", batchCommand()))
        .build());
    return type.build();
  }

  /** The class of the dispatcher's routes: a route per command but the batch one. */
  TypeSpec routes() {
    Map<String, CodeBlock> routes = new LinkedHashMap<>();
    for (EntryModel command : api.entries()) {
      if (!command.wireName().equals(batchCommand())) {
        routes.put(command.wireName(), CodeBlock.of("routes.on($T.$N,$Whandler::$N)", types.body(command, REQUEST),
            COMMAND, command.methodName()));
      }
    }
    return RouteTable.of(types.api(RouteTable.SUFFIX), ClassName.get(FormDispatcher.Builder.class),
        types.api(HANDLER), routes);
  }

  private static RecordModel request(EntryModel command) {
    return command.body(REQUEST);
  }

  private static RecordModel response(EntryModel command) {
    return command.body(RESPONSE);
  }

  private static String commandDoc(EntryModel command) {
    String doc = "Runs {@code " + command.wireName() + "}." + (command.doc() == null ? ""
        : " " + Javadoc.escape(command.doc()));
    return command.documented() ? doc
        : doc + "\n\n<p>Its parameters are not published: send them as unknown fields of the request.";
  }
}
