package dev.specbridge.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The specs bundled in api-spec, a user's extension of a spec, and a spec of every entry kind compile cleanly
 * from the class path.
 */
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

  @Test
  void notificationTypesBecomeNotificationRecords() {
    Compilation compilation = SpecCompiler.compile("kinds.notices", "specs/kinds/notifications.yaml");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("kinds.notices.GenericNotification").contentsAsUtf8String()
        .contains("public record GenericNotification(StringOr<RawJson> data)");
    assertThat(compilation).generatedSourceFile("kinds.notices.NewUserNotification").contentsAsUtf8String()
        .contains("public record NewUserNotification(int userId, LocalDateTime dateAdded,");
  }

  @Test
  void crmObjectsBecomeRecordsNamedAfterTheObject() {
    Compilation compilation = SpecCompiler.compile("kinds.crm", "specs/kinds/objects.yaml");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("kinds.crm.Account").contentsAsUtf8String()
        .contains("The CRM object {@code account}. A company or person the CRM tracks.");
  }

  @Test
  void cornersOfTheLanguageCompileCleanly() {
    Compilation compilation = SpecCompiler.compile("edge.corners", "specs/edge/corners.yaml");
    assertThat(compilation).succeededWithoutWarnings();
    String request = contents(compilation, "edge.corners.AliasedRequest");
    // an alias and a merge key copy the anchored definition; the merge keeps the field's own doc
    assertThat(request).contains("SECOND_PATTERN = Pattern.compile(\"[a-z]+\")");
    assertThat(request).contains("@param third Merged, with its own doc.");
    // userID and user_id both give USER_ID: the second constant is numbered
    assertThat(request).contains("USER_ID_PATTERN = Pattern.compile(\"[0-9]+\")");
    assertThat(request).contains("USER_ID_2_PATTERN = Pattern.compile(\"[0-9]{2}\")");
    assertThat(request).contains("lowest < -9223372036854775808L");
    assertThat(request).contains("lowest > 1L");
    assertThat(contents(compilation, "edge.corners.Code")).contains("&#64;deprecated is not a tag here");
  }

  @Test
  void anExtensionFillsEntriesItsBaseLeftEmpty() {
    Compilation compilation = SpecCompiler.compile("edge.filled", "specs/ext-fill.yaml");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(contents(compilation, "edge.filled.PingRequest")).contains("String echo");
    assertThat(contents(compilation, "edge.filled.StatusRequest")).contains("Boolean verbose");
  }

  private static String contents(Compilation compilation, String typeName) {
    try {
      return compilation.generatedSourceFile(typeName).orElseThrow().getCharContent(false).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
