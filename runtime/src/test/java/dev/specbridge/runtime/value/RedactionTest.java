package dev.specbridge.runtime.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void aCredentialAServerEchoesIsHiddenInEveryShapeItComesIn() {
    assertEquals("Invalid: ai_login_id=apiuser&ai_login_password=██&ai_command=x",
        Redaction.hidden("Invalid: ai_login_id=apiuser&ai_login_password=APIuser123&ai_command=x"));
    assertEquals("echo ai_sitecom_token%3D██%26x", Redaction.hidden("echo ai_sitecom_token%3Dabc123%26x"));
    assertEquals("{\"user\":\"bob\",\"password\":\"██\"}", Redaction.hidden("{\"user\":\"bob\",\"password\":\"pw\"}"));
    assertEquals("ai_token= and a username=bob", Redaction.hidden("ai_token= and a username=bob"));
  }

  @Test
  void credentialNamesAreRecognisedAndOthersAreNot() {
    for (String name : new String[] {"ai_login_password", "ai_token", "ai_sitecom_token", "client_secret",
        "X-Signature"}) {
      assertTrue(Redaction.isCredential(name), name);
    }
    for (String name : new String[] {"ai_login_id", "username", "lead_id", "status_message"}) {
      assertFalse(Redaction.isCredential(name), name);
    }
  }

  @Test
  void aHostileMessageCostsLittle() { // the echo pattern once backtracked quadratically on a long word
    String word = Redaction.shown("ai_" + "x".repeat(1_000_000) + "password=pw");
    assertTrue(word.endsWith("… (999014 more characters)"), word.substring(990));
    String keywords = Redaction.shown("password".repeat(200_000));
    assertTrue(keywords.endsWith("… (1599000 more characters)"), keywords.substring(990));
    assertEquals("x ai_login_password=██", Redaction.shown("x ai_login_password=pw"));
  }

  @Test
  void longTextIsCutSayingHowMuchWasLeftOut() {
    String shown = Redaction.shown("x".repeat(20_000));
    assertEquals(Redaction.MAX_SHOWN + "… (19000 more characters)".length(), shown.length());
    assertTrue(shown.endsWith("… (19000 more characters)"));
  }

  @Test
  void unknownFieldsKeepACredentialTheServerSentBackButNeverPrintIt() {
    UnknownFields fields = UnknownFields.empty().with("ai_token", "TOKEN123").with("note", "password=pw1");
    assertEquals("{ai_token=██, note=password=██}", fields.toString());
    assertEquals("TOKEN123", fields.get("ai_token"));
  }

  /**
   * A call view ({@code CallEvent.answer()}) hides secrets in a whole answer, up to the transport's 16 MiB, not in
   * a text cut at 1,000 characters: there too a hostile answer must cost time in proportion to its length.
   */
  @Test
  void aHostileWholeAnswerCostsLittleToShowInACallView() {
    String keywords = "token".repeat(400_000); // 2 MB: every position starts a credential's name
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Redaction.hidden(keywords, List.of("pin")));
    String brackets = "(pin[".repeat(400_000); // every '(pin[' starts an index that never closes
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Redaction.hidden(brackets, List.of("pin")));
  }

  /**
   * A structured field (and a batch's {@code json}) is JSON inside a form pair, so on the wire it is URL-encoded
   * JSON; and a JSON string runs to its closing quote, spaces and escaped quotes included.
   */
  @Test
  void aSecretInsideUrlEncodedJsonOrAJsonStringWithSpacesIsHiddenWhole() {
    String nested = Redaction.hidden("vehicle=%7B%22vin%22%3A%22V1%22%2C%22pin%22%3A%221234%22%7D&x=1",
        List.of("pin"));
    assertFalse(nested.contains("1234"), nested);
    assertTrue(nested.contains("%22vin%22%3A%22V1%22"), "other members stay: " + nested);
    String batch = Redaction.hidden("json=%5B%7B%22ai_command%22%3A%22login%22%2C%22password%22%3A%22hunter2%22%7D%5D",
        List.of("pin"));
    assertFalse(batch.contains("hunter2"), batch);
    String spaced = Redaction.hidden("{\"password\":\"correct horse battery\",\"pin\":\"12 34\"}", List.of("pin"));
    assertFalse(spaced.contains("horse") || spaced.contains("battery") || spaced.contains("34"), spaced);
    String escaped = Redaction.hidden("{\"token\":\"ab\\\"cdef\",\"user\":\"bob\"}", List.of("pin"));
    assertFalse(escaped.contains("cdef"), escaped);
    assertTrue(escaped.contains("\"user\":\"bob\""), escaped);
  }
}
