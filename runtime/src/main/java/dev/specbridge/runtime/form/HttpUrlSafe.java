package dev.specbridge.runtime.form;

/** URLs shown in messages lose their query, which may carry credentials or session keys. */
final class HttpUrlSafe {
  private HttpUrlSafe() {}

  static String withoutQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query) + "?…";
  }
}
