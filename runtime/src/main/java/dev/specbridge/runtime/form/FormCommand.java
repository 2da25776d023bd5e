package dev.specbridge.runtime.form;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One command of a name-value API, as generated from its spec: its wire name, whether it may be retried, the
 * non-numeric status that also means success for it, and the codec of its request and response (both ways,
 * so that the same constant serves the client and the server).
 *
 * @param successStatus a status other than {@code 0} that means success (e.g. {@code SUCCESS}), or {@code null}
 */
public record FormCommand<Q, R>(
    String name,
    boolean idempotent,
    String successStatus,
    BiConsumer<FormSink, Q> writeRequest,
    Function<FormReader, Q> readRequest,
    BiConsumer<FormSink, R> writeResponse,
    Function<FormReader, R> readResponse) {

  public FormCommand {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(writeRequest, "writeRequest");
    Objects.requireNonNull(readRequest, "readRequest");
    Objects.requireNonNull(writeResponse, "writeResponse");
    Objects.requireNonNull(readResponse, "readResponse");
  }

  /** Whether {@code rawStatus} means success: {@code 0}, or this command's own success status. */
  public boolean isSuccess(String rawStatus) {
    String status = rawStatus.strip();
    return status.equals("0") || status.equals(successStatus);
  }

  @Override
  public String toString() {
    return "FormCommand[" + name + "]";
  }
}
