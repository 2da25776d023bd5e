package dev.specbridge.runtime.http;

import dev.specbridge.runtime.value.Redaction;

/** URLs shown in messages lose their user-info, query and fragment, which may carry credentials or session keys. */
public final class HttpUrls {
  private HttpUrls() {}

  /** {@code https://user:password@host/service?key=…} shown as {@code https://██@host/service?…}. */
  public static String shown(String url) {
    String shown = withoutQuery(url);
    int scheme = shown.indexOf("://");
    int at = shown.indexOf('@', scheme + 3);
    int path = shown.indexOf('/', scheme + 3);
    return scheme < 0 || at < 0 || (path >= 0 && at > path) ? shown
        : shown.substring(0, scheme + 3) + Redaction.HIDDEN + shown.substring(at);
  }

  /** {@code url} without its query and fragment (an OAuth redirect carries its token in {@code #access_token=…}). */
  public static String withoutQuery(String url) {
    int query = url.indexOf('?');
    int fragment = url.indexOf('#');
    int end = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
    return end < 0 ? url : url.substring(0, end) + (end == query ? "?…" : "#…");
  }

  /**
   * Refuses a plain {@code http://} URL unless allowed: credentials would travel in clear.
   *
   * @param what what travels, for the message ({@code credentials}, {@code the login})
   */
  public static void requireHttps(okhttp3.HttpUrl url, boolean plainHttpAllowed, String what) {
    if (!url.isHttps() && !plainHttpAllowed) {
      throw new IllegalStateException("the URL " + url.scheme() + "://" + url.host() + " is not HTTPS; " + what
          + " would travel in clear (call allowPlainHttp() for tests or loopback)");
    }
  }
}
