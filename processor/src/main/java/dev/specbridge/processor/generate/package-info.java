/** The generate stage: the checked model to Java source, written with Palantir JavaPoet. */
package dev.specbridge.processor.generate;
