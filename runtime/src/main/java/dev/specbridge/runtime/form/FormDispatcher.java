package dev.specbridge.runtime.form;

import dev.specbridge.runtime.dispatch.Router;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JsonToken;

/**
 * Server side: runs a command by name. Decodes the request pairs with the command's codec, calls its handler,
 * and writes the answer pairs: {@code status=0}, then the response's own pairs; or, when the handler refuses,
 * its status and messages. Generated {@code <Api>Handler.dispatcher(…)} builds one from a handler.
 */
public final class FormDispatcher {
  /** Handles one command. */
  @FunctionalInterface
  public interface CommandHandler<Q, R> {
    R handle(Q request, CallContext context);
  }

  /** A command's answer pairs, written once its handler has run. */
  private interface Answer {
    void writeTo(FormSink out, FormEnvelope envelope);
  }

  private final Router<FormReader, CallContext, Answer> router;
  private final String batchCommand;
  private final FormEnvelope envelope;

  private FormDispatcher(Builder builder) {
    this.router = builder.router.build();
    this.batchCommand = builder.batchCommand;
    this.envelope = builder.envelope;
  }

  /** The envelope's wire names its answers use, and an endpoint over it reads. */
  public FormEnvelope envelope() {
    return envelope;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs {@code command} and writes its answer pairs to {@code out}. */
  public void dispatch(String command, FormReader in, String principal, FormSink out) {
    try {
      if (command.equals(batchCommand)) {
        batch(in, principal, out);
        return;
      }
      if (!router.knows(command)) {
        throw new CommandRefusedException(1, "Unknown command: " + command);
      }
      Router.Decoded<CallContext, Answer> request;
      try {
        request = router.decode(command, in);
      } catch (WireFormatException | IllegalArgumentException | NullPointerException e) {
        throw new CommandRefusedException(1, "Invalid parameters: " + e.getMessage());
      }
      Answer answer;
      try {
        answer = request.handle(new CallContext(command, principal));
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) { // a command handler declares no checked exception; keep the cause all the same
        throw new IllegalStateException("command " + command + " failed", e);
      }
      answer.writeTo(out, envelope);
    } catch (CommandRefusedException refused) {
      writeRefusal(refused, out);
    }
  }

  void writeRefusal(CommandRefusedException refused, FormSink out) {
    out.add(envelope.status(), refused.status());
    List<String> messages = refused.messages();
    if (messages.size() == 1) {
      out.add(envelope.statusMessage(), messages.get(0));
    } else {
      for (int i = 0; i < messages.size(); i++) {
        out.add(envelope.statusMessage() + "[" + i + "]", messages.get(i));
      }
    }
  }

  /**
   * The batch's pair ({@code json}) holds an array of commands' pairs; the answer's ({@code response}) an array of
   * their answers.
   */
  private void batch(FormReader in, String principal, FormSink out) {
    String requests = envelope.batchRequests();
    String json = in.take(requests);
    if (json == null) {
      throw new CommandRefusedException(1, "Required parameter \"" + requests + "\" missing");
    }
    List<FormReader> commands;
    try {
      commands = Json.read(json, requests, p -> {
        Json.expect(p, JsonToken.START_ARRAY, requests);
        List<FormReader> read = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          read.add(FormReader.ofJsonObject(p, "a batch element"));
        }
        return read;
      });
    } catch (WireFormatException e) {
      throw new CommandRefusedException(1, "Parameter \"" + requests + "\" is not a JSON array of objects: "
          + e.getMessage());
    }
    String response = Json.write(g -> {
      g.writeStartArray();
      for (FormReader element : commands) {
        String command = element.take(envelope.command());
        if (command == null || command.equals(batchCommand) || !router.knows(command)) {
          g.writeString(command == null ? "ERROR: Required parameter \"" + envelope.command() + "\" missing"
              : "ERROR: Unknown command \"" + command + "\"");
          continue;
        }
        FormEndpoint.hideCredentials(element, envelope); // the batch call itself was authenticated
        g.writeStartObject();
        dispatch(command, element, principal, new JsonMemberSink(g));
        g.writeEndObject();
      }
      g.writeEndArray();
    });
    out.add(envelope.status(), envelope.success());
    out.addJson(envelope.batchResponse(), response);
  }

  /** Adds the route of one command to the builder it gets, when it knows the command's name. */
  @FunctionalInterface
  public interface Resolver {
    /** Adds the route of {@code command} to {@code routes} and returns {@code true}, or returns {@code false}. */
    boolean resolve(String command, Builder routes);
  }

  /** Routes from command names to handlers. */
  public static final class Builder {
    private final Router.Builder<FormReader, CallContext, Answer> router;
    private String batchCommand;
    private FormEnvelope envelope = FormEnvelope.DEALER;

    private Builder() {
      this(Router.builder());
    }

    private Builder(Router.Builder<FormReader, CallContext, Answer> router) {
      this.router = router;
    }

    /** The envelope's wire names, as the spec declares them; the dealer website's by default. */
    public Builder envelope(FormEnvelope envelope) {
      this.envelope = Objects.requireNonNull(envelope, "envelope");
      return this;
    }

    /**
     * Resolves each command's route when the command first comes, so that building the dispatcher loads no
     * command's classes: what a generated {@code <Api>Handler.dispatcher(…)} does.
     */
    public Builder lazily(Resolver resolver) {
      Objects.requireNonNull(resolver, "resolver");
      router.lazily((command, routes) -> resolver.resolve(command, new Builder(routes)));
      return this;
    }

    public <Q, R> Builder on(FormCommand<Q, R> command, CommandHandler<Q, R> handler) {
      Objects.requireNonNull(handler, "handler");
      router.on(command.name(), command.readRequest(), (Q request, CallContext context) -> {
        R response = handler.handle(request, context);
        return (out, envelope) -> {
          // a command whose spec names its own success status (issue_invites: SUCCESS) is answered with it
          out.add(envelope.status(), command.successStatus() == null ? envelope.success()
              : command.successStatus());
          command.writeResponse().accept(out, response);
        };
      });
      return this;
    }

    /** Also answers {@code name} as a batch of the other commands. */
    public Builder batch(String name) {
      this.batchCommand = name;
      return this;
    }

    public FormDispatcher build() {
      return new FormDispatcher(this);
    }
  }
}
