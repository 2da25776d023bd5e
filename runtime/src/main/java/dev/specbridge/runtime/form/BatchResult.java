package dev.specbridge.runtime.form;

import dev.specbridge.runtime.error.ApiException;
import java.util.List;

/** The answer to one command of a batch: its response, its failure, or the bare error string the server sent. */
public sealed interface BatchResult<R> {
  /** The command succeeded. */
  record Done<R>(R response, String status, List<String> messages) implements BatchResult<R> {
    public Done {
      messages = List.copyOf(messages);
    }
  }

  /** The command's answer says it failed, or cannot be read; the exception says which and carries the raw answer. */
  record Failed<R>(ApiException error) implements BatchResult<R> {}

  /** The server answered this element with a plain string, such as {@code ERROR: Required parameter missing}. */
  record ErrorText<R>(String text) implements BatchResult<R> {}

  /** The response, or the failure thrown. */
  default R orThrow() {
    if (this instanceof Done<R> done) {
      return done.response();
    }
    if (this instanceof Failed<R> failed) {
      throw failed.error();
    }
    throw new IllegalStateException("batch element failed: " + ((ErrorText<R>) this).text());
  }
}
