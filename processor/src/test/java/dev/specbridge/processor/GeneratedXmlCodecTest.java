package dev.specbridge.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.processor.crm.Account;
import dev.specbridge.runtime.wire.WireFormat;
import dev.specbridge.runtime.wire.WireFormatException;
import dev.specbridge.runtime.xml.XmlReader;
import dev.specbridge.runtime.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The generated XML codec of an xml-http object: streamed from a record, written as an item's elements. */
class GeneratedXmlCodecTest {
  private static Account read(String record) {
    try (XmlReader xml = XmlReader.of(record.getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8")) {
      return Account.readXml(xml);
    }
  }

  @Test
  void aRecordIsReadFieldByFieldWithEmptyAsAbsentAndUnknownElementsKept() {
    Account account = read("<record action=\"select\"><id>3</id><name>Caf\u00e9 &amp; Co</name><enabled/>"
        + "<modified>2026-11-27 07:15:08.063</modified></record>");
    assertEquals(3, account.id());
    assertEquals("Caf\u00e9 & Co", account.name());
    assertNull(account.enabled(), "<enabled/> sets nothing");
    assertEquals("<modified>2026-11-27 07:15:08.063</modified>", account.unknownFields().get("modified"));
    assertEquals(WireFormat.XML, account.unknownFields().entries().get(0).format());
  }

  @Test
  void aFieldWrittenTwiceOrOfTheWrongTypeOrARequiredOneMissingIsATypedError() {
    assertThrows(WireFormatException.class, () -> read("<record><name>a</name><name>b</name></record>"));
    WireFormatException notInt = assertThrows(WireFormatException.class,
        () -> read("<record><id>x</id><name>a</name></record>"));
    assertTrue(notInt.getMessage().contains("'id'"), notInt.getMessage());
    assertThrows(RuntimeException.class, () -> read("<record><id>1</id></record>"), "name is required");
  }

  @Test
  void anItemsFieldsAreWrittenAsElementsAndReadBackTheSame() {
    Account account = read("<record><id>7</id><name>Dark &lt;Horse&gt;</name><enabled>true</enabled>"
        + "<extra kind=\"x\">kept</extra></record>");
    XmlWriter out = XmlWriter.utf8().start("account");
    Account.writeXml(out, account);
    String xml = new String(out.end().toBytes(), StandardCharsets.UTF_8);
    assertTrue(xml.endsWith("<account><id>7</id><name>Dark &lt;Horse&gt;</name><enabled>true</enabled>"
        + "<extra kind=\"x\">kept</extra></account>"), "an unknown element goes back whole: " + xml);
    try (XmlReader back = XmlReader.of(xml.getBytes(StandardCharsets.UTF_8), null)) {
      Account again = Account.readXml(back);
      assertEquals(account.id(), again.id());
      assertEquals(account.name(), again.name());
      assertEquals(account, again);
    }
  }
}
