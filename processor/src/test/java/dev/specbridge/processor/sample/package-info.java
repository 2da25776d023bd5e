/** Records generated from the sample spec, used by the behaviour tests. */
@ApiSpec("specs/everything.yaml")
package dev.specbridge.processor.sample;

import dev.specbridge.runtime.ApiSpec;
