package dev.specbridge.runtime.http;

/**
 * Sees each call an {@link HttpTransport} makes, once it is over (after its last attempt): for logs and metrics.
 * It runs on the thread that finished the call (the caller's, or OkHttp's for an async call), so it should be
 * quick; what it throws is logged and does not change the call's outcome.
 */
@FunctionalInterface
public interface CallListener {
  void onCall(CallEvent event);

  /** A listener that does nothing: the default. */
  static CallListener none() {
    return event -> { };
  }
}
