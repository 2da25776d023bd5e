package dev.specbridge.runtime.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.specbridge.runtime.value.UnknownFields;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormReaderTest {
  @Test
  void aTupleReadsInIndexOrder() {
    FormReader reader = FormReader.parse(
        "status=1&status_message%5B1%5D=second&status_message%5B0%5D=first&status_message%5B10%5D=eleventh");
    assertEquals(List.of("first", "second", "eleventh"), reader.takeTuple("status_message"));
  }

  @Test
  void repeatedKeysAreAllKept() {
    FormReader reader = FormReader.parse("tag=a&tag=b&other=c");
    assertEquals("a", reader.take("tag"));
    UnknownFields rest = reader.rest();
    assertEquals(List.of("b"), rest.getAll("tag"));
    assertEquals("c", rest.get("other"));
  }

  @Test
  void aBracketGroupReadsAsJson() {
    FormReader reader = FormReader.parse("summary[total_count]=3&summary[file_basename]=a.csv"
        + "&leads[0][id]=1&leads[0][status]=new&leads[1][id]=2&tags[]=x&tags[]=y&status=0");
    assertEquals("{\"total_count\":\"3\",\"file_basename\":\"a.csv\"}", reader.takeJson("summary"));
    assertEquals("[{\"id\":\"1\",\"status\":\"new\"},{\"id\":\"2\"}]", reader.takeJson("leads"));
    assertEquals("[\"x\",\"y\"]", reader.takeJson("tags"));
    assertNull(reader.takeJson("missing"));
    assertEquals(List.of("status"), List.copyOf(reader.rest().names()));
  }

  @Test
  void aPairCarryingJsonIsReadAsIs() {
    FormReader reader = FormReader.parse("products=%5B%7B%22qty%22%3A3%7D%5D");
    assertEquals("[{\"qty\":3}]", reader.takeJson("products"));
  }

  @Test
  void aJsonAnswerReadsAsPairs() {
    FormReader reader = FormReader.ofJsonObject(
        "{\"status\":0,\"status_message\":\"ok\",\"leads\":[{\"id\":1}],\"flag\":true,\"gone\":null}");
    assertEquals("0", reader.take("status"));
    assertEquals("ok", reader.take("status_message"));
    assertEquals("[{\"id\":1}]", reader.takeJson("leads"));
    assertEquals("true", reader.take("flag"));
    assertNull(reader.take("gone"));
  }

  @Test
  void aCredentialIsReadableByAFieldButNeverAnUnknownField() {
    FormReader reader = FormReader.parse("ai_token=T1&ai_token=T1&keep=1");
    assertEquals("T1", reader.credential("ai_token"));
    assertEquals(UnknownFields.empty().with("keep", "1"), reader.rest(), "neither copy is kept");
    assertEquals("T1", reader.take("ai_token"), "a field of that name still reads it");
    assertNull(FormReader.parse("a=1").credential("ai_token"));
  }
}
