package dev.specbridge.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A framework-neutral HTTP endpoint: a request's method, headers and body in, a status, content type and body
 * out. Mount it in the {@link EmbeddedHttpServer}, a servlet, or any framework's handler.
 */
@FunctionalInterface
public interface HttpEndpoint {
  Answer handle(Request request);

  /** An HTTP request; header names are matched ignoring case. */
  record Request(String method, Map<String, List<String>> headers, byte[] body) {
    public Request {
      TreeMap<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.forEach((name, values) -> sorted.put(name, List.copyOf(values)));
      headers = sorted;
    }

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** An HTTP answer. */
  record Answer(int status, String contentType, byte[] body) {
    public static Answer text(int status, String contentType, String body) {
      return new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }
}
