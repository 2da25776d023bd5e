package dev.specbridge.runtime.xml;

import dev.specbridge.runtime.wire.WireFormatException;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads XML as a stream of elements, on the JDK's StAX, safely and in bounded memory: a cursor that generated
 * readers walk element by element ({@link #nextChild()}, {@link #text()}, {@link #skip()}), so that a select of
 * 10,000 records is read one record at a time, never as a tree.
 *
 * <p>Safe against a hostile peer: a document with a {@code <!DOCTYPE>} is refused before anything in it is
 * used, so no external entity is fetched (XXE), no file read, and no entity expanded (billion laughs); nesting
 * deeper than {@link #MAX_DEPTH} is refused; every failure is a {@link WireFormatException} that says where
 * ({@code line 3, column 14}), never a {@code StackOverflowError} or a hang.
 *
 * <p>The charset: the byte-order mark when the body starts with one (RFC 7303: it is authoritative), else the HTTP
 * answer's {@code charset} when it declares one (it overrides the XML declaration; Centric says
 * {@code encoding="UTF-8"} in its declaration and sends ISO-8859-1, as its {@code Content-Type} says), else the XML
 * declaration, UTF-8 by default. Bytes that are not text in that charset are an error, never replaced by U+FFFD
 * (a declared charset the parser would decode with a replacing reader, {@code windows-1252}, is decoded here).
 */
public final class XmlReader implements AutoCloseable {
  /** The deepest nesting read: deeper is refused (Centric's packets are five levels deep). */
  public static final int MAX_DEPTH = 64;

  private static final XMLInputFactory FACTORY = safeFactory();

  /** The {@code encoding} of an XML declaration in ASCII: its name. */
  private static final Pattern ENCODING = Pattern.compile(
      "\\A<\\?xml\\s[^>]*?\\bencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._:-]*)[\"']");

  private final XMLStreamReader stax;
  private final Deque<String> open = new ArrayDeque<>();

  private XmlReader(XMLStreamReader stax) {
    this.stax = stax;
  }

  private static XMLInputFactory safeFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory(); // the JDK's own, whatever the class path has
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true); // one text event per text, CDATA included
    // names as written (p:id), xmlns as attributes: raw() keeps an element whole, and no protocol here has namespaces
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory;
  }

  /**
   * A reader of {@code body}, decoded as its byte-order mark says when it has one, else in the {@code charset} of
   * {@code contentType} when it declares one, else as the XML declaration says; positioned on the root element.
   *
   * @throws WireFormatException when the body is not XML, holds a DOCTYPE, or has no root element
   */
  public static XmlReader of(byte[] body, String contentType) {
    // RFC 7303 3.2: a byte-order mark is authoritative, over the charset parameter too; the parser reads it
    Charset declared = hasByteOrderMark(body) ? null : charsetOf(contentType);
    if (declared == null && !hasByteOrderMark(body)) {
      declared = replacedByTheParser(body); // decoded here, strictly, or the parser would put U+FFFD in
    }
    try {
      XMLStreamReader stax;
      if (declared != null) {
        Reader text = new InputStreamReader(new ByteArrayInputStream(body), declared.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        stax = FACTORY.createXMLStreamReader(text);
      } else {
        stax = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
      }
      XmlReader reader = new XmlReader(stax);
      reader.root();
      return reader;
    } catch (XMLStreamException e) {
      throw error("the body is not XML", e);
    } catch (RuntimeException e) { // a charset error surfaces unchecked from the parser's reader
      throw e instanceof WireFormatException wire ? wire : error("the body is not XML", e);
    }
  }

  /**
   * The charset the XML declaration names when the parser would decode it with a replacing reader (every charset
   * but UTF-8, US-ASCII, ISO-8859-1 and UTF-16, which it decodes itself, strictly), else {@code null}: the parser
   * then decodes as usual, and refuses a name it does not know.
   */
  private static Charset replacedByTheParser(byte[] body) {
    Matcher declaration = ENCODING.matcher(
        new String(body, 0, Math.min(body.length, 256), StandardCharsets.ISO_8859_1));
    if (!declaration.find()) {
      return null;
    }
    Charset charset;
    try {
      charset = Charset.forName(declaration.group(1));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
    return charset.name().equals("UTF-8") || charset.name().equals("US-ASCII")
        || charset.name().equals("ISO-8859-1") || charset.name().startsWith("UTF-16") ? null : charset;
  }

  /** Whether {@code body} starts with a UTF-8 or UTF-16 byte-order mark. */
  private static boolean hasByteOrderMark(byte[] body) {
    return body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF
        || body.length >= 2 && ((body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF
            || (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE);
  }

  /** The charset a {@code Content-Type} declares, or {@code null} (none, or one this JVM does not know). */
  static Charset charsetOf(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String parameter : contentType.split(";")) {
      String[] pair = parameter.split("=", 2);
      if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
        try {
          return Charset.forName(pair[1].strip().replace("\"", ""));
        } catch (IllegalArgumentException unknown) {
          return null;
        }
      }
    }
    return null;
  }

  private void root() throws XMLStreamException {
    while (stax.hasNext()) {
      int event = stax.next();
      if (event == XMLStreamConstants.DTD) {
        throw new WireFormatException("a DOCTYPE is not allowed" + at(stax.getLocation())
            + ": no entity of it is read or expanded");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        open.push(stax.getLocalName());
        return;
      }
    }
    throw new WireFormatException("the body has no root element");
  }

  /** The name of the element the cursor is on. */
  public String name() {
    return open.isEmpty() ? null : open.peek();
  }

  /** How deep the current element is: 1 for the root. */
  public int depth() {
    return open.size();
  }

  /** The value of an attribute of the current element, or {@code null}. */
  public String attribute(String name) {
    return stax.getAttributeValue(null, name);
  }

  /**
   * Moves to the next child element of the current one and returns {@code true}, or, at the current element's
   * end, leaves it (the cursor is then on its parent) and returns {@code false}. Text between children is
   * skipped.
   */
  public boolean nextChild() {
    try {
      while (stax.hasNext()) {
        int event = stax.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          if (open.size() >= MAX_DEPTH) {
            throw new WireFormatException("elements are nested deeper than " + MAX_DEPTH + at(stax.getLocation()));
          }
          open.push(stax.getLocalName());
          return true;
        }
        if (event == XMLStreamConstants.END_ELEMENT) {
          pop();
          return false;
        }
      }
      throw new WireFormatException("the document ends inside <" + name() + ">");
    } catch (XMLStreamException e) {
      throw error("the XML is not well-formed", e);
    }
  }

  /**
   * Leaves the current element; leaving the root, reads the document to its end, so that anything but spaces,
   * comments and processing instructions after it (a second document, an error page appended) is an error.
   */
  private String pop() throws XMLStreamException {
    String name = open.pop();
    if (open.isEmpty()) {
      while (stax.hasNext()) {
        stax.next();
      }
    }
    return name;
  }

  /**
   * The text of the current element, which has no child elements ({@code <name>Café</name>} gives
   * {@code Café}; an empty element gives {@code ""}); the cursor then leaves it.
   *
   * @throws WireFormatException when the element has child elements
   */
  public String text() {
    String element = name();
    try {
      String first = null; // the common case, one text then the end, makes one String and no builder
      StringBuilder more = null;
      while (stax.hasNext()) {
        int event = stax.next();
        if (isText(event)) {
          if (first == null) {
            first = stax.getText();
          } else {
            more = (more == null ? new StringBuilder(first) : more).append(stax.getText());
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          pop();
          return more != null ? more.toString() : first != null ? first : "";
        } else if (event == XMLStreamConstants.START_ELEMENT) {
          throw new WireFormatException("element <" + element + "> should hold text, found the element <"
              + stax.getLocalName() + ">" + at(stax.getLocation()));
        } // comments and processing instructions are not text
      }
      throw new WireFormatException("the document ends inside <" + element + ">");
    } catch (XMLStreamException e) {
      throw error("the XML is not well-formed", e);
    }
  }

  /**
   * The text of the current element as a field's value: {@code null} for an empty element ({@code <entered/>},
   * which sets nothing on the server); the cursor then leaves it.
   */
  public String value() {
    String text = text();
    return text.isEmpty() ? null : text;
  }

  /**
   * {@code next}, the value of field element {@code name}, unless an earlier element already gave it one: an
   * element written twice is an error, not the last one winning.
   */
  public static String once(String previous, String next, String name) {
    if (previous != null) {
      throw new WireFormatException("element <" + name + "> is written twice");
    }
    return next;
  }

  private static boolean isText(int event) {
    return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
        || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.ENTITY_REFERENCE;
  }

  /** Skips the current element whole, children included, without recursion; the cursor then leaves it. */
  public void skip() {
    int depth = open.size();
    while (open.size() >= depth) {
      if (!nextChild() && open.size() < depth) {
        return;
      }
    }
  }

  /**
   * The current element whole, as XML text ({@code <extra a="1">x<b/></extra>}), for an element no field reads:
   * kept, never dropped. The cursor then leaves it.
   */
  public String raw() {
    StringBuilder xml = new StringBuilder();
    int depth = open.size();
    startTag(xml);
    try {
      while (stax.hasNext()) {
        int event = stax.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            if (open.size() >= MAX_DEPTH) {
              throw new WireFormatException("elements are nested deeper than " + MAX_DEPTH + at(stax.getLocation()));
            }
            open.push(stax.getLocalName());
            startTag(xml);
          }
          case XMLStreamConstants.END_ELEMENT -> {
            xml.append("</").append(pop()).append('>');
            if (open.size() < depth) {
              return xml.toString();
            }
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
              XMLStreamConstants.ENTITY_REFERENCE -> XmlWriter.escape(stax.getText(), false, xml);
          default -> { }
        }
      }
      throw new WireFormatException("the document ends inside <" + name() + ">");
    } catch (XMLStreamException e) {
      throw error("the XML is not well-formed", e);
    }
  }

  private void startTag(StringBuilder xml) {
    xml.append('<').append(stax.getLocalName());
    for (int i = 0; i < stax.getAttributeCount(); i++) {
      String prefix = stax.getAttributePrefix(i); // p:id, xmlns:p: the parser splits even an attribute's raw name
      xml.append(' ').append(prefix == null || prefix.isEmpty() ? "" : prefix + ":")
          .append(stax.getAttributeLocalName(i)).append("=\"");
      XmlWriter.escape(stax.getAttributeValue(i), true, xml);
      xml.append('"');
    }
    xml.append('>');
  }

  /** Where the parser is, for a message: {@code " at line 3, column 14"}. */
  private static String at(Location location) {
    return location == null || location.getLineNumber() < 0 ? ""
        : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
  }

  /**
   * A parser failure as a {@link WireFormatException} that says where, in the parser's words without what they
   * quote of the input beyond the position (a secret could be there).
   */
  private static WireFormatException error(String what, Exception e) {
    Location location = e instanceof XMLStreamException stream ? stream.getLocation() : null;
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int message = reason.indexOf("Message: ");
    reason = message >= 0 ? reason.substring(message + "Message: ".length()) : reason;
    return new SyntaxException(what + at(location) + ": " + reason.strip(), reason.strip(), e);
  }

  /** XML that is not well-formed, with the parser's own reason ({@code Content is not allowed in prolog.}). */
  public static final class SyntaxException extends WireFormatException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    SyntaxException(String message, String reason, Throwable cause) {
      super(message, cause);
      this.reason = reason;
    }

    /** The parser's words, without where: what a server that echoes parse errors says. */
    public String reason() {
      return reason;
    }
  }

  @Override
  public void close() {
    try {
      stax.close();
    } catch (XMLStreamException e) {
      // nothing held beyond the bytes in memory
    }
  }
}
