package dev.specbridge.runtime.websocket;

import dev.specbridge.runtime.value.RawJson;

/**
 * Where a received message came from, for its handler.
 *
 * @param command the message's command as sent
 * @param payload its payload as it came, raw JSON
 */
public record MessageContext(String command, RawJson payload) {}
