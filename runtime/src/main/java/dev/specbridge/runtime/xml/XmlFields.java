package dev.specbridge.runtime.xml;

import dev.specbridge.runtime.form.FormSink;
import dev.specbridge.runtime.value.UnknownFields;
import dev.specbridge.runtime.wire.WireFormat;
import java.util.List;

/**
 * A {@link FormSink} that writes each field as a child element ({@code <name>Dark Horse</name>}): an object's
 * fields in a packet are name-value pairs in elements, so a generated record's {@code writeForm} writes them
 * ({@code writeXml} does just that).
 * An absent value writes no element; an empty one an empty element.
 */
public final class XmlFields implements FormSink {
  private final XmlWriter xml;

  /** Fields written as child elements of {@code xml}'s open element. */
  public XmlFields(XmlWriter xml) {
    this.xml = xml;
  }

  @Override
  public void add(String name, String value) {
    xml.element(name, value);
  }

  /** Writes unknown fields in order: one kept as XML as it came (an element whole), the others as pairs do. */
  @Override
  public void addUnknown(UnknownFields unknown) {
    for (UnknownFields.Entry entry : unknown.entries()) {
      if (entry.format() == WireFormat.XML) {
        xml.raw(entry.raw());
      } else {
        FormSink.super.addUnknown(UnknownFields.of(List.of(entry)));
      }
    }
  }
}
