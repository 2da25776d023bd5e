package dev.specbridge.runtime.packet;

import dev.specbridge.runtime.form.FormSink;
import dev.specbridge.runtime.xml.XmlWriter;

/**
 * A {@link FormSink} that writes each field as a child element ({@code <name>Dark Horse</name>}): an object's
 * fields in a packet are name-value pairs in elements, so a generated record's {@code writeForm} writes them.
 * An absent value writes no element; an empty one an empty element.
 */
final class XmlFields implements FormSink {
  private final XmlWriter xml;

  XmlFields(XmlWriter xml) {
    this.xml = xml;
  }

  @Override
  public void add(String name, String value) {
    xml.element(name, value);
  }
}
