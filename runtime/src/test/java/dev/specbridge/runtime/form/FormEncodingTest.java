package dev.specbridge.runtime.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.wire.WireFormatException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FormEncodingTest {
  @Test
  void reservedCharactersSpacesAndNonAsciiAreEscaped() {
    assertEquals("a%26b%3Dc%2Bd+e", FormEncoding.encode("a&b=c+d e"));
    assertEquals("caf%C3%A9+%E2%82%AC", FormEncoding.encode("café €"));
    assertEquals("%F0%9F%9A%97", FormEncoding.encode("🚗"));
    assertEquals("AZaz09-._*", FormEncoding.encode("AZaz09-._*"));
    assertEquals("%5B%7B%22qty%22%3A3%7D%5D", FormEncoding.encode("[{\"qty\":3}]"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "a&b=c", "100% + more", "ümlaut ß", "line\nbreak\ttab", "~!@#$^()'",
      "🚗 emoji", "🚗 100% + more 😀", "[{\"status\":\"Message\",\"Notes\":\"test\"}]"})
  void encodingMatchesTheJdkAndDecodesBack(String text) {
    String encoded = FormEncoding.encode(text);
    assertEquals(URLEncoder.encode(text, StandardCharsets.UTF_8), encoded);
    assertEquals(text, FormEncoding.decode(encoded, 0, encoded.length()));
    assertEquals(URLDecoder.decode(encoded, StandardCharsets.UTF_8), text);
  }

  @Test
  void aRawCharacterBeyondTheBmpSurvivesBesideEscapesAndPluses() {
    String raw = "\uD83D\uDE97+100%25+\uD83D\uDE00";
    assertEquals("\uD83D\uDE97 100% \uD83D\uDE00", FormEncoding.decode(raw, 0, raw.length()));
    String arabic = "%\u0663\u0663"; // Character.digit reads each as 3
    assertThrows(dev.specbridge.runtime.wire.WireFormatException.class,
        () -> FormEncoding.decode(arabic, 0, arabic.length()));
    String lone = "\uD83D+x";
    assertThrows(dev.specbridge.runtime.wire.WireFormatException.class,
        () -> FormEncoding.decode(lone, 0, lone.length()));
  }

  @Test
  void aWriterJoinsPairsSkipsNullsAndKeepsEmptyValues() {
    FormWriter writer = new FormWriter();
    writer.add("ai_command", "create_lead");
    writer.add("absent", null);
    writer.add("empty", "");
    writer.add("name", "Doe & Sons");
    assertEquals("ai_command=create_lead&empty=&name=Doe+%26+Sons", writer.body());
    assertTrue(writer.toString().startsWith("FormWriter["), "a body may carry a password: only its size prints");
  }

  @Test
  void brokenEscapesAndInvalidUtf8AreErrors() {
    assertThrows(WireFormatException.class, () -> FormReader.parse("a=%zz"));
    assertThrows(WireFormatException.class, () -> FormReader.parse("a=%4"));
    assertThrows(WireFormatException.class, () -> FormReader.parse("a=%FF%FE"));
  }

  @Test
  void pairsDecodeInOrderWithEmptyAndMissingValues() {
    FormReader reader = FormReader.parse("status=0&empty=&flag&status_message=Lead+Creation+Successful");
    assertEquals("0", reader.take("status"));
    assertEquals("", reader.take("empty"));
    assertEquals("", reader.take("flag"));
    assertEquals(List.of("Lead Creation Successful"), reader.takeTuple("status_message"));
    assertTrue(reader.rest().isEmpty());
  }
}
