package dev.specbridge.examples.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.specbridge.examples.citytrips.Country;
import dev.specbridge.examples.citytrips.Vehicle;
import dev.specbridge.examples.citytrips.VehicleFullMessage;
import dev.specbridge.runtime.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encoding CityTrips' {@code s_vehicle/full} payload of 100,000 vehicles, the fleet an operator sends on every full
 * request: the generated {@code VehicleFullMessage.writeJson} against Jackson 3 databind writing plain classes with
 * the same fields ({@link VehiclePojo}), both to a {@code String}, the very same text ({@link #setup()} checks).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VehicleFleetBenchmark {
  static final int VEHICLES = 100_000;
  private static final ObjectWriter POJO_WRITER = JsonMapper.builder().build()
      .writerFor(new TypeReference<List<VehiclePojo>>() {});

  final VehicleFullMessage fleet = fleet();
  final List<VehiclePojo> pojos = fleet.payload().stream().map(VehiclePojo::of).toList();

  private static VehicleFullMessage fleet() {
    List<Vehicle> vehicles = new ArrayList<>(VEHICLES);
    Country[] countries = {Country.SPAIN, Country.CHILE, Country.AUSTRALIA};
    for (int i = 0; i < VEHICLES; i++) {
      vehicles.add(Vehicle.builder().id("car-" + i).battery(i % 101).plate(String.format("%04d-KLM", i % 10_000))
          .country(countries[i % 3]).city(i % 2 == 0 ? "Madrid" : "Santiago")
          .location(Vehicle.Location.builder().latitude(new BigDecimal("40.4168")).longitude(new BigDecimal(
              "-3.7038")).build())
          .rangeKm(200 + i % 50).build());
    }
    return VehicleFullMessage.builder().payload(vehicles).build();
  }

  /** Fails the run unless both write the same text. */
  @Setup
  public void setup() {
    if (!generated().equals(databind())) {
      throw new IllegalStateException("the paths write different JSON");
    }
  }

  @Benchmark
  public String generated() {
    return Json.write(g -> VehicleFullMessage.writeJson(g, fleet));
  }

  @Benchmark
  public String databind() {
    return POJO_WRITER.writeValueAsString(pojos);
  }

  /** A vehicle as a databind user writes it: public fields, wire names, nulls left out, the spec's order. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "battery", "plate", "country", "city", "location", "range_km"})
  public static final class VehiclePojo {
    @JsonProperty("id") public String id;
    @JsonProperty("battery") public Integer battery;
    @JsonProperty("plate") public String plate;
    @JsonProperty("country") public String country;
    @JsonProperty("city") public String city;
    @JsonProperty("location") public Location location;
    @JsonProperty("range_km") public Integer rangeKm;

    /** Where the vehicle is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"latitude", "longitude"})
    public static final class Location {
      @JsonProperty("latitude") public BigDecimal latitude;
      @JsonProperty("longitude") public BigDecimal longitude;
    }

    static VehiclePojo of(Vehicle vehicle) {
      VehiclePojo pojo = new VehiclePojo();
      pojo.id = vehicle.id();
      pojo.battery = vehicle.battery();
      pojo.plate = vehicle.plate();
      pojo.country = vehicle.country() == null ? null : vehicle.country().wireValue();
      pojo.city = vehicle.city();
      if (vehicle.location() != null) {
        pojo.location = new Location();
        pojo.location.latitude = vehicle.location().latitude();
        pojo.location.longitude = vehicle.location().longitude();
      }
      pojo.rangeKm = vehicle.rangeKm();
      return pojo;
    }
  }
}
