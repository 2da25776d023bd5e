package dev.specbridge.runtime.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Review findings on XmlReader: inputs that were refused, or read wrong, where they must not be. */
class XmlReaderReviewTest {
  @Test
  void aByteOrderMarkWinsOverTheHttpCharsetAsRfc7303Says() {
    // a UTF-8 body with its BOM, served as charset=utf-8 (as .NET and IIS servers do): well-formed, and refused
    byte[] utf8 = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?><a><b>Caf\u00e9</b></a>")
        .getBytes(StandardCharsets.UTF_8);
    try (XmlReader xml = XmlReader.of(utf8, "text/xml; charset=utf-8")) {
      assertTrue(xml.nextChild());
      assertEquals("Caf\u00e9", xml.text());
    }
    // a UTF-16 body whose BOM says so, under a header that says otherwise: the BOM is authoritative
    byte[] utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a><b>\u20ac</b></a>".getBytes(StandardCharsets.UTF_16);
    try (XmlReader xml = XmlReader.of(utf16, "text/xml; charset=ISO-8859-1")) {
      assertTrue(xml.nextChild());
      assertEquals("\u20ac", xml.text());
    }
  }
}
