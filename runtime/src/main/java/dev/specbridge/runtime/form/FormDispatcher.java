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
    void writeTo(FormSink out);
  }

  private final Router<FormReader, CallContext, Answer> router;
  private final String batchCommand;

  private FormDispatcher(Builder builder) {
    this.router = builder.router.build();
    this.batchCommand = builder.batchCommand;
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
      answer.writeTo(out);
    } catch (CommandRefusedException refused) {
      writeRefusal(refused, out);
    }
  }

  static void writeRefusal(CommandRefusedException refused, FormSink out) {
    out.add("status", refused.status());
    List<String> messages = refused.messages();
    if (messages.size() == 1) {
      out.add("status_message", messages.get(0));
    } else {
      for (int i = 0; i < messages.size(); i++) {
        out.add("status_message[" + i + "]", messages.get(i));
      }
    }
  }

  /** {@code json} holds an array of commands' pairs; the answer's {@code response} an array of their answers. */
  private void batch(FormReader in, String principal, FormSink out) {
    String json = in.take("json");
    if (json == null) {
      throw new CommandRefusedException(1, "Required parameter \"json\" missing");
    }
    List<FormReader> commands;
    try {
      commands = Json.read(json, "json", p -> {
        Json.expect(p, JsonToken.START_ARRAY, "json");
        List<FormReader> read = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          read.add(FormReader.ofJsonObject(p, "a batch element"));
        }
        return read;
      });
    } catch (WireFormatException e) {
      throw new CommandRefusedException(1, "Parameter \"json\" is not a JSON array of objects: " + e.getMessage());
    }
    String response = Json.write(g -> {
      g.writeStartArray();
      for (FormReader element : commands) {
        String command = element.take("ai_command");
        if (command == null || command.equals(batchCommand) || !router.knows(command)) {
          g.writeString(command == null ? "ERROR: Required parameter \"ai_command\" missing"
              : "ERROR: Unknown command \"" + command + "\"");
          continue;
        }
        FormEndpoint.hideCredentials(element); // the batch call itself was authenticated
        g.writeStartObject();
        dispatch(command, element, principal, new JsonMemberSink(g));
        g.writeEndObject();
      }
      g.writeEndArray();
    });
    out.add("status", "0");
    out.addJson("response", response);
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

    private Builder() {
      this(Router.builder());
    }

    private Builder(Router.Builder<FormReader, CallContext, Answer> router) {
      this.router = router;
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
        return out -> {
          // a command whose spec names its own success status (issue_invites: SUCCESS) is answered with it
          out.add("status", command.successStatus() == null ? "0" : command.successStatus());
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
