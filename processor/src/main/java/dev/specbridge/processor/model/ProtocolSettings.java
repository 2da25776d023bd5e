package dev.specbridge.processor.model;

/**
 * A protocol's settings (the spec's {@code protocol:} mapping), checked and typed by the protocol that reads them:
 * each protocol package has its own record.
 */
public interface ProtocolSettings {}
