package dev.specbridge.runtime.form;

import java.util.List;

/**
 * A successful answer: the decoded response, and the envelope around it.
 *
 * @param status the status as the server wrote it ({@code 0}, or the command's own success status)
 * @param messages every {@code status_message}, in index order
 */
public record FormReply<R>(R response, String status, List<String> messages) {
  public FormReply {
    messages = List.copyOf(messages);
  }
}
