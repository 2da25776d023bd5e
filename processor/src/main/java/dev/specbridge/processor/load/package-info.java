/**
 * The load stage: YAML text to located {@link dev.specbridge.processor.load.Node}s, with an extension merged
 * over its base spec.
 */
package dev.specbridge.processor.load;
