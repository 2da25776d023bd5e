package dev.specbridge.runtime.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.runtime.error.MalformedResponseException;
import dev.specbridge.runtime.http.HttpEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Review findings on the packet client and endpoint. */
class PacketReviewTest {
  private static final String LATIN1 = "text/xml;charset=ISO-8859-1";

  private static byte[] answer(String responses) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><aspcfs>" + responses + "</aspcfs>")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void anAnswerWithSomethingAfterItsRootIsMalformedNotReadAsWhole() {
    byte[] body = ("<?xml version=\"1.0\"?><aspcfs><response id=\"1\"><status>0</status><errorText/></response>"
        + "</aspcfs><html><body>Proxy error</body></html>").getBytes(StandardCharsets.ISO_8859_1);
    MalformedResponseException e = assertThrows(MalformedResponseException.class,
        () -> PacketClient.read(body, LATIN1, 1));
    assertEquals(new String(body, StandardCharsets.ISO_8859_1), e.rawBody());
  }

  static final String AUTH = "<authentication><id>h</id><username>admin</username><code>c</code>"
      + "<systemId>4</systemId></authentication>";

  static HttpEndpoint.Answer post(PacketEndpoint endpoint, String body) {
    return endpoint.handle(new HttpEndpoint.Request("POST", Map.of("Content-Type",
        List.of("text/xml; charset=\"utf-8\"")), body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aPacketWithSomethingAfterItsRootIsAnsweredAsTheServersParserDoes() {
    PacketEndpoint endpoint = PacketEndpoint.of(PacketDispatcher.builder().build(), login -> "admin");
    String answer = post(endpoint, "<app>" + AUTH + "<transaction id=\"1\"><accountList action=\"select\"/>"
        + "</transaction></app><junk/>").bodyText();
    assertTrue(answer.contains("<errorText>Error: The markup in the document following the root element must be"
        + " well-formed.</errorText>"), answer);
  }

  @Test
  void aResponsesStatusErrorTextOrRecordSetWrittenTwiceIsMalformedNotTheLastOneWinning() {
    // <status>1</status><status>0</status> read as a success, and a second record set dropped the first's records
    for (String twice : new String[] {"<status>1</status><status>0</status><errorText/>",
        "<status>0</status><errorText>a</errorText><errorText/>",
        "<status>0</status><errorText/><recordSet name=\"account\" count=\"1\"><record action=\"processed\">"
            + "<id>3</id></record></recordSet><recordSet name=\"x\" count=\"0\"/>"}) {
      MalformedResponseException e = assertThrows(MalformedResponseException.class,
          () -> PacketClient.read(answer("<response id=\"1\">" + twice + "</response>"), LATIN1, 1), twice);
      assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }
  }
}
