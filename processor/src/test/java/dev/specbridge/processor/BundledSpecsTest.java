package dev.specbridge.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The specs bundled in api-spec, and a user's extension of a spec, compile cleanly from the class path. */
class BundledSpecsTest {
  @Test
  void cityTripsSpecCompilesWithoutWarnings() {
    Compilation compilation = SpecCompiler.compile("bundled.citytrips", "apispec/citytrips.yaml");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFiles().stream()
            .map(f -> f.getName().substring(f.getName().lastIndexOf('/') + 1))
            .collect(Collectors.toSet()))
        .containsAtLeast("AuthenticateMessage.java", "VehicleFullMessage.java", "NewUserMessage.java",
            "AuthSuccessfulMessage.java", "Vehicle.java", "Country.java");
  }

  @Test
  void anExtensionAddsFieldsAndEntriesToItsBase() {
    Compilation compilation = SpecCompiler.compile("extended", "specs/extension.yaml");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("extended.CreateLeadRequest").contentsAsUtf8String()
        .contains("String dealerCode");
    assertThat(compilation).generatedSourceFile("extended.CreateLeadRequest").contentsAsUtf8String()
        .contains("String email");
    assertThat(compilation).generatedSourceFile("extended.LeadsPurgeRequest").contentsAsUtf8String()
        .contains("LocalDate olderThan");
  }
}
