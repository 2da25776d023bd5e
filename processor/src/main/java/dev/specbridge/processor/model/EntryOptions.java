package dev.specbridge.processor.model;

/**
 * What an entry says beyond its bodies (a command's {@code idempotent}, an object's {@code actions}, a message's
 * {@code direction}), checked and typed by the protocol that reads them: each protocol package has its own record.
 */
public interface EntryOptions {
  /** For entries whose protocol reads no options. */
  EntryOptions NONE = new EntryOptions() {
    @Override
    public String toString() {
      return "EntryOptions.NONE";
    }
  };
}
