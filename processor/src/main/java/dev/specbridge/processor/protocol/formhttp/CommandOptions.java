package dev.specbridge.processor.protocol.formhttp;

import dev.specbridge.processor.model.EntryOptions;

/**
 * What a command says beyond its request and response.
 *
 * @param idempotent whether a call may be sent again after a failure that leaves its outcome unknown
 * @param successStatus a status other than {@code 0} that also means success ({@code SUCCESS}), or {@code null}
 */
public record CommandOptions(boolean idempotent, String successStatus) implements EntryOptions {}
