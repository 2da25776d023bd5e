package dev.specbridge.runtime.form;

import dev.specbridge.runtime.json.Json;
import dev.specbridge.runtime.json.MemberNames;
import tools.jackson.core.JsonGenerator;

/**
 * Writes pairs as the members of the JSON object a generator is in: the form of one command, or one answer, in a
 * batch. A structured field stays a JSON value; everything else is a string, as it is in a form body.
 */
public final class JsonMemberSink implements FormSink {
  private final JsonGenerator generator;
  /** JSON names a member once: a name that comes twice (a tuple, a repeated pair) is refused, not written twice. */
  private final MemberNames names = new MemberNames();

  /** Pairs written as members of the object {@code generator} has started, which the caller then ends. */
  public JsonMemberSink(JsonGenerator generator) {
    this.generator = generator;
  }

  @Override
  public void add(String name, String value) {
    if (value != null) {
      names.add(name);
      generator.writeStringProperty(name, value);
    }
  }

  @Override
  public void addJson(String name, String json) {
    names.add(name);
    generator.writeName(name);
    Json.writeRaw(generator, json, name); // checked: a json field's text may come from anywhere
  }
}
