/**
 * The small set of value types and checks that generated records use: kept unknown fields, open enums,
 * raw JSON values, string-or-value unions, constructor checks and immutable copies.
 */
package dev.specbridge.runtime.value;
