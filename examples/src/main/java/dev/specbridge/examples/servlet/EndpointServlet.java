package dev.specbridge.examples.servlet;

import dev.specbridge.runtime.http.HttpEndpoint;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Mounts any {@link HttpEndpoint} in a servlet container (Jakarta Servlet 5+), e.g. a NotificationEndpoint. */
@SuppressWarnings("serial") // never serialized: it holds a live endpoint
public final class EndpointServlet extends HttpServlet {
  private final HttpEndpoint endpoint;
  private final int maxBodyBytes;

  /** {@code maxBodyBytes}: a NotificationEndpoint's own {@code maxBodyBytes()}; a FormEndpoint has none. */
  public EndpointServlet(HttpEndpoint endpoint, int maxBodyBytes) {
    this.endpoint = endpoint;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override // service, not doPost: every method reaches the endpoint, which answers a GET 405 itself
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    // Every header: the webhook reads Content-Type, a signed command Authorization, X-AI-Command and X-AI-Nonce.
    // The container's names keep their case; HttpEndpoint.Request matches them ignoring case.
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    // A body over the limit is refused here, and never read whole: not at all when its Content-Length says so,
    // else no more than one byte past the limit. Refused, not passed on cut short: a cut form reads as valid.
    byte[] body = request.getContentLengthLong() > maxBodyBytes ? null
        : request.getInputStream().readNBytes(maxBodyBytes + 1);
    HttpEndpoint.Answer answer = body == null || body.length > maxBodyBytes
        ? HttpEndpoint.Answer.text(413, "text/plain; charset=utf-8", "the request body is over " + maxBodyBytes
            + " bytes")
        : endpoint.handle(new HttpEndpoint.Request(request.getMethod(), headers, body));
    response.setStatus(answer.status());
    response.setContentType(answer.contentType());
    response.setContentLength(answer.body().length);
    response.getOutputStream().write(answer.body());
  }
}
