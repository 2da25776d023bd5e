package dev.specbridge.runtime.form;

import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One command of a name-value API, as generated from its spec: its wire name, whether it may be retried, the
 * non-numeric status that also means success for it, and the codec of its request and response (both ways,
 * so that the same constant serves the client and the server).
 *
 * @param successStatus a status other than the envelope's that also means success (e.g. {@code SUCCESS}), or
 *     {@code null}
 * @param secretFields the wire names of the fields its spec marks {@code secret}, in its request and response
 *     and the types inside them: hidden wherever a request or answer is shown
 */
public record FormCommand<Q, R>(
    String name,
    boolean idempotent,
    String successStatus,
    Set<String> secretFields,
    BiConsumer<FormSink, Q> writeRequest,
    Function<FormReader, Q> readRequest,
    BiConsumer<FormSink, R> writeResponse,
    Function<FormReader, R> readResponse) {

  public FormCommand {
    Objects.requireNonNull(name, "name");
    secretFields = Set.copyOf(secretFields);
    Objects.requireNonNull(writeRequest, "writeRequest");
    Objects.requireNonNull(readRequest, "readRequest");
    Objects.requireNonNull(writeResponse, "writeResponse");
    Objects.requireNonNull(readResponse, "readResponse");
  }

  /** A command none of whose fields is secret. */
  public FormCommand(String name, boolean idempotent, String successStatus, BiConsumer<FormSink, Q> writeRequest,
      Function<FormReader, Q> readRequest, BiConsumer<FormSink, R> writeResponse,
      Function<FormReader, R> readResponse) {
    this(name, idempotent, successStatus, Set.of(), writeRequest, readRequest, writeResponse, readResponse);
  }

  @Override
  public String toString() {
    return "FormCommand[" + name + "]";
  }
}
