/** Records generated from a spec of a record with 70 fields, used by the behaviour tests. */
@ApiSpec("specs/edge/wide.yaml")
package dev.specbridge.processor.wide;

import dev.specbridge.runtime.ApiSpec;
