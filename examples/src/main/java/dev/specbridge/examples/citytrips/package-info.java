/**
 * The CityTrips API as this operator uses it: the bundled spec (from the specbridge-api-spec jar) extended by
 * {@code specs/citytrips-operator.yaml} (from this module's resources). Every type here is generated.
 */
@ApiSpec("specs/citytrips-operator.yaml")
package dev.specbridge.examples.citytrips;

import dev.specbridge.runtime.ApiSpec;
