/** Routing a named message to its typed handler: one router under every dispatcher of the runtime. */
package dev.specbridge.runtime.dispatch;
