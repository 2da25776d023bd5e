package dev.specbridge.examples.citytrips;

import dev.specbridge.runtime.websocket.MessageContext;
import java.util.List;
import java.util.Objects;

/**
 * What an operator writes to serve CityTrips: one class implementing the generated handler. It answers every fleet
 * request with its fleet, on the session the request came on, and signs new users up, answering with their id in
 * the spec's reply; a command the spec does not list is left alone, kept whole by the dispatcher.
 */
public final class FleetOperator implements CitytripsOperatorHandler {
  private final List<Vehicle> fleet;

  public FleetOperator(List<Vehicle> fleet) {
    this.fleet = List.copyOf(Objects.requireNonNull(fleet, "fleet"));
  }

  @Override
  public NewUserResultMessage newUser(NewUserMessage message, MessageContext context) {
    return NewUserResultMessage.builder().id("u-" + message.payload().username()).build();
  }

  @Override
  public void todo(TodoMessage message, MessageContext context) {}

  @Override
  public void vehicleFullRequest(VehicleFullRequestMessage message, MessageContext context) {
    new CitytripsOperatorClient(context.replies()).vehicleFull(VehicleFullMessage.builder().payload(fleet).build());
  }

  @Override
  public void unknown(UnknownCitytripsOperatorServerMessage message, MessageContext context) {}
}
