/**
 * The resolved, checked model of a spec: what the generators read. Every name in it is final and every
 * reference resolved; each field knows its wire name and wire format, for the codecs.
 */
package dev.specbridge.processor.model;
