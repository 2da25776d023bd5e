package dev.specbridge.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void wireNamesBecomeCamelCase() {
    assertEquals("firstName", Names.camelCase("first_name"));
    assertEquals("userID", Names.camelCase("userID"));
    assertEquals("aiLoginId", Names.camelCase("ai_login_id"));
    assertEquals("statusMessage0", Names.camelCase("status_message[0]"));
    assertEquals("addressLine1", Names.camelCase("address_line_1"));
  }

  @Test
  void entryNamesBecomePascalCase() {
    assertEquals("CreateLead", Names.pascalCase("create_lead"));
    assertEquals("SExtAuthenticate", Names.pascalCase("s_ext/authenticate"));
  }

  @Test
  void enumValuesBecomeConstants() {
    assertEquals("CHILE", Names.constantCase("Chile"));
    assertEquals("NEW_USER", Names.constantCase("newUser"));
    assertEquals("WALK_IN", Names.constantCase("walk-in"));
    assertEquals("_1", Names.constantCase("1"));
    assertEquals("_", Names.constantCase("--"));
    assertEquals("CREATE_LEAD", Names.constantCase("CreateLead"));
    assertEquals("USER_ID", Names.constantCase("userID"));
    assertEquals("SKU2_PRICE", Names.constantCase("sku2Price"));
  }

  @Test
  void problemsOfJavaNames() {
    assertEquals("'class' is a Java keyword", Names.problem("class"));
    assertEquals("'record' is a restricted name in Java", Names.problem("record"));
    assertEquals("'1a' is not a valid Java name", Names.problem("1a"));
    assertNull(Names.problem("email"));
  }
}
