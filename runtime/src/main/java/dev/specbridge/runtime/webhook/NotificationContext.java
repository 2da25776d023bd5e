package dev.specbridge.runtime.webhook;

import dev.specbridge.runtime.value.RawJson;

/**
 * Where a message stands in the delivery that brought it.
 *
 * @param type the message's type as sent
 * @param index its 0-based position in the delivery
 * @param occurrence how many messages identical to it came before it in the same delivery, so that two equal
 *     messages are not taken for one message delivered twice
 * @param message the whole message object as JSON, with any member the envelope does not name
 */
public record NotificationContext(String type, int index, int occurrence, RawJson message) {}
