package dev.specbridge.examples;

import dev.specbridge.examples.citytrips.Auth;
import dev.specbridge.examples.citytrips.AuthenticateMessage;
import dev.specbridge.examples.citytrips.Country;
import dev.specbridge.examples.citytrips.Vehicle;
import dev.specbridge.examples.citytrips.VehicleFullMessage;
import dev.specbridge.examples.citytrips.VehicleStatusMessage;
import dev.specbridge.runtime.value.UnknownFields;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The tour: builds records generated from a spec (the bundled CityTrips spec plus this module's extension)
 * and shows what they do. Run it with {@code mvn -B -q -Pdemo -DskipTests package} from the project root.
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    out.println("specbridge demo: records generated from apispec/citytrips.yaml + specs/citytrips-operator.yaml");
    out.println();

    AuthenticateMessage login = AuthenticateMessage.builder()
        .payload(Auth.builder().clientId("730f8a96-a92c-4a74-8ce0-e7e4cdfff5ad").apiKey("a9eb2bc7-secret").build())
        .build();
    out.println("1. A secret never prints:");
    out.println("   " + login);

    Vehicle vehicle = Vehicle.builder()
        .id("car-17")
        .battery(82)
        .plate("1234-KLM")
        .country(Country.SPAIN)
        .city("Madrid")
        .location(Vehicle.Location.builder()
            .latitude(new BigDecimal("40.4168"))
            .longitude(new BigDecimal("-3.7038"))
            .build())
        .rangeKm(210) // a field this module's extension adds to the bundled spec
        .build();
    VehicleFullMessage fleet = VehicleFullMessage.builder().payload(List.of(vehicle)).build();
    out.println("2. A typed message built from the spec, with the extension's field (rangeKm):");
    out.println("   " + fleet);

    Vehicle charged = vehicle.withBattery(100);
    out.println("3. Records are immutable; withers copy: battery " + vehicle.battery() + " -> " + charged.battery());

    Country portugal = Country.of("Portugal");
    out.println("4. Enums stay open: Country.of(\"Portugal\") = " + portugal + ", known: " + portugal.isKnown()
        + "; Country.of(\"Chile\") is Country.CHILE: " + (Country.of("Chile") == Country.CHILE));

    try {
      vehicle.withBattery(120);
    } catch (IllegalArgumentException e) {
      out.println("5. Constraints from the spec are checked: " + e.getMessage());
    }

    Vehicle withExtra = vehicle.withUnknownFields(UnknownFields.empty().with("color", "\"red\""));
    out.println("6. Fields the spec does not declare are kept: " + withExtra.unknownFields()
        + "; equal to the original: " + withExtra.equals(vehicle));

    VehicleStatusMessage status = VehicleStatusMessage.builder()
        .online(true)
        .since(LocalDateTime.of(2026, 11, 24, 9, 30))
        .build();
    out.println("7. A message the extension adds: " + status);
  }
}
