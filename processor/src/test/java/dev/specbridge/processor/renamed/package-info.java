/** A form-http API whose envelope has names of its own, used by the behaviour tests. */
@ApiSpec("specs/edge/renamed-envelope.yaml")
package dev.specbridge.processor.renamed;

import dev.specbridge.runtime.ApiSpec;
