package dev.specbridge.runtime.http;

/**
 * The tag of every request an {@link HttpTransport} sends, for OkHttp interceptors:
 * {@code chain.request().tag(CommandTag.class).command()} is the command (or object) the request carries.
 *
 * @param command the {@link HttpCall#name()} of the call
 */
public record CommandTag(String command) {}
