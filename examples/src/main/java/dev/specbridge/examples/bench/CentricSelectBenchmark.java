package dev.specbridge.examples.bench;

import dev.specbridge.examples.centric.Account;
import dev.specbridge.examples.centric.CentricCrmClient;
import dev.specbridge.runtime.packet.PacketAnswer;
import dev.specbridge.runtime.packet.PacketClient;
import dev.specbridge.runtime.packet.PacketRecord;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Reading a Centric select answer of 10,000 accounts, as the real server sends it (ISO-8859-1 bytes under a UTF-8
 * declaration, seven meta properties per record: id, name, url, owner, entered, modified, enabled), into the
 * generated {@code Account} records:
 *
 * <ul>
 *   <li>{@code streaming}: the runtime's {@code PacketClient.read} with the generated client's readers, each record
 *       read by the generated {@code Account.readXml} as it streams in;
 *   <li>{@code dom}: the JDK's DOM parser (DOCTYPE refused, as the streaming reader does) and a hand mapping of each
 *       {@code <record>} element into the same records: what an integrator writes without this project;
 *   <li>{@code recordsOnly}: the records built from texts already in hand, each text copied once: what any reader
 *       must allocate at least, the baseline of bytes per record.
 * </ul>
 *
 * <p>Jackson's XML data binding is left out: it is not a dependency of this project, and binding {@code <record>}
 * lists needs wrapper classes a DOM or stream reader does not. {@link #setup()} checks every path reads the same
 * records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CentricSelectBenchmark {
  static final int RECORDS = 10_000;
  private static final String LATIN1 = "text/xml;charset=ISO-8859-1";

  final byte[] answer = answer();
  final List<byte[][]> texts = texts().stream().map(CentricSelectBenchmark::bytes).toList();
  private final DocumentBuilderFactory dom = domFactory();

  private static byte[] answer() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><aspcfs>"
        + "<response id=\"1\"><status>0</status><errorText/><recordSet count=\"" + RECORDS
        + "\" name=\"accountList\" total=\"" + RECORDS + "\">");
    for (String[] record : texts()) {
      xml.append("<record action=\"select\"><id>").append(record[0]).append("</id><name>").append(record[1])
          .append("</name><url>").append(record[2]).append("</url><owner>").append(record[3])
          .append("</owner><entered>").append(record[4]).append("</entered><modified>").append(record[5])
          .append("</modified><enabled>").append(record[6]).append("</enabled></record>");
    }
    return xml.append("</recordSet></response></aspcfs>").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static List<String[]> texts() {
    List<String[]> texts = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      texts.add(new String[] {String.valueOf(i + 1), "Caf\u00e9 Dark Horse Ventures " + i, "www.example" + i + ".com",
          String.valueOf(i % 7 + 1), "2026-11-27 07:15:08.063", "2026-11-27 07:15:" + String.format("%02d", i % 60)
          + ".5", i % 3 == 0 ? "false" : "true"});
    }
    return texts;
  }

  private static byte[][] bytes(String[] texts) {
    byte[][] bytes = new byte[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      bytes[i] = texts[i].getBytes(StandardCharsets.ISO_8859_1);
    }
    return bytes;
  }

  /** A field's text made from its bytes: one String, as a reader makes it. */
  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static DocumentBuilderFactory domFactory() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return factory;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fails the run unless every path reads the same records. */
  @Setup
  public void setup() throws Exception {
    List<Account> expected = recordsOnly();
    if (!streaming().equals(expected) || !dom().equals(expected) || expected.size() != RECORDS) {
      throw new IllegalStateException("the paths read different records");
    }
  }

  @Benchmark
  public List<Account> streaming() {
    PacketAnswer read = PacketClient.read(answer, LATIN1, 1, CentricCrmClient::reader);
    List<PacketRecord> records = read.transaction(0).recordSet().records();
    List<Account> accounts = new ArrayList<>(records.size());
    for (PacketRecord record : records) {
      accounts.add(record.value(Account.class));
    }
    return accounts;
  }

  @Benchmark
  public List<Account> dom() throws Exception {
    DocumentBuilder builder = dom.newDocumentBuilder();
    // the HTTP charset, as the streaming reader takes it: the declaration's UTF-8 would refuse the bytes
    Document document = builder.parse(new InputSource(new InputStreamReader(new ByteArrayInputStream(answer),
        StandardCharsets.ISO_8859_1)));
    NodeList records = document.getElementsByTagName("record");
    List<Account> accounts = new ArrayList<>(records.getLength());
    for (int i = 0; i < records.getLength(); i++) {
      Account.Builder account = Account.builder();
      for (Node child = records.item(i).getFirstChild(); child != null; child = child.getNextSibling()) {
        if (!(child instanceof Element field)) {
          continue;
        }
        String text = field.getTextContent();
        switch (field.getTagName()) {
          case "id" -> account.id(Integer.valueOf(text));
          case "name" -> account.name(text);
          case "url" -> account.url(text);
          case "owner" -> account.owner(Integer.valueOf(text));
          case "entered" -> account.entered(text);
          case "modified" -> account.modified(text);
          case "enabled" -> account.enabled(Boolean.valueOf(text));
          default -> { }
        }
      }
      accounts.add(account.build());
    }
    return accounts;
  }

  @Benchmark
  public List<Account> recordsOnly() {
    List<Account> accounts = new ArrayList<>(texts.size());
    for (byte[][] text : texts) {
      accounts.add(Account.builder().id(Integer.valueOf(text(text[0]))).name(text(text[1])).url(text(text[2]))
          .owner(Integer.valueOf(text(text[3]))).entered(text(text[4])).modified(text(text[5]))
          .enabled(Boolean.valueOf(text(text[6]))).build());
    }
    return accounts;
  }
}
