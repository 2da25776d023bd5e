package dev.specbridge.processor.protocol.formhttp;

import dev.specbridge.processor.model.ProtocolSettings;

/**
 * The settings of a {@code form-http} API.
 *
 * @param path where the service answers below the site's URL ({@code /service}), or {@code null}; generated as
 *     {@code <Api>Commands.PATH}
 * @param batchCommand the command that runs a batch of the others ({@code batch}), or {@code null}; it gives the
 *     client {@code newBatch()} and the dispatcher its batch answer
 */
public record FormHttpSettings(String path, String batchCommand) implements ProtocolSettings {}
