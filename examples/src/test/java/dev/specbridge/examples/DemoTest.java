package dev.specbridge.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {
  @Test
  void theDemoPrintsTypedRecordsAndNeverTheSecret() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(output.contains("apiKey=██"), output);
    assertFalse(output.contains("a9eb2bc7-secret"), output);
    assertTrue(output.contains("rangeKm=210"), output);
    assertTrue(output.contains("Vehicle.battery must be at most 100 (was '120')"), output);
    assertTrue(output.contains("Country.of(\"Portugal\") = Portugal, known: false"), output);
    assertTrue(output.contains("{color=\"red\"}; equal to the original: false"), output);
  }
}
