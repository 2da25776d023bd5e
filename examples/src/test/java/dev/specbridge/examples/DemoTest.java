package dev.specbridge.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {
  @Test
  void theDemoPrintsTypedRecordsAndNeverTheSecret() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(output.contains("1. create_lead -> CreateLeadResponse[leadId=1002, unknownFields={}]"), output);
    assertTrue(output.contains("UserLoginTokenResponse[aiToken=██, unknownFields={}]"), output);
    assertTrue(output.contains("\"first_name\":\"Max\""), output);
    assertTrue(output.contains("Done[response=ValidateUserResponse[validation=success, userId=1001"), output);
    assertTrue(output.contains("Failed[error=dev.specbridge.runtime.error.CommandFailedException: command"
        + " leads_merge failed with status 1: Error Occurred; Lead 999999 does not exist]"), output);
    assertTrue(output.contains("-> IssueInvitesResponse[unknownFields={}]"), output);
    assertTrue(output.contains("command ping failed with status 1: Authentication failed"), output);
    assertTrue(output.contains("{\"ai_login_id\":\"apiuser\",\"ai_login_password\":"
        + "\"8f3a4830f39f4ae665d3050123aa59bc\"}"), output);
    assertTrue(output.contains("(generic + new_user) -> {\"status\":\"OK\"}"), output);
    assertTrue(output.contains("messages [Hello World], users [1001]"), output);
    assertTrue(output.contains("while the store is offline -> HTTP 500"), output);
    assertTrue(output.contains("sends it again -> {\"status\":\"OK\"}; memberships {1001=created}, kept whole:"
        + " [UnknownSiteNotification[type=order_shipped, data={\"order_id\":7}]]"), output);
    assertFalse(output.contains("not-the-password"), output);
    assertFalse(output.contains("APIuser123"), output);
    assertTrue(output.contains("apiKey=██"), output);
    assertFalse(output.contains("a9eb2bc7-secret"), output);
    assertTrue(output.contains("rangeKm=210"), output);
    assertTrue(output.contains("Vehicle.battery must be at most 100 (was '120')"), output);
    assertTrue(output.contains("Country.of(\"Portugal\") = Portugal, known: false"), output);
    assertTrue(output.contains("the first item's record, [Dark Horse Ventures], as the server does; 2 -> status 1,"
        + " Transaction failed org.aspcfs.modules.accounts.base.Organization.delete(java.sql.Connection)"), output);
    assertTrue(output.contains("2. A typed select, paged: 1 of 2 -> Account 1, Dark Horse Ventures, modified 20"),
        output);
    assertTrue(output.contains("processed -> Dark Horse Ventures (renamed)"), output);
    assertTrue(output.contains("1. Connected and authenticated; the server asked for the fleet, the handler sent"
        + " [{\"id\":\"car-17\""), output);
    assertTrue(output.contains("2. s_user/new answered with the spec's reply: {\"id\":\"u-ana\"}"), output);
    assertTrue(output.contains("reconnected and authenticated again, then it went out once: [{\"id\":\"car-17\","
        + "\"battery\":79"), output);
    assertTrue(output.contains("{color=\"red\"}; equal to the original: false"), output);
  }
}
