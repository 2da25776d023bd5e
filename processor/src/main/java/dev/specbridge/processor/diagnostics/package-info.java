/** Located spec errors: every stage reports into one {@link dev.specbridge.processor.diagnostics.Diagnostics}. */
package dev.specbridge.processor.diagnostics;
