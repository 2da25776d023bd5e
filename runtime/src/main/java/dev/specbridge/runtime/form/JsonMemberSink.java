package dev.specbridge.runtime.form;

import tools.jackson.core.JsonGenerator;

/**
 * Writes pairs as the members of the JSON object a generator is in: the form of one command, or one answer, in a
 * batch. A structured field stays a JSON value; everything else is a string, as it is in a form body.
 */
final class JsonMemberSink implements FormSink {
  private final JsonGenerator generator;

  JsonMemberSink(JsonGenerator generator) {
    this.generator = generator;
  }

  @Override
  public void add(String name, String value) {
    if (value != null) {
      generator.writeStringProperty(name, value);
    }
  }

  @Override
  public void addJson(String name, String json) {
    generator.writeName(name);
    generator.writeRawValue(json); // only generated codecs call this, with JSON they wrote or read
  }
}
