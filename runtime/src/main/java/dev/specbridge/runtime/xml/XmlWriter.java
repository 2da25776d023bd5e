package dev.specbridge.runtime.xml;

import dev.specbridge.runtime.wire.WireFormatException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Writes an XML document element by element: {@code start("app")}, {@code attribute("id", "1")},
 * {@code element("name", "Café")}, {@code end()}, then {@link #toBytes()}, in UTF-8 unless another charset is
 * given (a character the charset cannot carry is written as a character reference, {@code &#8364;}, so nothing
 * is lost). Text and attribute values are escaped; a character XML 1.0 cannot carry at all (a control character
 * other than tab, line feed and carriage return, a lone surrogate) is a {@link WireFormatException}, never
 * written into a document the server would refuse.
 */
public final class XmlWriter {
  private final StringBuilder xml = new StringBuilder(256);
  private final Deque<String> open = new ArrayDeque<>();
  private final Charset charset;
  private final CharsetEncoder encoder;
  private boolean inStartTag;

  private XmlWriter(Charset charset) {
    this.charset = charset;
    this.encoder = charset.equals(StandardCharsets.UTF_8) ? null : charset.newEncoder();
    xml.append("<?xml version=\"1.0\" encoding=\"").append(charset.name()).append("\"?>");
  }

  /** A document in UTF-8. */
  public static XmlWriter utf8() {
    return new XmlWriter(StandardCharsets.UTF_8);
  }

  /** A document in {@code charset}; characters it cannot carry become character references. */
  public static XmlWriter in(Charset charset) {
    return new XmlWriter(Objects.requireNonNull(charset, "charset"));
  }

  /** Opens an element. */
  public XmlWriter start(String name) {
    closeStartTag();
    xml.append('<').append(checkedName(name));
    open.push(name);
    inStartTag = true;
    return this;
  }

  /** Adds an attribute to the element just opened; a {@code null} value writes none. */
  public XmlWriter attribute(String name, String value) {
    if (!inStartTag) {
      throw new IllegalStateException("attribute '" + name + "' comes after the start of <" + open.peek() + ">");
    }
    if (value != null) {
      xml.append(' ').append(checkedName(name)).append("=\"");
      escape(value, true, xml);
      xml.append('"');
    }
    return this;
  }

  /** Writes text inside the current element. */
  public XmlWriter text(String text) {
    closeStartTag();
    escape(text, false, xml);
    return this;
  }

  /** {@code <name>text</name>}; a {@code null} text writes nothing, an empty one {@code <name/>}. */
  public XmlWriter element(String name, String text) {
    if (text != null) {
      start(name);
      if (!text.isEmpty()) {
        text(text);
      }
      end();
    }
    return this;
  }

  /** Writes XML text kept as it came (an unknown element), as it is. */
  public XmlWriter raw(String xmlText) {
    closeStartTag();
    xml.append(xmlText);
    return this;
  }

  /** Closes the innermost open element. */
  public XmlWriter end() {
    String name = open.pop();
    if (inStartTag) {
      xml.append("/>");
      inStartTag = false;
    } else {
      xml.append("</").append(name).append('>');
    }
    return this;
  }

  /** The document's bytes in its charset, every element closed. */
  public byte[] toBytes() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("<" + open.peek() + "> is not closed");
    }
    if (encoder == null) {
      return xml.toString().getBytes(StandardCharsets.UTF_8);
    }
    StringBuilder encodable = new StringBuilder(xml.length());
    for (int i = 0; i < xml.length(); ) {
      int codePoint = xml.codePointAt(i);
      String character = new String(Character.toChars(codePoint));
      if (encoder.canEncode(character)) {
        encodable.append(character);
      } else {
        encodable.append("&#").append(codePoint).append(';');
      }
      i += Character.charCount(codePoint);
    }
    return encodable.toString().getBytes(charset);
  }

  /** The charset of {@link #toBytes()}, for the HTTP request's {@code Content-Type}. */
  public Charset charset() {
    return charset;
  }

  private void closeStartTag() {
    if (inStartTag) {
      xml.append('>');
      inStartTag = false;
    }
  }

  private static String checkedName(String name) {
    if (!isName(name)) {
      throw new WireFormatException("'" + name + "' is not an XML name");
    }
    return name;
  }

  /** Whether {@link #start(String)} takes {@code name}: an XML name in ASCII. */
  public static boolean isName(String name) {
    if (name.isEmpty() || !isNameStart(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isNameStart(c) && !(c >= '0' && c <= '9') && c != '-' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
  }

  /**
   * Appends {@code text} escaped for element content, or for an attribute value in double quotes (where line
   * breaks and tabs are written as references, so that a reader's normalization keeps them).
   *
   * @throws WireFormatException for a character XML 1.0 cannot carry
   */
  static void escape(String text, boolean attribute, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\t', '\n' -> out.append(attribute ? "&#" + (int) c + ";" : String.valueOf(c));
        case '\r' -> out.append("&#13;"); // a bare CR would be read back as LF
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            throw new WireFormatException("character U+" + String.format("%04X", (int) c) + " at index " + i
                + " cannot be written in XML 1.0");
          }
          if (Character.isSurrogate(c)) {
            if (!Character.isHighSurrogate(c) || i + 1 >= text.length()
                || !Character.isLowSurrogate(text.charAt(i + 1))) {
              throw new WireFormatException("a lone surrogate at index " + i + " cannot be written in XML");
            }
            out.append(c).append(text.charAt(++i));
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  @Override
  public String toString() {
    return "XmlWriter[" + xml.length() + " characters, " + charset.name() + "]"; // the body may hold a code
  }
}
