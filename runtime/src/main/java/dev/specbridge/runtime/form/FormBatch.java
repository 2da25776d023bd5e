package dev.specbridge.runtime.form;

import dev.specbridge.runtime.error.ApiException;
import dev.specbridge.runtime.error.MalformedResponseException;
import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonToken;

/**
 * Several commands in one call: the API Service's {@code batch} sends a JSON array of the commands' name-value
 * objects as its {@code json} parameter and answers a JSON array {@code response}, element by element: an
 * object (that command's answer) or an error string. Each {@link Item} gets its typed result back.
 */
public final class FormBatch {
  private final FormServiceClient client;
  private final String batchCommand;
  private final List<Item<?, ?>> items = new ArrayList<>();

  FormBatch(FormServiceClient client, String batchCommand) {
    this.client = client;
    this.batchCommand = batchCommand;
  }

  /**
   * The batch as one command, whose secret fields are those of every command it carries: their pairs are in its
   * request, and their answers in its answer.
   */
  private FormCommand<Object, String> command() {
    java.util.Set<String> secrets = new java.util.HashSet<>();
    items.forEach(item -> secrets.addAll(item.command.secretFields()));
    return new FormCommand<>(batchCommand, false, null, secrets, (sink, request) -> { }, pairs -> null,
        (sink, response) -> { }, pairs -> pairs.takeJson(client.envelope().batchResponse()));
  }

  /** One command of the batch; its {@link #result()} is there after {@link FormBatch#send()}. */
  public static final class Item<Q, R> {
    private final FormCommand<Q, R> command;
    private final Q request;
    private BatchResult<R> result;

    private Item(FormCommand<Q, R> command, Q request) {
      this.command = command;
      this.request = request;
    }

    public FormCommand<Q, R> command() {
      return command;
    }

    public BatchResult<R> result() {
      if (result == null) {
        throw new IllegalStateException("the batch has not been sent");
      }
      return result;
    }
  }

  public <Q, R> Item<Q, R> add(FormCommand<Q, R> command, Q request) {
    Item<Q, R> item = new Item<>(command, request);
    items.add(item);
    return item;
  }

  /** The {@code json} parameter: one object of name-value pairs per command. */
  String requestJson() {
    return Json.write(g -> {
      g.writeStartArray();
      for (Item<?, ?> item : items) {
        g.writeStartObject();
        g.writeStringProperty(client.envelope().command(), item.command.name());
        writeRequest(item, new JsonMemberSink(g));
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  private static <Q, R> void writeRequest(Item<Q, R> item, FormSink sink) {
    item.command.writeRequest().accept(sink, item.request);
  }

  /** Sends the batch and returns each command's result, in order. */
  public List<BatchResult<?>> send() {
    FormCommand<Object, String> command = command();
    String json = requestJson();
    Answered answered = client.send(client.call(command, sink -> sink.add(client.envelope().batchRequests(), json),
        answer -> new Answered(client.read(command, answer), answer.raw())));
    FormReply<String> reply = answered.reply();
    String body = answered.body();
    if (reply.response() == null) {
      throw new MalformedResponseException("command " + command.name() + ": the answer has no 'response'", body, null);
    }
    List<Element> elements;
    try {
      elements = Json.read(reply.response(), p -> {
        Json.expect(p, JsonToken.START_ARRAY, "the batch response");
        List<Element> read = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          read.add(p.currentToken() == JsonToken.VALUE_STRING ? new Element(null, p.getString())
              : new Element(Json.raw(p), null));
        }
        return read;
      });
    } catch (WireFormatException e) {
      throw new MalformedResponseException("command " + command.name() + ": its 'response' is not a JSON array: "
          + e.getMessage(), body, e);
    }
    if (elements.size() != items.size()) {
      throw new MalformedResponseException("command " + command.name() + ": " + items.size() + " commands sent, "
          + elements.size() + " answers received", body, null);
    }
    List<BatchResult<?>> results = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      results.add(answer(items.get(i), elements.get(i), client.envelope()));
    }
    return results;
  }

  /** The batch's answer, read, and its raw body for errors about its elements. */
  private record Answered(FormReply<String> reply, String body) {}

  /** One element of the answer: an object's JSON text, or an error string. */
  private record Element(String json, String errorText) {}

  private static <Q, R> BatchResult<R> answer(Item<Q, R> item, Element element, FormEnvelope envelope) {
    BatchResult<R> result;
    if (element.errorText() != null) {
      result = new BatchResult.ErrorText<>(element.errorText());
    } else {
      String json = element.json();
      try {
        FormReply<R> reply = FormServiceClient.decode(item.command, envelope, FormReader.ofJsonObject(json), json);
        result = new BatchResult.Done<>(reply.response(), reply.status(), reply.messages());
      } catch (ApiException e) {
        result = new BatchResult.Failed<>(e);
      } catch (WireFormatException e) {
        result = new BatchResult.Failed<>(new MalformedResponseException("command " + item.command.name()
            + " in a batch: " + e.getMessage(), json, e));
      }
    }
    item.result = result;
    return result;
  }
}
