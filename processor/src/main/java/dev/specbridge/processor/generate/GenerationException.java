package dev.specbridge.processor.generate;

/**
 * A generator failed on a spec that passed validation: a bug of the processor, not of the spec. It names what was
 * being generated ({@code command create_lead}, {@code the JSON codec}), so that the processor reports a compile
 * error on the annotation instead of crashing javac.
 */
public final class GenerationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  GenerationException(String what, RuntimeException cause) {
    super("could not generate the code of " + what + " (" + cause + "); this is a bug of the processor: please"
        + " report it with the spec", cause);
  }
}
