/** Records and codecs generated from the bundled CityTrips spec, used by the behaviour tests. */
@ApiSpec("apispec/citytrips.yaml")
package dev.specbridge.processor.bundled;

import dev.specbridge.runtime.ApiSpec;
