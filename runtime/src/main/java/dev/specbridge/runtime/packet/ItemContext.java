package dev.specbridge.runtime.packet;

/**
 * Where an item of a received packet stands, for its handler.
 *
 * @param principal who logged in: a user's name, or {@code client <id>} for a sync client
 * @param syncClient whether the login is a sync client's (a stale update is then a {@code conflict} record,
 *     where a user's login fails the transaction, as the real server does)
 * @param transactionId the transaction's id, or {@code null}
 * @param offset the first record of a select's page, or {@code null}
 * @param items how many records a select's page has ({@code -1}: all), or {@code null}
 * @param objectValidation whether the packet asked for object validation (its {@code object-validation} header:
 *     on unless it says otherwise), which the real server applies to inserts and updates
 */
public record ItemContext(String principal, boolean syncClient, Integer transactionId, Integer offset,
    Integer items, boolean objectValidation) {}
