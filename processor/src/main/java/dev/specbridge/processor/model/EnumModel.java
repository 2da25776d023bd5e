package dev.specbridge.processor.model;

import java.util.List;

/** An open enum: the values the spec lists, while any other value the server sends is kept too. */
public record EnumModel(String javaName, String doc, List<Value> values) {
  /** One listed value: its wire spelling, its constant's name and its doc. */
  public record Value(String wire, String constant, String doc) {}

  public EnumModel {
    values = List.copyOf(values);
  }
}
