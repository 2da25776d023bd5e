/**
 * The validate stage: a loaded spec is checked, every mistake collected with its place, and resolved into the
 * {@link dev.specbridge.processor.model model}.
 */
package dev.specbridge.processor.validate;
