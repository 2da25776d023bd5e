package dev.specbridge.runtime.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.wire.WireFormatException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XML wire format: Centric's answers as the real server sends them, and every hostile document refused. */
class XmlReaderWriterTest {
  private static final String LATIN1 = "text/xml;charset=ISO-8859-1";

  /** The real server's select answer (centric-real/04), with Café written as the byte E9 as it sends it. */
  private static final byte[] SELECT = ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><aspcfs>"
      + "<response id=\"1\"><status>0</status><errorText/><recordSet count=\"1\" name=\"accountList\">"
      + "<record action=\"select\"><id>3</id><name>Caf\u00e9 &amp; Co</name><extra kind=\"x\">a<b/></extra>"
      + "</record></recordSet></response></aspcfs>").getBytes(StandardCharsets.ISO_8859_1);

  @Test
  void anAnswerIsDecodedByItsHttpCharsetWhenTheDeclarationDisagreesAsTheRealServerSends() {
    try (XmlReader xml = XmlReader.of(SELECT, LATIN1)) {
      assertEquals("aspcfs", xml.name());
      assertTrue(xml.nextChild());
      assertEquals("response", xml.name());
      assertEquals("1", xml.attribute("id"));
      assertTrue(xml.nextChild());
      assertEquals("0", xml.text());
      assertTrue(xml.nextChild());
      assertEquals("", xml.text(), "<errorText/>");
      assertTrue(xml.nextChild());
      assertEquals("accountList", xml.attribute("name"));
      assertTrue(xml.nextChild());
      assertEquals("select", xml.attribute("action"));
      List<String> fields = new ArrayList<>();
      while (xml.nextChild()) {
        fields.add(xml.name() + "=" + (xml.name().equals("extra") ? xml.raw() : xml.text()));
      }
      assertEquals(List.of("id=3", "name=Caf\u00e9 & Co", "extra=<extra kind=\"x\">a<b></b></extra>"), fields);
      assertFalse(xml.nextChild(), "the record set ends");
      assertEquals("response", xml.name());
    }
  }

  @Test
  void theSameBytesTrustingTheDeclarationAreATypedErrorNeverReplaced() {
    WireFormatException e = assertThrows(WireFormatException.class, () -> {
      try (XmlReader xml = XmlReader.of(SELECT, "text/xml")) {
        xml.skip();
      }
    });
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void aUtf16BodyIsReadByItsByteOrderMark() {
    byte[] body = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><app><name>\u20ac \u00e9</name></app>"
        .getBytes(StandardCharsets.UTF_16);
    try (XmlReader xml = XmlReader.of(body, "text/xml")) {
      assertTrue(xml.nextChild());
      assertEquals("\u20ac \u00e9", xml.text());
    }
  }

  @Test
  void anExternalEntityIsNeverReadNorFetched(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cret");
    try (ServerSocket listener = new ServerSocket(0)) {
      for (String doctype : List.of("<!DOCTYPE a [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>",
          "<!DOCTYPE a SYSTEM \"http://127.0.0.1:" + listener.getLocalPort() + "/a.dtd\">",
          "<!DOCTYPE a [<!ENTITY % p SYSTEM \"http://127.0.0.1:" + listener.getLocalPort() + "/p\"> %p;]>")) {
        byte[] body = ("<?xml version=\"1.0\"?>" + doctype + "<a>&x;</a>").getBytes(StandardCharsets.UTF_8);
        WireFormatException e = assertThrows(WireFormatException.class, () -> XmlReader.of(body, "text/xml"));
        assertTrue(e.getMessage().contains("DOCTYPE is not allowed"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
      }
      listener.setSoTimeout(200);
      assertThrows(SocketTimeoutException.class, listener::accept, "nothing connected to fetch a DTD");
    }
  }

  @Test
  void billionLaughsIsRefusedBeforeAnyExpansion() {
    StringBuilder doctype = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i < 10; i++) {
      doctype.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
          .repeat(10)).append("\">");
    }
    byte[] body = (doctype + "]><lolz>&lol9;</lolz>").getBytes(StandardCharsets.UTF_8);
    WireFormatException e = assertThrows(WireFormatException.class, () -> XmlReader.of(body, null));
    assertTrue(e.getMessage().startsWith("a DOCTYPE is not allowed"), e.getMessage());
  }

  @Test
  void malformedXmlAWrongRootOrNoXmlAtAllAreTypedErrorsThatSayWhere() {
    WireFormatException broken = assertThrows(WireFormatException.class, () -> {
      try (XmlReader xml = XmlReader.of("<aspcfs>\n<response><status>0</stat></response>".getBytes(
          StandardCharsets.UTF_8), null)) {
        xml.skip();
      }
    });
    assertTrue(broken.getMessage().startsWith("the XML is not well-formed at line 2"), broken.getMessage());
    assertThrows(WireFormatException.class, () -> XmlReader.of("status=0".getBytes(StandardCharsets.UTF_8), null));
    assertThrows(WireFormatException.class, () -> XmlReader.of(new byte[0], null));
  }

  @Test
  void nestingOfAnyDepthIsATypedErrorNeverAStackOverflow() {
    byte[] deep = ("<a>".repeat(100_000) + "</a>".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
    try (XmlReader xml = XmlReader.of(deep, null)) {
      WireFormatException e = assertThrows(WireFormatException.class, xml::skip);
      assertTrue(e.getMessage().contains("nested deeper than 64"), e.getMessage());
    }
    try (XmlReader xml = XmlReader.of(deep, null)) {
      assertThrows(WireFormatException.class, xml::raw);
    }
  }

  @Test
  void textWithChildElementsIsAnErrorNamingBoth() {
    try (XmlReader xml = XmlReader.of("<a><name>x<b/></name></a>".getBytes(StandardCharsets.UTF_8), null)) {
      xml.nextChild();
      WireFormatException e = assertThrows(WireFormatException.class, xml::text);
      assertTrue(e.getMessage().startsWith("element <name> should hold text, found the element <b>"),
          e.getMessage());
    }
  }

  @Test
  void aDocumentIsWrittenEscapedAndReadsBackTheSameInUtf8OrLatin1() {
    for (XmlWriter writer : List.of(XmlWriter.utf8(), XmlWriter.in(StandardCharsets.ISO_8859_1))) {
      writer.start("app").start("transaction").attribute("id", "a\"1\n").attribute("skipped", null)
          .element("name", "Caf\u00e9 <&> \u20ac \uD83D\uDE97\r\n").element("empty", "").element("absent", null)
          .end().end();
      byte[] bytes = writer.toBytes();
      try (XmlReader xml = XmlReader.of(bytes, "text/xml; charset=" + writer.charset().name())) {
        assertTrue(xml.nextChild());
        assertEquals("a\"1\n", xml.attribute("id"));
        assertTrue(xml.nextChild());
        assertEquals("Caf\u00e9 <&> \u20ac \uD83D\uDE97\r\n", xml.text());
        assertTrue(xml.nextChild());
        assertEquals("", xml.text());
        assertFalse(xml.nextChild(), "a null writes no element");
      }
    }
    String latin1 = new String(XmlWriter.in(StandardCharsets.ISO_8859_1).element("n", "\u20ac").toBytes(),
        StandardCharsets.ISO_8859_1);
    assertTrue(latin1.endsWith("<n>&#8364;</n>"), "what Latin-1 cannot carry is a reference: " + latin1);
  }

  @Test
  void aCharacterXmlCannotCarryIsRefusedNotWritten() {
    assertThrows(WireFormatException.class, () -> XmlWriter.utf8().element("n", "bell\u0007"));
    assertThrows(WireFormatException.class, () -> XmlWriter.utf8().element("n", "lone \uD83D"));
    assertThrows(WireFormatException.class, () -> XmlWriter.utf8().start("a b"));
    assertThrows(IllegalStateException.class, () -> XmlWriter.utf8().start("open").toBytes());
  }
}
