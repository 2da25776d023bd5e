package dev.specbridge.runtime.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.wire.WireFormatException;
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

  @Test
  void aByteNotTextInTheDeclaredEncodingIsAnErrorNeverU_FFFD() {
    // without an HTTP charset the declaration decides; the parser decodes charsets beyond UTF-8, ASCII, Latin-1 and
    // UTF-16 with a replacing reader: 0x81 (no character in windows-1252) came out as U+FFFD, silently
    for (String encoding : new String[] {"windows-1252", "ISO-8859-7", "EUC-JP"}) {
      String text = "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?><a>xQy</a>";
      byte[] body = text.getBytes(StandardCharsets.ISO_8859_1);
      body[text.indexOf('Q')] = (byte) (encoding.equals("ISO-8859-7") ? 0xAE : encoding.equals("EUC-JP") ? 0xFF
          : 0x81);
      WireFormatException e = assertThrows(WireFormatException.class, () -> {
        try (XmlReader xml = XmlReader.of(body, "text/xml")) {
          xml.text();
        }
      }, encoding);
      assertTrue(e.getMessage().startsWith("the "), e.getMessage());
    }
    // and a good byte in it reads as its character
    byte[] euro = "<?xml version=\"1.0\" encoding=\"windows-1252\"?><a>\u20ac</a>"
        .getBytes(java.nio.charset.Charset.forName("windows-1252"));
    try (XmlReader xml = XmlReader.of(euro, null)) {
      assertEquals("\u20ac", xml.text());
    }
  }

  @Test
  void whatFollowsTheRootIsCheckedNotIgnored() {
    // a second document, or an error page appended after the answer, made it malformed, and it read as whole
    for (String body : new String[] {"<a><b>x</b></a><a><b>y</b></a>", "<a/>trailing text", "<a/><"}) {
      assertThrows(WireFormatException.class, () -> {
        try (XmlReader xml = XmlReader.of(body.getBytes(StandardCharsets.UTF_8), null)) {
          while (xml.nextChild()) {
            xml.skip();
          }
        }
      }, body);
    }
    try (XmlReader xml = XmlReader.of("<a><b/></a>\n<!-- a comment -->\n".getBytes(StandardCharsets.UTF_8), null)) {
      assertTrue(xml.nextChild());
      xml.skip();
      assertTrue(!xml.nextChild(), "spaces and comments may follow the root");
    }
  }

  @Test
  void anUnknownElementIsKeptWithItsPrefixesAndNamespacesAndWritesBackWellFormed() {
    // raw() wrote local names only and dropped xmlns: <b id="1" id="2"><c></c></b>, which no parser reads back
    String element = "<b xmlns:p=\"urn:x\" p:id=\"1\" id=\"2\"><p:c>t</p:c><d xmlns=\"urn:y\"></d></b>";
    String kept;
    try (XmlReader xml = XmlReader.of(("<a>" + element + "</a>").getBytes(StandardCharsets.UTF_8), null)) {
      assertTrue(xml.nextChild());
      kept = xml.raw();
    }
    assertEquals(element, kept);
    byte[] written = XmlWriter.utf8().start("a").raw(kept).end().toBytes();
    try (XmlReader xml = XmlReader.of(written, null)) {
      assertTrue(xml.nextChild());
      assertEquals(element, xml.raw(), "read back the same");
    }
  }
}
