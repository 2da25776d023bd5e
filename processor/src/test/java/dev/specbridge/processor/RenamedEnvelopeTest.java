package dev.specbridge.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbridge.processor.renamed.BillingClient;
import dev.specbridge.processor.renamed.BillingHandler;
import dev.specbridge.processor.renamed.ChargeRequest;
import dev.specbridge.processor.renamed.ChargeResponse;
import dev.specbridge.runtime.error.CommandFailedException;
import dev.specbridge.runtime.form.CommandRefusedException;
import dev.specbridge.runtime.form.FormAuth;
import dev.specbridge.runtime.form.FormAuthenticator;
import dev.specbridge.runtime.form.FormEndpoint;
import dev.specbridge.runtime.form.FormServiceClient;
import dev.specbridge.runtime.http.CallEvent;
import dev.specbridge.runtime.http.EmbeddedHttpServer;
import dev.specbridge.runtime.http.HttpEndpoint;
import dev.specbridge.runtime.http.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A second form-http API whose envelope has names of its own ({@code op}, {@code user}, {@code pass}, {@code rc},
 * {@code why}, success {@code OK}) works both ways from its spec alone: the generated client and handler speak it.
 */
class RenamedEnvelopeTest {
  private static final BillingHandler HANDLER = new BillingHandler() {
    @Override
    public ChargeResponse charge(ChargeRequest request, dev.specbridge.runtime.form.CallContext context) {
      if (request.amount() < 0) {
        throw new CommandRefusedException(7, "negative amount", "pass=" + request.cardPin());
      }
      return ChargeResponse.builder().receipt("r-" + request.amount() + "-" + context.principal()).build();
    }
  };

  @Test
  void theGeneratedClientAndHandlerSpeakTheSpecsEnvelope() throws Exception {
    List<HttpEndpoint.Request> seen = new CopyOnWriteArrayList<>();
    FormEndpoint endpoint = new FormEndpoint(BillingHandler.dispatcher(HANDLER),
        FormAuthenticator.login("ann", "s3cret"));
    List<CallEvent> events = new CopyOnWriteArrayList<>();
    try (EmbeddedHttpServer server = EmbeddedHttpServer.start(BillingClient.PATH, request -> {
      seen.add(request);
      return endpoint.handle(request);
    })) {
      FormServiceClient form = BillingClient.forSite(server.url("")).allowPlainHttp()
          .auth(FormAuth.login("ann", "s3cret"))
          .transport(HttpTransport.builder().listener(events::add).build()).build();
      BillingClient client = new BillingClient(form);

      assertEquals("r-5-ann", client.charge(ChargeRequest.builder().amount(5).cardPin("1234").build()).receipt());
      String body = new String(seen.get(0).body(), StandardCharsets.UTF_8);
      assertTrue(body.startsWith("user=ann&pass=s3cret&op=charge&amount=5"), body);

      CommandFailedException refused = assertThrows(CommandFailedException.class,
          () -> client.charge(ChargeRequest.builder().amount(-1).cardPin("1234").build()));
      assertEquals(7, refused.status());
      assertEquals(List.of("negative amount", "pass=1234"), refused.messages(), "read from why[0] and why[1]");
      assertFalse(refused.getMessage().contains("1234"), "an echoed password is hidden: " + refused.getMessage());

      CallEvent failed = events.get(1);
      assertEquals(CallEvent.Outcome.REFUSED, failed.outcome());
      assertEquals("user=ann&pass=\u2588\u2588&op=charge&amount=-1&card_pin=\u2588\u2588", failed.request(),
          "the envelope's password and the spec's secret field are hidden");
      assertFalse(failed.answer().contains("1234"), failed.answer());
    }
  }

  @Test
  void theEnvelopeIsTheSpecsWhereverTheClientIsBuilt() {
    assertEquals("op", BillingClient.ENVELOPE.command());
    assertEquals("OK", BillingClient.ENVELOPE.success());
    assertEquals(BillingClient.ENVELOPE, BillingClient.forService("https://example.com/api").build().envelope());
  }
}
